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

    /// The members read, named as QBO names them (`DirectRecordReader` reads by them too).
    enum Member: Int, MemberSlot {
        case Id, DisplayName, Title, GivenName, MiddleName, FamilyName, Suffix, CompanyName, PrimaryEmailAddr, PrintOnCheckName, CurrencyRef,
             Active
        static let names = MemberSlotTable(Self.self)
    }

    /// A record read some other way (`DirectRecordReader`), field by field.
    init(entity: String, location: Location, id: Located<String>?, displayName: Located<String>?, title: Located<String>?,
         givenName: Located<String>?, middleName: Located<String>?, familyName: Located<String>?, suffix: Located<String>?,
         companyName: Located<String>?, email: Located<String>?, printOnCheckName: Located<String>?, currency: Located<String>?,
         active: Bool) {
        self.entity = entity
        self.location = location
        self.id = id
        self.displayName = displayName
        self.title = title
        self.givenName = givenName
        self.middleName = middleName
        self.familyName = familyName
        self.suffix = suffix
        self.companyName = companyName
        self.email = email
        self.printOnCheckName = printOnCheckName
        self.currency = currency
        self.active = active
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

    /// Hands each name field QBO limits that the record has to `body`, with its documented
    /// maximum length (QBO-CUST). One call per field, not a list: asked by two rules of each of a
    /// million customers, the lists made and freed had been a fifth of checking them.
    public func forEachLimitedName(_ body: (_ field: String, _ value: Located<String>, _ limit: Int) -> Void) {
        if let displayName { body("DisplayName", displayName, 500) }
        if let title { body("Title", title, 16) }
        if let givenName { body("GivenName", givenName, 100) }
        if let middleName { body("MiddleName", middleName, 100) }
        if let familyName { body("FamilyName", familyName, 100) }
        if let suffix { body("Suffix", suffix, 16) }
        if let companyName { body("CompanyName", companyName, 100) }
        if let printOnCheckName { body("PrintOnCheckName", printOnCheckName, 110) }
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
