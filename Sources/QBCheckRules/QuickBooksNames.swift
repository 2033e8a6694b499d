import QBCheckCore

/// The names a record gives QBO when it syncs there, with QBO's length limit for each, read by
/// the two name rules (`invalid-name-characters`, `name-too-long`).
struct QuickBooksName {
    /// How messages name the field: `DisplayName`, `contact first name (QuickBooks GivenName)`;
    /// a QBO customer's, vendor's or employee's is preceded by the entity (`field`).
    var fieldName: String
    /// `Customer`, `Vendor`, `Employee` for their names; nil for the others.
    var entity: String?
    var value: Located<String>
    /// QBO's maximum length, in characters (Customer and Item references).
    var limit: Int
    /// Item names use `:` between parent and sub-item; refusing it there is inferred, not documented.
    var isItemName: Bool

    /// `customer DisplayName`: worked out only for a message (a million customers are read
    /// with four names each, and most are fine).
    var field: String {
        entity.map { "\($0.lowercased()) \(fieldName)" } ?? fieldName
    }

    init(field: String, entity: String? = nil, value: Located<String>, limit: Int, isItemName: Bool) {
        self.fieldName = field
        self.entity = entity
        self.value = value
        self.limit = limit
        self.isItemName = isItemName
    }

    static func names(of document: Document, in context: RuleContext) -> [QuickBooksName] {
        switch document.content {
        case .quickbooks(.name(let entity)):
            return entity.limitedNames.map { QuickBooksName(field: $0.field, entity: entity.entity, value: $0.value, limit: $0.limit, isItemName: false) }
        case .quickbooks(.item(let item)):
            return item.name.map { [QuickBooksName(field: "product name", value: $0, limit: 100, isItemName: true)] } ?? []
        case .hubspot(let contact) where contact.type == .contacts && context.syncsContactsToQuickBooks:
            return [("contact first name (QuickBooks GivenName)", contact["firstname"]), ("contact last name (QuickBooks FamilyName)", contact["lastname"])]
                .compactMap { field, value in value.map { QuickBooksName(field: field, value: $0, limit: 100, isItemName: false) } }
        case .hubspot(let company) where company.type == .companies && context.syncsContactsToQuickBooks:
            // A company's name becomes the CompanyName and display name of its contacts' customers.
            return company["name"].map {
                [QuickBooksName(field: "company name (the QuickBooks CompanyName and DisplayName of its contacts)", value: $0, limit: 100, isItemName: false)]
            } ?? []
        case .hubspot(let product) where product.type == .products && SyncSettings.writesToQuickBooks(context.settings.products):
            return product["name"].map { [QuickBooksName(field: "product name", value: $0, limit: 100, isItemName: true)] } ?? []
        default:
            return []
        }
    }
}
