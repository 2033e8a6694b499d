/// A strict RFC 8259 reader over raw bytes that records where every value starts.
///
/// Foundation's decoders cannot report positions, and findings must point at the exact line and
/// column; this reader is also several times faster for the large exports checked in batch.
/// Nesting is limited, so a hostile file cannot exhaust the stack.
struct JSONParser {
    static let defaultMaxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private var index: Int
    private var depth = 0
    private let maxDepth: Int
    /// Receives the elements of the arrays that `streams` selects, one at a time, instead of
    /// the tree holding them: a query response of a million customers is never one tree.
    var elementHandler: ((_ path: [String], _ index: Int, _ element: JSONValue) -> Void)?
    /// Chooses, by the keys leading to an array, whether its elements are streamed.
    var streams: (_ path: [String]) -> Bool = { _ in false }
    /// The member keys leading to the value being read (arrays add `[]`), while streaming.
    private var path: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.bytes = bytes
        self.index = start
        self.end = end
        self.maxDepth = maxDepth
    }

    /// The offset just past the last value read.
    var position: Int { index }

    /// Reads one value and the whitespace after it.
    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        return value
    }

    var atEnd: Bool { index >= end }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "a value")) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONValue(offset: start, kind: .object(try parseObject()))
        case UInt8(ascii: "["): return JSONValue(offset: start, kind: .array(try parseArray()))
        case UInt8(ascii: "\""): return JSONValue(offset: start, kind: .string(try parseString()))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(offset: start, kind: .bool(true))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(offset: start, kind: .bool(false))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(offset: start, kind: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(offset: start, kind: .number(try parseNumber()))
        default:
            throw unexpected(expected: "a value")
        }
    }

    private func unexpected(expected: String) -> JSONSyntaxError {
        guard index < end else { return JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: expected)) }
        let byte = bytes[index]
        if byte >= 0x80, utf8SequenceLength(at: index) == nil {
            return JSONSyntaxError(offset: index, reason: .invalidUTF8(byte))
        }
        return JSONSyntaxError(offset: index, reason: .unexpectedByte(byte, expected: expected))
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth { throw JSONSyntaxError(offset: index, reason: .tooDeep(limit: maxDepth)) }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject(members: members)
        }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "a member name in double quotes") }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the member name") }
            index += 1
            skipWhitespace()
            if elementHandler != nil { path.append(key) }
            let value = try parseValue()
            if elementHandler != nil { path.removeLast() }
            members.append(JSONObject.Member(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "',' or '}'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(members: members)
            default: throw unexpected(expected: "',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        let streamed = elementHandler != nil && streams(path)
        let arrayPath = path
        if elementHandler != nil { path.append("[]") }
        defer { if elementHandler != nil { path.removeLast() } }
        var count = 0
        while true {
            skipWhitespace()
            let element = try parseValue()
            if streamed {
                elementHandler?(arrayPath, count, element)
            } else {
                elements.append(element)
            }
            count += 1
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "',' or ']'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            default: throw unexpected(expected: "',' or ']'")
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        for offset in 0..<count {
            let expected = literal.utf8Start[offset]
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "\(literal)")) }
            guard bytes[index] == expected else {
                index = start
                throw unexpected(expected: "a value")
            }
            index += 1
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw number(error: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw number(error: start) }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw number(error: start) }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, isDigit(bytes[index]) { throw number(error: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private func number(error start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: start, reason: .invalidNumber)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Reads a string starting at its opening quote; validates UTF-8 and escapes.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        var plain = true
        // Fast path: find the closing quote; leave escapes and non-ASCII to the slow path.
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte >= 0x80 {
                plain = false
                break
            }
            if byte < 0x20 { throw JSONSyntaxError(offset: index, reason: .controlCharacterInString(byte)) }
            index += 1
        }
        if plain {
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "'\"' to close the string")) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return text
        }
        var scalars: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "'\"' to close the string")) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scalars)
            case 0..<0x20:
                throw JSONSyntaxError(offset: index, reason: .controlCharacterInString(byte))
            case 0x80...:
                guard let length = utf8SequenceLength(at: index) else {
                    throw JSONSyntaxError(offset: index, reason: .invalidUTF8(byte))
                }
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                scalars.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into scalars: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "an escape sequence")) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(byte)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
            var code = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                }
                index += 2
                let low = try readHex4(escapeStart: escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
            }
            guard let scalar = Unicode.Scalar(code) else { throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape) }
            scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= end else { throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `position` (rejecting overlong forms,
    /// surrogates and values past U+10FFFF), or nil.
    private func utf8SequenceLength(at position: Int) -> Int? {
        let lead = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: return nil
        }
        guard position + length <= end else { return nil }
        let second = bytes[position + 1]
        guard second >= lowerBound, second <= upperBound else { return nil }
        for offset in 2..<max(2, length) where bytes[position + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
