/// A JSON value and where it stands: the cursor the document model reads through.
///
/// Its typed readers accept what the APIs really send (QBO amounts as numbers, HubSpot values as
/// strings, `null` for absent) and throw a `ShapeError` at the value's place for anything else.
///
/// A traced node knows its JSON pointer and hands one to each child: the document reader walks
/// traced nodes to the records, so each record knows where it stands. The model reads a record
/// through untraced nodes, which carry only offsets (a pointer per field read would be a heap
/// allocation per value); `PointerIndex` finds the pointers that get reported.
public struct Node: Sendable {
    let tape: JSONTape
    let index: Int
    /// The node's pointer when it is traced.
    public let pointer: JSONPointer?

    init(tape: JSONTape, index: Int, at pointer: JSONPointer?) {
        self.tape = tape
        self.index = index
        self.pointer = pointer
    }

    /// The value as a tree, for readers that want one (settings, the sync's writer).
    public var value: JSONValue { tape.value(at: index) }

    public var offset: Int { tape.offset(at: index) }

    public var location: Location {
        Location(offset: offset)
    }

    /// The same value, read without tracing the pointers below it.
    public var untraced: Node { Node(tape: tape, index: index, at: nil) }

    public var isNull: Bool { tape.kind(at: index) == .null }
    public var isObject: Bool { tape.kind(at: index) == .object }
    public var isArray: Bool { tape.kind(at: index) == .array }

    /// The text of a string value; nil for other values.
    public var stringValue: String? {
        tape.kind(at: index) == .string ? tape.text(at: index) : nil
    }

    /// The name of the value's JSON type, as messages about wrong types say it.
    public var typeName: String { fields.typeName }

    /// Whether the value is the string `text` (compared as bytes, no string made).
    public func isString(_ text: String) -> Bool {
        guard tape.kind(at: index) == .string else { return false }
        var text = text
        return text.withUTF8 { tape.textEquals(index, $0) }
    }

    public func child(_ key: String) -> Node? {
        guard isObject, let child = tape.member(key, of: index) else { return nil }
        return Node(tape: tape, index: child, at: pointer?.appending(key))
    }

    /// How many members the object has (repeated names counted each time); 0 for other values.
    public var memberCount: Int {
        isObject ? tape.entries[index].count : 0
    }

    /// Whether the object has a member named `key`.
    public func has(_ key: String) -> Bool {
        isObject && tape.member(key, of: index) != nil
    }

    /// The member names of an object in file order (repeats included); empty for other values.
    public var keys: [String] {
        guard isObject else { return [] }
        var keys: [String] = []
        tape.forEachMember(of: index) { keys.append(tape.text(at: $0)) }
        return keys
    }

    /// The members of an object, in file order (the last of a repeated key only).
    public var members: [(key: String, node: Node)] {
        guard isObject else { return [] }
        var result: [(key: String, node: Node)] = []
        result.reserveCapacity(tape.entries[index].count)
        forEachMember { key, node in result.append((key, node)) }
        guard hasRepeatedKey(result) else { return result }
        var seen = Set<String>()
        return result.reversed().filter { seen.insert($0.key).inserted }.reversed()
    }

    /// Hands each member to `body` in file order, repeats included, with no array made; a
    /// reader that keeps the last of a repeated key (a dictionary does) needs nothing more.
    public func forEachMember<Failure: Error>(_ body: (_ key: String, _ value: Node) throws(Failure) -> Void) throws(Failure) {
        guard isObject else { return }
        try tape.forEachMember(of: index) { (name) throws(Failure) in
            let key = tape.text(at: name)
            try body(key, Node(tape: tape, index: name + 1, at: pointer?.appending(key)))
        }
    }

    /// Hands each member name to `body` in file order, repeats included, with no node made.
    public func forEachMemberName(_ body: (_ key: String) -> Void) {
        guard isObject else { return }
        tape.forEachMember(of: index) { body(tape.text(at: $0)) }
    }

    /// Whether a key repeats: pairwise for the small objects records are made of, by a set
    /// for large ones.
    private func hasRepeatedKey(_ members: [(key: String, node: Node)]) -> Bool {
        if members.count <= 24 {
            for later in members.indices.dropFirst() {
                for earlier in 0..<later where members[earlier].key == members[later].key { return true }
            }
            return false
        }
        var seen = Set<String>()
        return members.contains { !seen.insert($0.key).inserted }
    }

    public var elements: [Node] {
        guard isArray else { return [] }
        var elements: [Node] = []
        elements.reserveCapacity(tape.entries[index].count)
        var position = 0
        tape.forEachElement(of: index) { element in
            elements.append(Node(tape: tape, index: element, at: pointer?.appending(position)))
            position += 1
        }
        return elements
    }

    /// The value as messages quote it: a string (cut at 40 characters) or a number.
    var quoted: String { fields.quoted }

    // The typed readers are the field reader's (the node keeps the tape alive meanwhile).

    public func object(_ key: String) throws(ShapeError) -> Node? {
        guard let object = try fields.object(key) else { return nil }
        return Node(tape: tape, index: object.index, at: pointer?.appending(key))
    }

    public func array(_ key: String) throws(ShapeError) -> [Node] {
        guard let child = fields.presentMember(key) else { return [] }
        let node = Node(tape: tape, index: child, at: pointer?.appending(key))
        guard node.isArray else { throw node.fields.wrongType("an array") }
        return node.elements
    }

    /// Hands each element of the array member `key` to `body`, untraced, with no array of
    /// nodes made.
    public func forEachElement(of key: String, _ body: (Node) throws(ShapeError) -> Void) throws(ShapeError) {
        try fields.forEachElement(of: key) { (element) throws(ShapeError) in try body(Node(tape: tape, index: element.index, at: nil)) }
    }

    /// A string member; ids that arrive as numbers are read as their text.
    public func string(_ key: String) throws(ShapeError) -> Located<String>? { try fields.string(key) }

    public func asString() throws(ShapeError) -> Located<String> { try fields.asString() }

    /// An amount or quantity: a JSON number or a numeric string, read exactly.
    public func decimal(_ key: String) throws(ShapeError) -> Located<ExactDecimal>? { try fields.decimal(key) }

    public func asDecimal() throws(ShapeError) -> Located<ExactDecimal> { try fields.asDecimal() }

    public func bool(_ key: String) throws(ShapeError) -> Located<Bool>? { try fields.bool(key) }

    /// A date: `YYYY-MM-DD`, an ISO 8601 date-time, or (HubSpot) epoch milliseconds.
    public func date(_ key: String) throws(ShapeError) -> Located<CalendarDate>? { try fields.date(key) }

    /// The `value` of a QBO reference such as `{"value": "1", "name": "Services"}`.
    public func reference(_ key: String) throws(ShapeError) -> Located<String>? { try fields.reference(key) }
}

extension String {
    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    package var trimmingSpaces: String {
        // Most values have nothing to trim: say so from their first and last bytes.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIISpace(first), !Self.isASCIISpace(last) {
            return self
        }
        if isEmpty { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Node {
    /// A scalar as HubSpot property values come: text (strings, and numbers as written), a
    /// boolean, or null; nil for objects and arrays.
    public enum Scalar: Equatable {
        case null
        case bool(Bool)
        case text(String)
    }

    public var scalar: Scalar? {
        switch tape.kind(at: index) {
        case .null: .null
        case .true: .bool(true)
        case .false: .bool(false)
        case .string, .number, .key: .text(tape.text(at: index))
        case .object, .array: nil
        }
    }
}
