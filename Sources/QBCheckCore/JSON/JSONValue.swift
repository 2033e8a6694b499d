/// A JSON value as it stands in its file: what it is, and the byte offset where it starts.
///
/// Findings must point at the exact place of the offending value (CI annotations need line and
/// column), so every value remembers its offset. Numbers keep their source text, so amounts are
/// decoded exactly (`1234.565` stays `1234.565`) and only when a rule reads them.
public struct JSONValue: Sendable {
    /// Byte offset of the value's first byte in its source.
    public var offset: Int
    public var kind: Kind

    public enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number's text as written, e.g. `"100.00"` or `"1e3"`.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public init(offset: Int, kind: Kind) {
        self.offset = offset
        self.kind = kind
    }

    /// The name of the value's JSON type, as messages about wrong types say it.
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public var object: JSONObject? {
        if case .object(let object) = kind { return object }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// The member `key` of an object value; nil for other values.
    public subscript(key: String) -> JSONValue? {
        object?[key]
    }
}

/// A JSON object's members in file order.
///
/// Unknown members are kept (and ignored by the model). When a key repeats, the last occurrence
/// wins, as it does for the QBO API's Jackson-based reader and for HubSpot's.
public struct JSONObject: Sendable {
    public struct Member: Sendable {
        public var key: String
        public var keyOffset: Int
        public var value: JSONValue
    }

    public var members: [Member]

    public init(members: [Member]) {
        self.members = members
    }

    public subscript(key: String) -> JSONValue? {
        for member in members.reversed() where member.key == key {
            return member.value
        }
        return nil
    }

    public var keys: [String] { members.map(\.key) }
}
