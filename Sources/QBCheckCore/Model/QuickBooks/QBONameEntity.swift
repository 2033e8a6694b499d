/// A QBO Customer, Vendor or Employee: the records whose `DisplayName` must be unique together.
public final class QBONameEntity: Sendable {
    public let entity: String
    public let location: Location
    public let id: Located<String>?
    public let displayName: Located<String>?
    public let title: Located<String>?
    public let givenName: Located<String>?
    public let middleName: Located<String>?
    public let familyName: Located<String>?
    public let suffix: Located<String>?
    public let companyName: Located<String>?
    public let email: Located<String>?
    public let printOnCheckName: Located<String>?
    public let currency: Located<String>?
    public let active: Bool

    /// The members read, named as QBO names them.
    private enum Member: Int, MemberSlot {
        case Id, DisplayName, Title, GivenName, MiddleName, FamilyName, Suffix, CompanyName, PrimaryEmailAddr, PrintOnCheckName, CurrencyRef,
             Active
        static let names = MemberSlotTable(Self.self)
    }

    public init(_ node: FieldReader, entity: String) throws(ShapeError) {
        self.entity = entity
        location = node.location
        let member = node.members(Member.self)
        id = try member[.Id]?.asString()
        displayName = try member[.DisplayName]?.asString()
        title = try member[.Title]?.asString()
        givenName = try member[.GivenName]?.asString()
        middleName = try member[.MiddleName]?.asString()
        familyName = try member[.FamilyName]?.asString()
        suffix = try member[.Suffix]?.asString()
        companyName = try member[.CompanyName]?.asString()
        email = try member[.PrimaryEmailAddr]?.asObject().string("Address")
        printOnCheckName = try member[.PrintOnCheckName]?.asString()
        currency = try member[.CurrencyRef]?.asReference()
        active = try member[.Active]?.asBool().value ?? true
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
