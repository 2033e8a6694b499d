import QBCheckCore

/// Every rule qbcheck runs, sorted by id. A test checks that this list, the `rules/` catalog
/// and the corpus agree.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        ClosedPeriodRule(),
        CustomFieldIneligibleRule(),
        CustomFieldNotVisibleRule(),
        DuplicateDisplayNameRule(),
        HubSpotInvoiceTaxRule(),
        LockedInvoiceEditRule(),
        NonUSInvoiceSyncRule(),
    ]

    /// The engine with every rule and the embedded catalog.
    public static var engine: RuleEngine {
        RuleEngine(rules: all, catalog: catalog)
    }
}
