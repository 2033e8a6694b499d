import QBCheckCore

/// Matches records across the two sides as the sync does: contacts and customers by email,
/// products by SKU, invoices by number.
struct Counterparts {
    let account: AccountSnapshot
    var contactsByEmail: [String: String] = [:]
    var productsBySKU: [String: String] = [:]
    var itemsBySKU: [String: String] = [:]
    var hubspotInvoicesByNumber: [String: String] = [:]
    /// QBO invoices by number, noted as they are read (`note`), and only when the snapshot
    /// holds HubSpot invoices to match them with.
    var quickbooksInvoicesByNumber: [String: String] = [:]
    private let notesInvoices: Bool

    init(account: AccountSnapshot, context: RuleContext) {
        self.account = account
        notesInvoices = account.hubspotTypes.contains(.invoices)
        for document in account.quickbooks {
            guard case .quickbooks(.item(let item)) = document.content, let sku = item.sku?.value, let id = item.id?.value else { continue }
            itemsBySKU[sku] = itemsBySKU[sku] ?? id
        }
        for document in account.hubspot {
            guard let object = document.crmObject, let id = object.id?.value else { continue }
            switch object.type {
            case .contacts: if let email = object["email"]?.value.lowercased() { contactsByEmail[email] = contactsByEmail[email] ?? id }
            case .products: if let sku = object["hs_sku"]?.value { productsBySKU[sku] = productsBySKU[sku] ?? id }
            case .invoices: if let number = object["hs_number"]?.value { hubspotInvoicesByNumber[number] = hubspotInvoicesByNumber[number] ?? id }
            default: break
            }
        }
    }

    /// Notes a QBO record as it is read: its invoice number, for HubSpot invoices' counterparts.
    mutating func note(_ document: Document) {
        guard notesInvoices, case .quickbooks(.transaction(let invoice)) = document.content, invoice.entity == "Invoice",
              let number = invoice.docNumber?.value, let id = invoice.id?.value else { return }
        quickbooksInvoicesByNumber[number] = quickbooksInvoicesByNumber[number] ?? id
    }

    func counterpart(of document: Document) -> String? {
        switch document.content {
        case .quickbooks(.name(let customer)):
            return customer.email.flatMap { contactsByEmail[$0.value.lowercased()] }.map { "HubSpot contact \($0)" }
        case .quickbooks(.item(let item)):
            return item.sku.flatMap { productsBySKU[$0.value] }.map { "HubSpot product \($0)" }
        case .quickbooks(.transaction(let invoice)):
            return invoice.docNumber.flatMap { hubspotInvoicesByNumber[$0.value] }.map { "HubSpot invoice \($0)" }
        case .hubspot(let object):
            switch object.type {
            case .contacts:
                return object["email"].flatMap { account.names.customer(email: $0.value.trimmingSpaces.lowercased())?.id }.map { "QBO Customer \($0)" }
            case .products: return object["hs_sku"].flatMap { itemsBySKU[$0.value] }.map { "QBO Item \($0)" }
            case .invoices: return object["hs_number"].flatMap { quickbooksInvoicesByNumber[$0.value] }.map { "QBO Invoice \($0)" }
            default: return nil
            }
        default:
            return nil
        }
    }
}
