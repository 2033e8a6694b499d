import QBCheckCore

/// "For two-way invoice sync, updates to mapped properties can sync to QuickBooks only if the
/// invoice was created in HubSpot and synced to QuickBooks."
public struct TwoWayUpdateNotSyncedRule: Rule {
    public let id = "two-way-update-not-synced"
    /// Edits only: it judges no document alone.
    public var records: RecordKinds { [] }

    public init() {}

    /// HubSpot invoice properties the default invoice mappings carry to QBO.
    static let mappedProperties: Set<String> = [
        "hs_number", "hs_invoice_date", "hs_due_date", "hs_currency", "hs_purchase_order_number", "hs_comments",
        "hs_tax_id", "hs_invoice_status", "hs_amount_billed", "hs_balance_due",
    ]

    public func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput) {
        guard let before = edit.before?.crmObject, let afterDocument = edit.after, let after = afterDocument.crmObject,
              after.type == .invoices, context.origin(of: afterDocument) == .quickbooks else { return }
        let mapped = Self.mappedProperties.union(context.settings.invoiceCustomFieldMappings.map(\.hubspotProperty.value))
            .union((context.settings.invoices?.customMappings ?? []).map(\.hubspotProperty.value))
        for name in mapped.sorted() where before[name]?.value != after[name]?.value {
            output.report(after[name]?.location ?? after.propertiesLocation, in: afterDocument,
                "\(afterDocument.label) was created in QuickBooks, so the HubSpot change of \(name) (\(before[name]?.value ?? "empty") → \(after[name]?.value ?? "empty")) will not reach QuickBooks: mapped updates sync to QuickBooks only for invoices created in HubSpot",
                remedy: "Make the change in QuickBooks; it will sync to HubSpot.")
        }
    }
}
