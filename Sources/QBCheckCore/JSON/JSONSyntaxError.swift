/// Why a file is not readable JSON, and the byte offset where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case emptyInput
        case unexpectedEnd(expected: String)
        case unexpectedByte(UInt8, expected: String)
        case invalidUTF8(UInt8)
        case utf16
        case controlCharacterInString(UInt8)
        case invalidEscape
        case loneSurrogate
        case invalidNumber
        case tooDeep(limit: Int)
        case trailingContent
        /// A single string of 4 GiB or more.
        case tooLong
    }

    public var offset: Int
    public var reason: Reason

    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// One sentence that says what was found and what JSON expects there.
    public var message: String {
        switch reason {
        case .emptyInput:
            "the file is empty: expected a JSON document"
        case .unexpectedEnd(let expected):
            "unexpected end of input: expected \(expected) (the file may be truncated)"
        case .unexpectedByte(let byte, let expected):
            "unexpected \(JSONSyntaxError.describe(byte)): expected \(expected)"
        case .invalidUTF8(let byte):
            "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))): save the file as UTF-8"
        case .utf16:
            "the file is UTF-16: qbcheck reads UTF-8 JSON, as the QBO and HubSpot APIs send it; convert it with `iconv -f UTF-16 -t UTF-8`"
        case .controlCharacterInString(let byte):
            "control character U+\(String(format4: byte)) inside a string: JSON requires it to be escaped"
        case .invalidEscape:
            "invalid escape sequence in a string"
        case .loneSurrogate:
            "invalid \\u escape: a UTF-16 surrogate without its pair"
        case .invalidNumber:
            "malformed number"
        case .tooDeep(let limit):
            "values nested more than \(limit) levels deep: no QBO or HubSpot document nests like this"
        case .trailingContent:
            "unexpected content after the JSON document"
        case .tooLong:
            "a string of 4 GiB or more: no QBO or HubSpot field holds anything near this"
        }
    }

    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}

extension String {
    fileprivate init(format4 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = String(repeating: "0", count: 4 - hex.count) + hex
    }
}
