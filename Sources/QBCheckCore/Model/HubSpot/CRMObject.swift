/// A HubSpot CRM v3 object: `{"id", "properties": {...}, "associations": {...}}`.
///
/// Property values arrive as strings or null; null and empty strings are read as absent.
/// Amount properties are read as exact decimals (see `CRMObjectType.decimalProperties`).
public final class CRMObject: Sendable {
    /// One associated record: `{"id": "301", "type": "invoice_to_contact"}`.
    public struct Association: Sendable {
        public var id: Located<String>
        public var type: String?
    }

    public let type: CRMObjectType
    public let location: Location
    public let id: Located<String>?
    public let properties: [String: Located<String>]
    public let decimals: [String: Located<ExactDecimal>]
    public let associations: [CRMObjectType: [Association]]
    /// Where the `properties` object stands, for findings about a missing property.
    public let propertiesLocation: Location

    public init(_ node: Node, type: CRMObjectType) throws(ShapeError) {
        self.type = type
        location = node.location
        id = try node.string("id")
        let propertiesNode = try node.object("properties")
        // Sized ahead: an export's objects carry dozens of properties, and a dictionary that
        // grows rehashes every key each time.
        var properties: [String: Located<String>] = Dictionary(minimumCapacity: propertiesNode?.memberCount ?? 0)
        propertiesLocation = propertiesNode?.location ?? node.location
        // The last of a repeated property counts, as HubSpot reads it: a value of the wrong type
        // is an error only if no later one replaces it.
        var wrongTypes: [(key: String, error: ShapeError)] = []
        propertiesNode?.forEachMember { key, value in
            if !wrongTypes.isEmpty { wrongTypes.removeAll { $0.key == key } }
            switch value.scalar {
            case .null: properties[key] = nil
            case .text(let text) where text.isEmpty: properties[key] = nil
            case .text(let text): properties[key] = Located(text, at: value.location)
            case .bool(let flag): properties[key] = Located(flag ? "true" : "false", at: value.location)
            case nil:
                properties[key] = nil
                wrongTypes.append((key, ShapeError(at: value.location, "expected the HubSpot property \"\(key)\" to be a string or null, found \(value.typeName)")))
            }
        }
        if let first = wrongTypes.first { throw first.error }
        self.properties = properties
        // Grown as amounts are found, not sized for every amount the type may carry: the HubSpot
        // records others refer to are kept to the end, and tables sized ahead held 15 % more.
        var decimals: [String: Located<ExactDecimal>] = [:]
        for name in type.decimalProperties {
            guard let text = properties[name] else { continue }
            guard let decimal = ExactDecimal(text.value.trimmingSpaces) else {
                throw ShapeError(at: text.location, "expected the HubSpot property \"\(name)\" to hold a number, found \"\(text.value)\"")
            }
            decimals[name] = Located(decimal, at: text.location)
        }
        self.decimals = decimals
        var associations: [CRMObjectType: [Association]] = [:]
        for (key, value) in try node.object("associations")?.members ?? [] {
            guard let associatedType = CRMObjectType(apiName: key) else { continue }
            guard value.isObject else {
                throw ShapeError(at: value.location, "expected the association \"\(key)\" to be an object with \"results\", found \(value.typeName)")
            }
            for result in try value.array("results") {
                var id = try result.string("id")
                if id == nil { id = try result.string("toObjectId") }
                guard let id else { continue }
                associations[associatedType, default: []].append(Association(id: id, type: try result.string("type")?.value))
            }
        }
        self.associations = associations
    }

    public subscript(property: String) -> Located<String>? {
        properties[property]
    }

    public func decimal(_ property: String) -> Located<ExactDecimal>? {
        decimals[property]
    }

    public func associated(_ type: CRMObjectType) -> [Association] {
        associations[type] ?? []
    }
}
