import QBCheckCore

/// Every rule qbcheck runs, sorted by id. A test checks that this list, the `rules/` catalog
/// and the corpus agree.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        AccountingDealPropertiesRule(),
        BillingContactRule(),
        ClosedPeriodRule(),
        ClosedPeriodUnlockedRule(),
        ConnectPermissionRule(),
        ContactMissingEmailRule(),
        CurrencyMismatchRule(),
        CustomFieldIneligibleRule(),
        CustomFieldNotVisibleRule(),
        CustomMappingTierRule(),
        CustomTransactionNumbersRule(),
        DocNumberTooLongRule(),
        DuplicateDisplayNameRule(),
        DuplicateDocNumberRule(),
        DuplicateSKURule(),
        HubSpotInvoiceTaxRule(),
        InactiveReferenceRule(),
        IncompatibleFieldMappingRule(),
        InvalidNameCharactersRule(),
        InvoiceArithmeticRule(),
        InvoiceCompanyAssociationRule(),
        LockedInvoiceEditRule(),
        NameTooLongRule(),
        NonUSInvoiceSyncRule(),
        OutboundInvoiceFilterLockedRule(),
        PaidInvoiceWorkflowDuplicatesRule(),
        ProcessingFeesNotExpensedRule(),
        ProductMissingSKURule(),
        RevenueRecognitionServiceDateRule(),
        TaxableInvoiceLineLimitRule(),
        TwoWayUpdateNotSyncedRule(),
        UnmatchedLineItemRule(),
    ]

    /// The engine with every rule and the embedded catalog.
    public static var engine: RuleEngine {
        RuleEngine(rules: all, catalog: catalog)
    }
}
