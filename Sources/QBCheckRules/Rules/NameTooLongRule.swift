import QBCheckCore

/// QBO's name limits (Customer reference): DisplayName 500 characters; GivenName, MiddleName,
/// FamilyName and CompanyName 100; Title and Suffix 16; Item Name 100. Longer names fail.
/// (The SDK schema states smaller limits for older editions; the REST reference is used.)
public struct NameTooLongRule: Rule {
    public let id = "name-too-long"

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        for (field, value, limit) in Self.names(of: document, in: context) where value.value.utf8.count > limit {
            // Counted in characters; the byte count (never smaller) rules out short names cheaply.
            let length = value.value.count
            guard length > limit else { continue }
            output.report(value.location, in: document,
                "the \(field) has \(length) characters, but QuickBooks allows at most \(limit), so the record fails to sync",
                remedy: "Shorten the name to \(limit) characters or fewer.")
        }
    }

    static func names(of document: Document, in context: RuleContext) -> [(String, Located<String>, Int)] {
        switch document.content {
        case .quickbooks(.name(let entity)):
            return entity.limitedNames.map { ("\(entity.entity.lowercased()) \($0.field)", $0.value, $0.limit) }
        case .quickbooks(.item(let item)):
            return item.name.map { [("product name", $0, 100)] } ?? []
        case .hubspot(let contact) where contact.type == .contacts && context.syncsContactsToQuickBooks:
            return [("contact first name (QuickBooks GivenName)", contact["firstname"], 100), ("contact last name (QuickBooks FamilyName)", contact["lastname"], 100)]
                .compactMap { field, value, limit in value.map { (field, $0, limit) } }
        case .hubspot(let company) where company.type == .companies && context.syncsContactsToQuickBooks:
            return company["name"].map { [("company name (the QuickBooks CompanyName and DisplayName of its contacts)", $0, 100)] } ?? []
        case .hubspot(let product) where product.type == .products && SyncSettings.writesToQuickBooks(context.settings.products):
            return product["name"].map { [("product name", $0, 100)] } ?? []
        default:
            return []
        }
    }
}
