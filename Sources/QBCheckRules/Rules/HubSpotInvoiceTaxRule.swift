import QBCheckCore

/// "It isn't possible to charge taxes on invoices in HubSpot. If tax is needed on an invoice,
/// it's recommended that the invoices are created in QuickBooks and synced to HubSpot."
///
/// Judges invoices created in HubSpot: in QBO shape (`TxnTaxDetail` tax, taxable line codes)
/// and in HubSpot shape (associated tax objects, line items with a tax rate or tax amount).
public struct HubSpotInvoiceTaxRule: Rule {
    public let id = "hubspot-invoice-tax"

    public init() {}

    private static let remedy =
        "Remove the tax from the HubSpot invoice; if the customer must be charged tax, create the invoice in QuickBooks and let it sync to HubSpot."

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard document.isInvoice, context.syncsInvoicesToQuickBooks else { return }
        guard let origin = context.origin(of: document) else {
            if document.transaction != nil { output.skip(RuleContext.unknownOriginReason) }
            return
        }
        guard origin == .hubspot else { return }
        if let transaction = document.transaction {
            checkQuickBooksShape(transaction, in: document, into: &output)
        } else if let invoice = document.crmObject {
            checkHubSpotShape(invoice, in: document, context: context, into: &output)
        }
    }

    private func checkQuickBooksShape(_ invoice: QBOTransaction, in document: Document, into output: inout RuleOutput) {
        if let total = invoice.taxDetail?.totalTax, !total.value.isZero {
            output.report(total.location, in: document,
                "\(document.label) carries tax \(total.value) (TxnTaxDetail.TotalTax) but was created in HubSpot, which cannot charge tax on invoices; the sync cannot carry it",
                remedy: Self.remedy)
        } else if let taxLine = invoice.taxDetail?.taxLines.first(where: { !($0.amount?.value.isZero ?? true) }), let amount = taxLine.amount {
            output.report(amount.location, in: document,
                "\(document.label) has a tax line of \(amount.value) but was created in HubSpot, which cannot charge tax on invoices",
                remedy: Self.remedy)
        }
        for line in invoice.allLines {
            guard let code = line.taxCode, document.text(code, is: "TAX") else { continue }
            output.report(code.location, in: document,
                "line \(document.text(line.id) ?? "") of \(document.label) is marked taxable (TaxCodeRef \"TAX\") but the invoice was created in HubSpot, which cannot charge tax",
                remedy: "Set the line's tax code to \"NON\", or create the invoice in QuickBooks if it must be taxed.")
        }
    }

    private func checkHubSpotShape(_ invoice: CRMObject, in document: Document, context: RuleContext, into output: inout RuleOutput) {
        for name in ["hs_tax", "hs_tax_amount"] {
            if let tax = invoice.decimal(name), !tax.value.isZero {
                output.report(tax.location, in: document,
                    "\(document.label) carries tax \(tax.value) (\(name)), but HubSpot invoices cannot carry tax into QuickBooks",
                    remedy: Self.remedy)
            }
        }
        for tax in invoice.associated(.taxes) {
            output.report(tax.id.location, in: document,
                "\(document.label) is associated with tax \(tax.id.value), but HubSpot invoices cannot carry tax into QuickBooks",
                remedy: "Remove the tax from the invoice in HubSpot, or create the invoice in QuickBooks if it must be taxed.")
        }
        for association in invoice.associated(.lineItems) {
            guard let lineDocument = context.hubspot(.lineItems, id: association.id.value),
                  let line = lineDocument.crmObject else { continue }
            let what: String
            let location: Location
            if let rate = line["hs_tax_rate_group_id"] {
                (what, location) = ("tax rate \"\(rate.value)\" (hs_tax_rate_group_id)", rate.location)
            } else if let amount = [line.decimal("hs_tax_amount"), line.decimal("tax")].compactMap({ $0 }).first(where: { !$0.value.isZero }) {
                (what, location) = ("tax \(amount.value)", amount.location)
            } else {
                continue
            }
            output.report(location, in: lineDocument,
                "\(lineDocument.label) of \(document.label) carries \(what), but the invoice was created in HubSpot, which cannot carry tax into QuickBooks",
                remedy: "Remove the tax rate from the line item, or create the invoice in QuickBooks if it must be taxed.")
        }
    }
}
