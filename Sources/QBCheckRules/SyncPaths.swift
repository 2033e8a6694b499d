import QBCheckCore

extension RuleContext {
    /// Whether the sync will write this invoice into QBO: created in HubSpot (or a QBO create
    /// payload), invoice sync writing to QBO, and not a HubSpot draft (drafts do not sync).
    /// Nil when its origin is unknown.
    package func isInvoiceBoundForQuickBooks(_ document: Document) -> Bool? {
        guard document.isInvoice, syncsInvoicesToQuickBooks else { return false }
        if let object = document.crmObject, object["hs_invoice_status"]?.value.lowercased() == "draft" { return false }
        if document.transaction != nil, document.recordID == nil || document.operation == .create { return true }
        return origin(of: document).map { $0 == .hubspot }
    }

    /// Whether the sync will bring this QBO invoice into HubSpot.
    func isInvoiceBoundForHubSpot(_ document: Document) -> Bool? {
        guard document.transaction?.entity == "Invoice", SyncSettings.writesToHubSpot(settings.invoices) else { return false }
        return origin(of: document).map { $0 == .quickbooks }
    }

    /// The HubSpot line items of a HubSpot invoice, from the batch or the account.
    package func lineItems(of invoice: CRMObject) -> [(association: CRMObject.Association, document: Document?)] {
        invoice.associated(.lineItems).map { ($0, hubspot(.lineItems, id: $0.id.value)) }
    }
}
