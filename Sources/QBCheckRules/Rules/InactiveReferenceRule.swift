import QBCheckCore

/// QBO: an invoice that references an inactive customer or item fails with error 610 ("Object
/// Not Found : Something you're trying to use has been made inactive").
public struct InactiveReferenceRule: Rule {
    public let id = "inactive-reference"

    public init() {}

    private static let remedy = "Make the customer or product active again in QuickBooks, or use an active one."

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        // Customers and products are found inactive in the account snapshot only: without one,
        // every invoice was looked at for nothing.
        guard context.knowsQuickBooksNamesOrItems, context.isInvoiceBoundForQuickBooks(document) != false else { return }
        switch document.content {
        case .quickbooks(.transaction(let invoice)) where invoice.entity == "Invoice":
            if let reference = invoice.customer, let customer = context.customer(id: reference.value), !customer.active {
                report(reference.location, "customer \"\(customer.displayName ?? reference.value)\" (Id \(reference.value))", document, &output)
            }
            // Without the account's products, no line's product can be found inactive.
            guard !context.itemsByID.isEmpty else { return }
            for line in invoice.allLines {
                guard let reference = document.located(line.item), let item = context.itemsByID[reference.value], !item.active else { continue }
                report(reference.location, "product \"\(item.name?.value ?? reference.value)\" (Id \(reference.value))", document, &output)
            }
        case .hubspot(let invoice) where invoice.type == .invoices:
            guard context.isInvoiceBoundForQuickBooks(document) == true else { return }
            for association in invoice.associated(.contacts) {
                guard let contact = context.hubspot(.contacts, id: association.id.value)?.crmObject,
                      let customer = context.customer(matching: contact), !customer.active else { continue }
                report(association.id.location, "customer \"\(customer.displayName ?? "")\" (matched by the contact's email)", document, &output)
            }
            for (_, lineDocument) in context.lineItems(of: invoice) {
                guard let lineDocument, let line = lineDocument.crmObject, let sku = line["hs_sku"],
                      let item = context.itemsBySKU[sku.value], !item.active else { continue }
                report(sku.location, "product \"\(item.name?.value ?? "")\" (SKU \(sku.value))", lineDocument, &output)
            }
        default:
            return
        }
    }

    private func report(_ location: Location, _ what: String, _ document: Document, _ output: inout RuleOutput) {
        output.report(location, in: document,
            "\(document.label) references the inactive QuickBooks \(what); QuickBooks rejects it (error 610, \"Object Not Found : Something you're trying to use has been made inactive\")",
            remedy: Self.remedy)
    }
}
