import QBCheckCore

/// "If an invoice has line items that can't be matched to a product in QuickBooks, a product
/// called Custom line item will be created in QuickBooks and the unmatched line items will be
/// matched to it. In the invoice sync setup you define which income account it is linked to."
public struct UnmatchedLineItemRule: Rule {
    public let id = "unmatched-line-item"
    public var records: RecordKinds { .hubspotObjects }
    public let requirements: [Requirement] = [.quickbooksItems]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let invoice = document.crmObject, invoice.type == .invoices, context.isInvoiceBoundForQuickBooks(document) == true else { return }
        let account = context.settings.customLineItemIncomeAccount?.value
        for (association, lineDocument) in context.lineItems(of: invoice) {
            guard let lineDocument, let line = lineDocument.crmObject else {
                output.skip("a line item of the invoice is not in the batch or in the account snapshot (hubspot/line_items.json)")
                continue
            }
            let sku = line["hs_sku"]?.value.trimmingCharacters ?? ""
            guard sku.isEmpty || context.itemsBySKU[sku] == nil else { continue }
            let name = line["name"]?.value ?? association.id.value
            let why = sku.isEmpty ? "has no SKU" : "has SKU \"\(sku)\", which no QuickBooks product has"
            let location = line["hs_sku"]?.location ?? line["name"]?.location ?? lineDocument.location
            if let account {
                output.report(location, in: lineDocument,
                    "line item \"\(name)\" of \(document.label) \(why), so it will post to the Custom line item product and its income account \"\(account)\", not to the product's own accounts",
                    remedy: "Build the line from a product synced from QuickBooks (same SKU), so it posts to the right income and expense accounts.")
            } else {
                output.report(location, in: lineDocument,
                    "line item \"\(name)\" of \(document.label) \(why), so it will post to the Custom line item product, but no income account is set for that product in the invoice sync setup",
                    remedy: "Name the Custom line item's income account (sync.invoices.customLineItemIncomeAccount, as in the invoice sync setup), or build the line from a product synced from QuickBooks.",
                    severity: .error)
            }
        }
    }
}
