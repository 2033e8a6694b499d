/// A JSON value and where it stands: the cursor the document model reads through.
///
/// Its typed readers accept what the APIs really send (QBO amounts as numbers, HubSpot values as
/// strings, `null` for absent) and throw a `ShapeError` at the value's place for anything else.
///
/// A traced node knows its JSON pointer and hands one to each child: the document reader walks
/// traced nodes to the records, so each record knows where it stands. The model reads a record
/// through untraced nodes, which carry only offsets (a pointer per field read would be a heap
/// allocation per value); `SourceFile.pointer(of:within:)` finds the pointers that get reported.
public struct Node: Sendable {
    public let value: JSONValue
    /// The node's pointer when it is traced.
    public let pointer: JSONPointer?

    public init(_ value: JSONValue, at pointer: JSONPointer?) {
        self.value = value
        self.pointer = pointer
    }

    public var location: Location {
        if let pointer { return Location(pointer: pointer, offset: value.offset) }
        return Location(offset: value.offset)
    }

    /// The same value, read without tracing the pointers below it.
    public var untraced: Node { Node(value, at: nil) }

    public func child(_ key: String) -> Node? {
        guard let child = value.object?[key] else { return nil }
        return Node(child, at: pointer?.appending(key))
    }

    /// The members of an object, in file order (the last of a repeated key only).
    public var members: [(key: String, node: Node)] {
        guard let object = value.object else { return [] }
        var seen = Set<String>()
        var result: [(String, Node)] = []
        for member in object.members.reversed() where seen.insert(member.key).inserted {
            result.append((member.key, Node(member.value, at: pointer?.appending(member.key))))
        }
        return result.reversed()
    }

    public var elements: [Node] {
        guard let array = value.array else { return [] }
        return array.enumerated().map { Node($1, at: pointer?.appending($0)) }
    }

    private func wrongType(_ expected: String, _ found: Node) -> ShapeError {
        ShapeError(at: found.location, "expected \(expected), found \(found.value.typeName)\(Node.quote(found.value))")
    }

    static func quote(_ value: JSONValue) -> String {
        switch value.kind {
        case .string(let text): " \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .number(let text): " \(text)"
        default: ""
        }
    }

    /// A present, non-null member, or nil.
    private func present(_ key: String) -> Node? {
        guard let node = child(key), !node.value.isNull else { return nil }
        return node
    }

    public func object(_ key: String) throws(ShapeError) -> Node? {
        guard let node = present(key) else { return nil }
        guard node.value.object != nil else { throw wrongType("an object", node) }
        return node
    }

    public func array(_ key: String) throws(ShapeError) -> [Node] {
        guard let node = present(key) else { return [] }
        guard node.value.array != nil else { throw wrongType("an array", node) }
        return node.elements
    }

    /// A string member; ids that arrive as numbers are read as their text.
    public func string(_ key: String) throws(ShapeError) -> Located<String>? {
        guard let node = present(key) else { return nil }
        return try node.asString()
    }

    public func asString() throws(ShapeError) -> Located<String> {
        switch value.kind {
        case .string(let text): return Located(text, at: location)
        case .number(let text): return Located(text, at: location)
        default: throw wrongType("a string", self)
        }
    }

    /// An amount or quantity: a JSON number or a numeric string, read exactly.
    public func decimal(_ key: String) throws(ShapeError) -> Located<ExactDecimal>? {
        guard let node = present(key) else { return nil }
        return try node.asDecimal()
    }

    public func asDecimal() throws(ShapeError) -> Located<ExactDecimal> {
        let text: String
        switch value.kind {
        case .number(let number): text = number
        case .string(let string): text = string.trimmingSpaces
        default: throw wrongType("an amount (a number or a numeric string)", self)
        }
        guard let decimal = ExactDecimal(text) else {
            // Only the wording depends on whether the text looks like a number at all.
            let looksNumeric = !text.isEmpty && text.allSatisfy { "0123456789+-.eE".contains($0) }
            let why = looksNumeric ? "which is out of the range qbcheck holds exactly (38 digits, exponents up to ±64)" : "which is not a number"
            throw ShapeError(at: location, "expected an amount (a number or a numeric string), found\(Node.quote(value)), \(why)")
        }
        return Located(decimal, at: location)
    }

    public func bool(_ key: String) throws(ShapeError) -> Located<Bool>? {
        guard let node = present(key) else { return nil }
        switch node.value.kind {
        case .bool(let flag): return Located(flag, at: node.location)
        case .string(let text) where text == "true" || text == "false": return Located(text == "true", at: node.location)
        default: throw wrongType("true or false", node)
        }
    }

    /// A date: `YYYY-MM-DD`, an ISO 8601 date-time, or (HubSpot) epoch milliseconds.
    public func date(_ key: String) throws(ShapeError) -> Located<CalendarDate>? {
        guard let node = present(key) else { return nil }
        let text = try node.asString()
        if text.value.isEmpty { return nil }
        guard let date = CalendarDate(text.value) else {
            throw ShapeError(at: node.location, "expected a date (YYYY-MM-DD), found \"\(text.value)\"")
        }
        return Located(date, at: node.location)
    }

    /// The `value` of a QBO reference such as `{"value": "1", "name": "Services"}`.
    public func reference(_ key: String) throws(ShapeError) -> Located<String>? {
        guard let node = try object(key) else { return nil }
        return try node.string("value")
    }
}

extension String {
    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    private static let asciiSpaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]

    package var trimmingSpaces: String {
        // Most values have nothing to trim: say so from their first and last bytes.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.asciiSpaces.contains(first), !Self.asciiSpaces.contains(last) {
            return self
        }
        if isEmpty { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
