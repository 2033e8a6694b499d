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

    /// Hands `body` each name `document` gives QBO that `isSuspect` (its value, its limit) picks
    /// out, one call per name, not a list (see `QBONameEntity.forEachLimitedName`). The question
    /// is asked of every name first: a million customers have four names each, most are fine,
    /// and a name made for each (its field, entity and value, copied and freed) had cost more
    /// than the rules' own questions.
    static func forEachName(of document: Document, in context: RuleContext, where isSuspect: (String, Int) -> Bool,
                            _ body: (QuickBooksName) -> Void) {
        func offer(_ field: String, _ value: Located<String>, limit: Int, isItemName: Bool, entity: String? = nil) {
            if isSuspect(value.value, limit) { body(QuickBooksName(field: field, entity: entity, value: value, limit: limit, isItemName: isItemName)) }
        }
        switch document.content {
        case .quickbooks(.name(let entity)):
            entity.forEachLimitedName { offer($0, $1, limit: $2, isItemName: false, entity: entity.entity) }
        case .quickbooks(.item(let item)):
            if let name = item.name { offer("product name", name, limit: 100, isItemName: true) }
        case .hubspot(let contact) where contact.type == .contacts && context.syncsContactsToQuickBooks:
            if let first = contact["firstname"] { offer("contact first name (QuickBooks GivenName)", first, limit: 100, isItemName: false) }
            if let last = contact["lastname"] { offer("contact last name (QuickBooks FamilyName)", last, limit: 100, isItemName: false) }
        case .hubspot(let company) where company.type == .companies && context.syncsContactsToQuickBooks:
            // A company's name becomes the CompanyName and display name of its contacts' customers.
            if let name = company["name"] {
                offer("company name (the QuickBooks CompanyName and DisplayName of its contacts)", name, limit: 100, isItemName: false)
            }
        case .hubspot(let product) where product.type == .products && SyncSettings.writesToQuickBooks(context.settings.products):
            if let name = product["name"] { offer("product name", name, limit: 100, isItemName: true) }
        default:
            break
        }
    }
}
