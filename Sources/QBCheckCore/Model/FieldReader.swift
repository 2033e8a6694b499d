/// Reads a record's fields straight from its tape, without holding the tape: the typed readers
/// behind `Node`, and what the QBO model reads every invoice and customer through.
///
/// A node owns its tape, so each child node made on the way to a field (an object, a reference,
/// each line) cost a retain and a release of it: 4–5 % of a check's time went there. A field
/// reader is made from a node and used while that node is in hand (`Node.withFields`), which
/// keeps the tape alive; it must not be kept beyond.
public struct FieldReader {
    private let unmanagedTape: Unmanaged<JSONTape>
    let index: Int

    init(tape: JSONTape, index: Int) {
        unmanagedTape = .passUnretained(tape)
        self.index = index
    }

    private init(_ unmanagedTape: Unmanaged<JSONTape>, index: Int) {
        self.unmanagedTape = unmanagedTape
        self.index = index
    }

    /// The tape, lent for one reading with no retain (a stored `unowned(unsafe)` reference
    /// still got one at every use).
    private func withTape<Result>(_ body: (JSONTape) -> Result) -> Result {
        unmanagedTape._withUnsafeGuaranteedRef(body)
    }

    private func kind(_ at: Int) -> JSONTape.Kind { withTape { $0.kind(at: at) } }
    private func text(_ at: Int) -> String { withTape { $0.text(at: at) } }
    private func member(_ key: String) -> Int? { withTape { $0.member(key, of: index) } }

    public var location: Location { Location(offset: withTape { $0.offset(at: index) }) }

    public var isObject: Bool { kind(index) == .object }

