/// A custom field mapping of one object pair: a HubSpot property and a QBO field, with their
/// types, so that incompatible pairs can be told before the sync drops their values.
public struct FieldMapping: Sendable {
    public static let hubspotTypes = ["text", "number", "date", "datetime", "checkbox", "radio", "dropdown"]
    public static let quickbooksTypes = ["text", "number", "date", "datetime", "boolean", "radio", "picklist"]

    public var location: Location
    /// The HubSpot object that holds the property (the pair's own object unless given, e.g. `deals`).
    public var hubspotObject: String?
    public var hubspotProperty: Located<String>
    public var hubspotType: Located<String>?
    /// The HubSpot property group, e.g. `accounting` for the deal's Accounting group.
    public var hubspotGroup: Located<String>?
    public var quickbooksField: Located<String>
    public var quickbooksType: Located<String>?
    /// The mapping's own direction (the pair's, unless given).
    public var direction: SyncSettings.Direction?

    init(_ node: Node) throws(ShapeError) {
        try SyncSettings.expectKeys(node, ["hubspotObject", "hubspotProperty", "hubspotType", "hubspotGroup", "quickbooksField", "quickbooksType", "direction"])
        guard let property = try node.string("hubspotProperty"), let field = try node.string("quickbooksField") else {
            throw ShapeError(at: node.location, "a mapping needs \"hubspotProperty\" and \"quickbooksField\"")
        }
        func oneOf(_ key: String, _ allowed: [String]) throws(ShapeError) -> Located<String>? {
            guard let value = try node.string(key) else { return nil }
            guard allowed.contains(value.value) else {
                throw ShapeError(at: value.location, "unknown \(key) \"\(value.value)\": use one of \(allowed.joined(separator: ", "))\(Suggestion.hint(for: value.value, in: allowed))")
            }
            return value
        }
        location = node.location
        hubspotObject = try node.string("hubspotObject")?.value
        hubspotProperty = property
        hubspotType = try oneOf("hubspotType", Self.hubspotTypes)
        hubspotGroup = try node.string("hubspotGroup")
        quickbooksField = field
        quickbooksType = try oneOf("quickbooksType", Self.quickbooksTypes)
        direction = try oneOf("direction", SyncSettings.Direction.allCases.map(\.rawValue)).flatMap { SyncSettings.Direction(rawValue: $0.value) }
    }
}
