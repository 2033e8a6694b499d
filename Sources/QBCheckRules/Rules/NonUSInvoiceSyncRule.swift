import QBCheckCore

/// "Most non-U.S. QuickBooks Online versions require that synced invoices include tax (e.g.,
/// VAT, HST, GST, etc.). HubSpot invoices can't be created with tax, so users with non-U.S.
/// QuickBooks Online accounts won't be able to use this feature."
public struct NonUSInvoiceSyncRule: Rule {
    public let id = "non-us-invoice-sync"
    public let requirements: [Requirement] = [.companyInfo]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard document.isInvoice, context.syncsInvoicesToQuickBooks, let company = context.account?.companyInfo?.info,
              company.isUnitedStates == false, let country = company.country?.value else { return }
        guard let origin = context.origin(of: document) else {
            output.skip(RuleContext.unknownOriginReason)
            return
        }
        guard origin == .hubspot else { return }
        let tax = Self.taxName(country: country)
        output.report(document.location, in: document,
            "\(document.label) was created in HubSpot but the QuickBooks company is in \(country), whose edition requires \(tax) on every synced invoice; HubSpot invoices cannot carry tax, so QuickBooks rejects it (error 6000, \"Make sure all your transactions have a \(tax) rate before you save\")",
            remedy: "Create invoices for this company in QuickBooks and sync them QuickBooks → HubSpot; turn off HubSpot → QuickBooks invoice sync.")
    }

    /// The tax QBO's 6000 error names for the region (api-facts §5).
    static func taxName(country: String) -> String {
        switch country.uppercased() {
        case "CA", "CANADA": "GST/HST"
        case "GB", "UK", "UNITED KINGDOM", "FR", "FRANCE": "VAT"
        case "AU", "AUSTRALIA", "IN", "INDIA": "GST"
        default: "tax"
        }
    }
}
