/// A QBO product or service (`Item`); products are matched to HubSpot by `Sku`.
public final class QBOItem: Sendable {
    public let location: Location
    public let id: Located<String>?
    public let name: Located<String>?
    public let sku: Located<String>?
    public let type: Located<String>?
    public let active: Bool
    public let incomeAccount: Located<String>?

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
