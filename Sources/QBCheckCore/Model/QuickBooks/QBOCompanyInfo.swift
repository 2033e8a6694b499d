/// QBO `CompanyInfo`: the company's country decides its edition's tax demands.
public struct QBOCompanyInfo: Sendable {
    public var location: Location
    public var companyName: Located<String>?
    public var country: Located<String>?

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        companyName = try node.string("CompanyName")
        country = try node.string("Country")
    }

    /// Whether this is a US edition; QBO returns `US` for them (api-facts §5).
    public var isUnitedStates: Bool? {
        guard let country = country?.value.trimmingSpaces.uppercased(), !country.isEmpty else { return nil }
        return ["US", "USA", "UNITED STATES"].contains(country)
    }
}
