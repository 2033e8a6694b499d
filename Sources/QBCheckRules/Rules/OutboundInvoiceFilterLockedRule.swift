import QBCheckCore

/// "Sync filters (except outbound invoice sync) can be edited": the filter of HubSpot →
/// QuickBooks invoice sync is fixed.
public struct OutboundInvoiceFilterLockedRule: Rule {
    public let id = "outbound-invoice-filter-locked"
    public var records: RecordKinds { .settings }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let location = document.settings?.invoices?.hubspotToQuickBooksFilterLocation else { return }
        output.report(location, in: document,
            "the settings change the filter of HubSpot → QuickBooks invoice sync, which HubSpot does not let anyone edit; the sync will keep its own filter and these conditions will not apply",
            remedy: "Remove sync.invoices.filters.hubspotToQuickBooks; to keep invoices out of QuickBooks, make invoice sync one-way QuickBooks → HubSpot or keep them in draft.")
    }
}
