/// A QBO product or service (`Item`); products are matched to HubSpot by `Sku`.
public struct QBOItem: Sendable {
    public var location: Location
    public var id: Located<String>?
    public var name: Located<String>?
    public var sku: Located<String>?
    public var type: Located<String>?
    public var active: Bool
    public var incomeAccount: Located<String>?

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        id = try node.string("Id")
        name = try node.string("Name")
        sku = try node.string("Sku")
        type = try node.string("Type")
        active = try node.bool("Active")?.value ?? true
        incomeAccount = try node.reference("IncomeAccountRef")
    }
}
