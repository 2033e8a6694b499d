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
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closePad = String(repeating: " ", count: indent * level)
        switch value {
        case .string(let text): output += JSONWriter.quote(text)
        case .integer(let number): output += String(number)
        case .number(let text): output += text
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[" + newline
            for (index, element) in elements.enumerated() {
                output += pad
                write(element, level: level + 1, into: &output)
                output += (index < elements.count - 1 ? "," : "") + newline
            }
            output += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{" + newline
            for (index, (key, element)) in members.enumerated() {
                output += pad + JSONWriter.quote(key) + (indent > 0 ? ": " : ":")
                write(element, level: level + 1, into: &output)
                output += (index < members.count - 1 ? "," : "") + newline
            }
            output += closePad + "}"
        }
    }

    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
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
