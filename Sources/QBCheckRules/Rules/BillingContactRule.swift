import QBCheckCore

/// "When invoicing a new customer, make sure the contact on the invoice is the billing contact,
/// whose email address links it to the customer in QuickBooks." Troubleshooting: "An invoice
/// should have an associated customer. Make sure the associated customer is present in both
/// HubSpot & QuickBooks Online to sync this invoice."
public struct BillingContactRule: Rule {
    public let id = "billing-contact"
    public var records: RecordKinds { .hubspotObjects }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let invoice = document.crmObject, invoice.type == .invoices, context.isInvoiceBoundForQuickBooks(document) == true else { return }
        let contacts = invoice.associated(.contacts)
        guard let first = contacts.first else {
            output.report(invoice.propertiesLocation, in: document,
                "\(document.label) has no associated contact, so the sync cannot link it to a QuickBooks customer (\"An invoice should have an associated customer…\") and it fails to sync",
                remedy: "Associate the invoice with its billing contact, the contact whose email matches the customer in QuickBooks.",
                severity: .error)
            return
        }
        let known = contacts.compactMap { association in context.hubspot(.contacts, id: association.id.value)?.crmObject.map { (association, $0) } }
        guard !known.isEmpty else {
            output.skip("the invoice's contact is not in the batch or in the account snapshot (hubspot/contacts.json)")
            return
        }
        let withEmail = known.filter { !($0.1["email"]?.value.trimmingCharacters.isEmpty ?? true) }
        guard let (association, contact) = withEmail.first else {
            output.report(first.id.location, in: document,
                "the contact of \(document.label) has no email address, so the sync cannot match it to a QuickBooks customer and the invoice fails to sync (\"An invoice should have an associated customer…\")",
                remedy: "Give the billing contact the email address of the QuickBooks customer, or associate the invoice with the contact that has it.",
                severity: .error)
            return
        }
        guard context.knowsQuickBooks("Customer"), context.customer(matching: contact) == nil else { return }
        output.report(association.id.location, in: document,
            "the contact of \(document.label) (\(contact["email"]?.value ?? "")) matches no QuickBooks customer by email, so the sync will create a new customer for it; if the customer already exists in QuickBooks under another email, the invoice lands on a duplicate",
            remedy: "Invoice existing customers through the contact synced from QuickBooks; for a new customer, make sure this contact is its billing contact.",
            severity: .warning)
    }
}