    /// Whether the value is the string `text` (compared as bytes, no string made).
    public func isString(_ text: StaticString) -> Bool {
        guard kind(index) == .string else { return false }
        return withTape { $0.textEquals(index, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
    }

    /// The tape index of a present, non-null member.
    func presentMember(_ key: String) -> Int? {
        guard isObject, let child = member(key), kind(child) != .null else { return nil }
        return child
    }

    private func at(_ child: Int) -> FieldReader { FieldReader(unmanagedTape, index: child) }

    /// The name of the value's JSON type, as messages about wrong types say it.
    var typeName: String {
        switch kind(index) {
        case .null: "null"
        case .true, .false: "a boolean"
        case .number: "a number"
        case .string, .key: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as messages quote it: a string (cut at 40 characters) or a number.
    var quoted: String {
        switch kind(index) {
        case .string:
            let text = text(index)
            return " \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .number: return " \(text(index))"
        default: return ""
        }
    }

    func wrongType(_ expected: String) -> ShapeError {
        ShapeError(at: location, "expected \(expected), found \(typeName)\(quoted)")
    }

    /// A present, non-null member, or nil.
    public func field(_ key: String) -> FieldReader? {
        presentMember(key).map(at)
    }

    /// The value at `child` when it is not null.
    func present(at child: Int) -> FieldReader? {
        kind(child) == .null ? nil : at(child)
    }

    /// The object's members, read once into the slots of `Slot` (see `MemberSlotTable`).
    public func members<Slot: MemberSlot>(_: Slot.Type) -> MemberFields<Slot> {
        let names = Slot.names
        var slots = InlineArray<16, Int32>(repeating: 0)
        if isObject {
            withTape { tape in
                tape.bytes.withUnsafeBufferPointer { bytes in
                    tape.forEachMember(of: index) { name in
                        let entry = tape.entries[name]
                        let slot: Int?
                        if entry.hasEscapes {
                            var text = tape.text(at: name)
                            slot = text.withUTF8 { names.slot(of: $0) }
                        } else {
                            slot = names.slot(of: UnsafeBufferPointer(rebasing: bytes[entry.textRange]))
                        }
                        if let slot { slots[slot] = Int32(name + 1) }
                    }
                }
            }
        }
        return MemberFields<Slot>(object: self, slots: slots)
    }

    public func object(_ key: String) throws(ShapeError) -> FieldReader? { try field(key)?.asObject() }

    /// Hands each element of the array member `key` to `body`, with no array made.
    public func forEachElement(of key: String, _ body: (FieldReader) throws(ShapeError) -> Void) throws(ShapeError) {
        try field(key)?.forEachElement(body)
    }

    /// A string member; ids that arrive as numbers are read as their text.
    public func string(_ key: String) throws(ShapeError) -> Located<String>? { try field(key)?.asString() }

    /// An amount or quantity: a JSON number or a numeric string, read exactly.
    public func decimal(_ key: String) throws(ShapeError) -> Located<ExactDecimal>? { try field(key)?.asDecimal() }

    public func bool(_ key: String) throws(ShapeError) -> Located<Bool>? { try field(key)?.asBool() }

    /// A date: `YYYY-MM-DD`, an ISO 8601 date-time, or (HubSpot) epoch milliseconds.
    public func date(_ key: String) throws(ShapeError) -> Located<CalendarDate>? { try field(key)?.asDate() }

    /// The `value` of a QBO reference such as `{"value": "1", "name": "Services"}`.
    public func reference(_ key: String) throws(ShapeError) -> Located<String>? { try field(key)?.asReference() }

    // The value itself, read as the type a field should have.

    public func asObject() throws(ShapeError) -> FieldReader {
        guard isObject else { throw wrongType("an object") }
        return self
    }

    /// How many elements the value has when it is an array; 0 otherwise.
    public var elementCount: Int {
        kind(index) == .array ? withTape { $0.entries[index].count } : 0
    }

    /// Hands each element of the array to `body`, in order; the model walks every invoice's
    /// lines this way.
    public func forEachElement(_ body: (FieldReader) throws(ShapeError) -> Void) throws(ShapeError) {
        guard kind(index) == .array else { throw wrongType("an array") }
        var element = index + 1
        let end = withTape { Int($0.entries[index].extent) }
        while element < end {
            try body(at(element))
            element = withTape { $0.next(after: element) }
        }
    }

    /// The text of a string; ids that arrive as numbers are read as their text.
    public func asString() throws(ShapeError) -> Located<String> {
        switch kind(index) {
        case .string, .number: return Located(text(index), at: location)
        default: throw wrongType("a string")
        }
    }

    /// A string, or an id that arrives as a number, left in the file (`FileText`): nothing is
    /// made until it is read.
    public func asFileText() throws(ShapeError) -> Located<FileText> {
        guard let text = withTape({ $0.entries[index] }).fileText else { throw wrongType("a string") }
        return text
    }

    /// The `value` of a QBO reference, left in the file (see `asFileText`).
    public func asReferenceText() throws(ShapeError) -> Located<FileText>? {
        try referenceValue()?.asFileText()
    }

    /// A number, or a numeric string, read straight from the bytes when there is nothing to
    /// unescape or trim (nearly always); nil sends anything else, valid or not, the way through
    /// text in `asDecimal`.
    private var fastDecimal: ExactDecimal? {
        let kind = kind(index)
        guard kind == .number || kind == .string else { return nil }
        let decimal = withTape { $0.withRawText(at: index) { ExactDecimal(untrimmed: $0) } }
        return decimal ?? nil
    }

    /// An amount or quantity: a JSON number or a numeric string, read exactly.
    public func asDecimal() throws(ShapeError) -> Located<ExactDecimal> {
        if let decimal = fastDecimal { return Located(decimal, at: location) }
        let kind = kind(index)
        guard kind == .number || kind == .string else {
            throw wrongType("an amount (a number or a numeric string)")
        }
        let text = kind == .number ? text(index) : text(index).trimmingSpaces
        guard let decimal = ExactDecimal(text) else {
            // Only the wording depends on whether the text looks like a number at all.
            let looksNumeric = !text.isEmpty && text.allSatisfy { "0123456789+-.eE".contains($0) }
            let why = looksNumeric ? "which is out of the range qbcheck holds exactly (38 digits, exponents up to ±64)" : "which is not a number"
            throw ShapeError(at: location, "expected an amount (a number or a numeric string), found\(quoted), \(why)")
        }
        return Located(decimal, at: location)
    }

    /// `true` or `false`, as a JSON boolean or as text.
    public func asBool() throws(ShapeError) -> Located<Bool> {
        switch kind(index) {
        case .true: return Located(true, at: location)
        case .false: return Located(false, at: location)
        default:
            if isString("true") { return Located(true, at: location) }
            if isString("false") { return Located(false, at: location) }
            throw wrongType("true or false")
        }
    }

    /// A date: `YYYY-MM-DD`, an ISO 8601 date-time, or (HubSpot) epoch milliseconds; nil for
    /// an empty string.
    public func asDate() throws(ShapeError) -> Located<CalendarDate>? {
        // Straight from the bytes; a string with escapes, or no date, takes the way through text.
        if let date = withTape({ $0.withRawText(at: index, { CalendarDate(utf8: $0) }) }) ?? nil { return Located(date, at: location) }
        let text = try asString()
        if text.value.isEmpty { return nil }
        guard let date = CalendarDate(text.value) else {
            throw ShapeError(at: location, "expected a date (YYYY-MM-DD), found \"\(text.value)\"")
        }
        return Located(date, at: location)
    }

    /// The `value` of a QBO reference such as `{"value": "1", "name": "Services"}`.
    public func asReference() throws(ShapeError) -> Located<String>? {
        try referenceValue()?.asString()
    }

    /// The `value` member of a reference, present and not null.
    private func referenceValue() throws(ShapeError) -> FieldReader? {
        guard isObject else { throw wrongType("an object") }
        guard let value = withTape({ $0.member("value" as StaticString, of: index) }) else { return nil }
        return present(at: value)
    }
}

extension Node {
    /// The node's fields, read without holding the tape: `body` runs while the node is in hand.
    public func withFields<Result>(_ body: (FieldReader) throws(ShapeError) -> Result) throws(ShapeError) -> Result {
        try withExtendedLifetime(tape) { () throws(ShapeError) -> Result in try body(fields) }
    }

    /// The node's field reader; use it only while the node is alive (see `withFields`).
    var fields: FieldReader { FieldReader(tape: tape, index: index) }
}

extension ExactDecimal {
    /// An amount read straight from the bytes of a number, or of a string without escapes, when
    /// they need no trimming (nearly always); nil for any other text, valid or not, which goes
    /// the way through text (`FieldReader.asDecimal`), whose wording reports it.
    init?(untrimmed raw: UnsafeBufferPointer<UInt8>) {
        guard let first = raw.first, let last = raw.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return nil }
        self.init(utf8: raw)
    }
}
