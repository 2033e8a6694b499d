/// Writes JSON text for reports: strings escaped per RFC 8259, keys in the order given, so the
/// output is byte-for-byte deterministic.
public struct JSONWriter: Sendable {
    public enum Value: Sendable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
        /// Already-formatted JSON number text, e.g. an exact decimal.
        case number(String)
    }

    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    public func write(_ value: Value) -> String {
        var text = Text()
        write(value, level: 0, into: &text)
        return text.string
    }

    /// JSON text being written, as bytes: a sync writes every record it sends, and appending
    /// to a `String` piece by piece took twice as long.
    public struct Text: Sendable {
        public private(set) var bytes: [UInt8] = []

        public init() {}

        public var string: String { String(decoding: bytes, as: UTF8.self) }

        /// Text that is JSON as it stands: a number's text, `null`, a bracket.
        public mutating func append(raw text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        @usableFromInline
        mutating func append(_ byte: UInt8) {
            bytes.append(byte)
        }

        /// The string literal of `text`. Most texts need no escape and are copied whole; in
        /// the others only ASCII bytes are escaped, so a character of several bytes is copied
        /// as it is.
        public mutating func append(quoted text: String) {
            var text = text
            text.withUTF8 { utf8 in
                bytes.append(UInt8(ascii: "\""))
                if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    bytes.append(contentsOf: utf8)
                } else {
                    for byte in utf8 { appendEscaped(byte) }
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }

        private mutating func appendEscaped(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
    }

    private func write(_ value: Value, level: Int, into text: inout Text) {
        switch value {
        case .string(let string): text.append(quoted: string)
        case .integer(let number): text.append(raw: String(number))
        case .number(let number): text.append(raw: number)
        case .bool(let flag): text.append(raw: flag ? "true" : "false")
        case .null: text.append(raw: "null")
        case .array(let elements):
            writeArray(elements, level: level, into: &text) { element, level, text in write(element, level: level, into: &text) }
        case .object(let members):
            writeObject(members, level: level, into: &text, key: \.0) { member, level, text in write(member.1, level: level, into: &text) }
        }
    }

    /// An array laid out as this writer lays them out; `element` writes each element at the
    /// level it is given. Any tree of values can be written with this and `writeObject`
    /// (inlinable, so a caller's tree is written by code made for its types).
    @inlinable
    public func writeArray<Elements: Collection>(_ elements: Elements, level: Int, into text: inout Text,
                                                 element: (Elements.Element, Int, inout Text) -> Void) {
        writeContainer(elements, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), level: level, into: &text) { item, level, text in
            element(item, level, &text)
        }
    }

    /// An object laid out as this writer lays them out: members in the order given.
    @inlinable
    public func writeObject<Members: Collection>(_ members: Members, level: Int, into text: inout Text, key: (Members.Element) -> String,
                                                 value: (Members.Element, Int, inout Text) -> Void) {
        writeContainer(members, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), level: level, into: &text) { member, level, text in
            text.append(quoted: key(member))
            text.append(UInt8(ascii: ":"))
            if indent > 0 { text.append(UInt8(ascii: " ")) }
            value(member, level, &text)
        }
    }

    /// One item per line, indented a level deeper than the brackets; all on one line when
    /// `indent` is 0; `[]` and `{}` when empty.
    @inlinable
    func writeContainer<Items: Collection>(_ items: Items, open: UInt8, close: UInt8, level: Int, into text: inout Text,
                                           item: (Items.Element, Int, inout Text) -> Void) {
        text.append(open)
        guard !items.isEmpty else {
            text.append(close)
            return
        }
        var first = true
        for element in items {
            if !first { text.append(UInt8(ascii: ",")) }
            first = false
            newline(level: level + 1, into: &text)
            item(element, level + 1, &text)
        }
        newline(level: level, into: &text)
        text.append(close)
    }

    @usableFromInline
    func newline(level: Int, into text: inout Text) {
        guard indent > 0 else { return }
        text.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * level) { text.append(UInt8(ascii: " ")) }
    }

    public static func quote(_ string: String) -> String {
        var text = Text()
        text.append(quoted: string)
        return text.string
    }
}

extension JSONValue {
    /// The value as writer input: the same document, for tests that re-serialize it.
    public var writerValue: JSONWriter.Value {
        switch kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.writerValue))
        case .object(let object): .object(object.members.map { ($0.key, $0.value.writerValue) })
        }
    }
}
