import QBCheckCore

/// "When an invoice syncs from QuickBooks to HubSpot, it is associated with the primary company
/// of the contact on the invoice. If the contact has more than one company, the primary company
/// is associated; if the contact has no company, no company is associated."
public struct InvoiceCompanyAssociationRule: Rule {
    public let id = "invoice-company-association"
    public let requirements: [Requirement] = [.quickbooksCustomers]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let invoice = document.transaction, context.isInvoiceBoundForHubSpot(document) == true,
              let customerID = invoice.customer else { return }
        guard let customer = context.customer(id: customerID.value), let email = customer.email?.trimmingCharacters.lowercased() else { return }
        guard context.knowsHubSpot(.contacts) else {
            output.skip("no HubSpot contacts in the account snapshot (hubspot/contacts.json), so the invoice's company cannot be told")
            return
        }
        guard let contact = context.hubspotContact(withEmail: email) else { return }
        let companies = contact.associated(.companies)
        if companies.isEmpty {
            output.report(customerID.location, in: document,
                "\(document.label) will reach HubSpot with no company: its contact (\(email)) has no associated company, so the sync associates none",
                remedy: "Associate the contact with its company in HubSpot before the invoice syncs, or set the invoice's company by hand afterwards.")
        } else if companies.count > 1 {
            let primary = companies.first { $0.type.map { $0.lowercased() == "contact_to_company" || $0.lowercased().containsBytes(of: "primary") } ?? false } ?? companies[0]
            let name = context.hubspot(.companies, id: primary.id.value)?.crmObject?["name"]?.value ?? "company \(primary.id.value)"
            output.report(customerID.location, in: document,
                "\(document.label) will be associated only with \(name), the primary company of its contact (\(email)), who has \(companies.count) companies",
                remedy: "Check that the contact's primary company is the one to bill, or change the invoice's company by hand after it syncs.")
        }
    }
}

extension RuleContext {
    /// The HubSpot contact with this email (lowercased), from the batch or the account.
    func hubspotContact(withEmail email: String) -> CRMObject? {
        hubspotContactsByEmail[email]
    }
}
