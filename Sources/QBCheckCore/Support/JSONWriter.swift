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
        var output = ""
        write(value, level: 0, into: &output)
        return output
    }

    private func write(_ value: Value, level: Int, into output: inout String) {
        switch value {
        case .string(let text): JSONWriter.quote(text, into: &output)
        case .integer(let number): output += String(number)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            let (newline, pad, closePad) = layout(level)
            output += "[" + newline
            for (index, element) in elements.enumerated() {
                output += pad
                write(element, level: level + 1, into: &output)
                output += (index < elements.count - 1 ? "," : "") + newline
            }
            output += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let (newline, pad, closePad) = layout(level)
            output += "{" + newline
            for (index, (key, element)) in members.enumerated() {
                output += pad
                JSONWriter.quote(key, into: &output)
                output += indent > 0 ? ": " : ":"
                write(element, level: level + 1, into: &output)
                output += (index < members.count - 1 ? "," : "") + newline
            }
            output += closePad + "}"
        }
    }

    /// What opens a container's lines, its members' indentation and its closing bracket's.
    private func layout(_ level: Int) -> (newline: String, pad: String, closePad: String) {
        (indent > 0 ? "\n" : "", String(repeating: " ", count: indent * (level + 1)), String(repeating: " ", count: indent * level))
    }

    public static func quote(_ text: String) -> String {
        var result = ""
        quote(text, into: &result)
        return result
    }

    /// Appends the string literal of `text`. Most texts need no escape and are appended whole;
    /// the others are escaped byte by byte (every byte that needs it is ASCII, so a character
    /// of several bytes is copied as it is). A sync writes every record it sends this way.
    public static func quote(_ text: String, into output: inout String) {
        output += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
        } else {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    escaped += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: escaped.append(byte)
                }
            }
            output += String(decoding: escaped, as: UTF8.self)
        }
        output += "\""
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
