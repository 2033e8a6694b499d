import QBCheckCore

/// "Records without an email address are excluded from contact sync": contacts and customers
/// are matched by email.
public struct ContactMissingEmailRule: Rule {
    public let id = "contact-missing-email"
    public var records: RecordKinds { [.hubspotObjects, .quickbooksNames] }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        switch document.content {
        case .hubspot(let contact) where contact.type == .contacts:
            guard contact["email"]?.value.trimmingCharacters.isEmpty ?? true else { return }
            output.report(contact.propertiesLocation, in: document,
                "contact \(contact.id?.value ?? "") (\(Self.name(contact["firstname"]?.value, contact["lastname"]?.value))) has no email address, so contact sync excludes it and no QuickBooks customer will be created or matched for it",
                remedy: "Add the contact's email address in HubSpot if it should sync; contacts are matched to customers by email.")
        case .quickbooks(.name(let customer)) where customer.entity == "Customer":
            guard customer.active, customer.email?.value.trimmingCharacters.isEmpty ?? true else { return }
            output.report(customer.displayName?.location ?? customer.location, in: document,
                "QuickBooks customer \"\(customer.effectiveDisplayName?.value ?? "")\" has no email address (PrimaryEmailAddr), so contact sync excludes it and HubSpot will not get a contact for it",
                remedy: "Add the customer's email address in QuickBooks if it should sync to HubSpot.")
        default:
            return
        }
    }

    static func name(_ first: String?, _ last: String?) -> String {
        let name = [first, last].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? "no name" : name
    }
}
