/// A sync filter as HubSpot's setup screen builds it: groups of conditions, a record passes
/// when every condition of at least one group holds.
public struct SyncFilter: Sendable {
    public struct Condition: Sendable {
        public enum Operator: String, Sendable, CaseIterable {
            case `is`, isNot = "is-not", isAnyOf = "is-any-of", isNoneOf = "is-none-of"
            case after, before, isKnown = "is-known", isUnknown = "is-unknown", contains
        }

        public var location: Location
        public var property: String
        public var `operator`: Operator
        public var values: [String]
    }

    public var location: Location
    public var groups: [[Condition]]

    public init(location: Location, groups: [[Condition]]) {
        self.location = location
        self.groups = groups
    }

    init(_ node: Node) throws(ShapeError) {
        location = node.location
        var groups: [[Condition]] = []
        for group in try node.array("groups") {
            var conditions: [Condition] = []
            for condition in group.elements {
                try SyncSettings.expectKeys(condition, ["property", "operator", "value", "values"])
                guard let property = try condition.string("property")?.value else {
                    throw ShapeError(at: condition.location, "a filter condition needs \"property\"")
                }
                let operatorText = try condition.string("operator")?.value ?? "is"
                guard let op = Condition.Operator(rawValue: operatorText) else {
                    let names = Condition.Operator.allCases.map(\.rawValue)
                    throw ShapeError(at: condition.location, "unknown filter operator \"\(operatorText)\": use \(names.joined(separator: ", "))\(Suggestion.hint(for: operatorText, in: names))")
                }
                var values: [String] = []
                if let value = try condition.string("value") { values.append(value.value) }
                for value in try condition.array("values") { values.append(try value.asString().value) }
                conditions.append(Condition(location: condition.location, property: property, operator: op, values: values))
            }
            groups.append(conditions)
        }
        self.groups = groups
    }
}
