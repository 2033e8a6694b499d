/// A QBO Customer, Vendor or Employee: the records whose `DisplayName` must be unique together.
public struct QBONameEntity: Sendable {
    public var entity: String
    public var location: Location
    public var id: Located<String>?
    public var displayName: Located<String>?
    public var title: Located<String>?
    public var givenName: Located<String>?
    public var middleName: Located<String>?
    public var familyName: Located<String>?
    public var suffix: Located<String>?
    public var companyName: Located<String>?
    public var email: Located<String>?
    public var printOnCheckName: Located<String>?
    public var currency: Located<String>?
    public var active: Bool

    public init(_ node: Node, entity: String) throws(ShapeError) {
        self.entity = entity
        location = node.location
        id = try node.string("Id")
        displayName = try node.string("DisplayName")
        title = try node.string("Title")
        givenName = try node.string("GivenName")
        middleName = try node.string("MiddleName")
        familyName = try node.string("FamilyName")
        suffix = try node.string("Suffix")
        companyName = try node.string("CompanyName")
        email = try node.object("PrimaryEmailAddr")?.string("Address")
        printOnCheckName = try node.string("PrintOnCheckName")
        currency = try node.reference("CurrencyRef")
        active = try node.bool("Active")?.value ?? true
    }

    /// The name fields QBO limits, with their documented maximum lengths (QBO-CUST).
    public var limitedNames: [(field: String, value: Located<String>, limit: Int)] {
        [("DisplayName", displayName, 500), ("Title", title, 16), ("GivenName", givenName, 100), ("MiddleName", middleName, 100),
         ("FamilyName", familyName, 100), ("Suffix", suffix, 16), ("CompanyName", companyName, 100), ("PrintOnCheckName", printOnCheckName, 110)]
            .compactMap { field, value, limit in value.map { (field, $0, limit) } }
    }

    /// The display name QBO will hold: the explicit one, or, as QBO generates it when none is
    /// supplied, Title, GivenName, MiddleName, FamilyName and Suffix joined by spaces.
    public var effectiveDisplayName: Located<String>? {
        if let displayName, !displayName.value.trimmingSpaces.isEmpty { return displayName }
        let parts = [title, givenName, middleName, familyName, suffix].compactMap { $0 }
            .filter { !$0.value.trimmingSpaces.isEmpty }
        guard let first = parts.first else { return nil }
        return Located(parts.map { $0.value.trimmingSpaces }.joined(separator: " "), at: first.location)
    }
}
