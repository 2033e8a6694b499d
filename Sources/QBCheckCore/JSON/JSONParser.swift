import CByteSearch

/// A strict RFC 8259 reader over raw bytes that records where every value starts.
///
/// Foundation's decoders cannot report positions, and findings must point at the exact line and
/// column; this reader is also several times faster for the large exports checked in batch.
/// Nesting is limited, so a hostile file cannot exhaust the stack.
struct JSONParser {
    static let defaultMaxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    /// The array `bytes` points into, kept by the tapes the parser hands out.
    private let source: [UInt8]
    let end: Int
    var index: Int
    private var depth = 0
    let maxDepth: Int
    /// The entries of the value being read.
    var entries = TapeEntries()
    /// Receives the elements of the arrays that `streams` selects, one at a time, instead of
    /// the tape holding them: a query response of a million customers is never one tape.
    var elementHandler: ((_ path: [String], _ index: Int, _ element: JSONTape) -> Void)?
    /// Chooses, by the keys leading to an array, whether its elements are streamed.
    var streams: (_ path: [String]) -> Bool = { _ in false }
    /// Chooses, among the streamed arrays, those whose elements are only stepped over
    /// (`skipValue`) and counted, for `skippedHandler`: a first look that needs their kind only.
    var skips: (_ path: [String]) -> Bool = { _ in false }
    /// Receives a skipped array's path, how many elements it held and where it starts.
    var skippedHandler: ((_ path: [String], _ count: Int, _ offset: Int) -> Void)?
    /// Offered each streamed element first, at its first byte, with the nesting still allowed
    /// below it: it may read the element itself (and hand it on), answering where it ends, or
    /// answer nil and leave it to the tape. A query response's invoices are read straight into
    /// the model so (`DirectRecordReader`), as an NDJSON line's are.
    var elementReader: ((_ path: [String], _ index: Int, _ start: Int, _ depthLeft: Int) -> Int?)?
    /// Whether some array `streams` selects may lie at or below `path`; below a path that
    /// leads to none, keys are not tracked (a record's own members are not made into strings).
    var leadsToStreamed: (_ path: [String]) -> Bool = { _ in true }
    /// The member keys leading to the value being read (arrays add `[]`), while streaming, as
    /// deep as `streamedDepth`; below it only `hiddenDepth` counts the levels.
    private var path: [String] = []
    private var hiddenDepth = 0
    /// The size of the last streamed element's tape: the next one is sized like it.
    private var streamedCapacity = 0
    /// Arrays deeper than this are never streamed (a query response's entity lists are the deepest).
    static let streamedDepth = 3

    init(bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], start: Int, end: Int, maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.bytes = bytes
        self.source = source
        self.index = start
        self.end = end
        self.maxDepth = maxDepth
    }

    /// The offset just past the last value read.
    var position: Int { index }

    /// Reads one value and the whitespace after it; the value is the tape's entry 0.
    mutating func readValue() throws(JSONSyntaxError) -> JSONTape {
        skipWhitespace()
        // About one entry per 8 bytes of JSON; growth takes over past a few thousand.
        entries = TapeEntries(capacity: max(min((end - index) / 8, 4096), 16))
        defer { entries.release() }
        if elementHandler == nil {
            let start = index
            do {
                try parsePlainValue()
            } catch {
                // Read again by the checking parser, for the error it reports.
                entries.release()
                entries = TapeEntries(capacity: 16)
                index = start
                try parseValue()
            }
        } else {
            try parseValue()
        }
        skipWhitespace()
        return JSONTape(bytes: source, entries: &entries)
    }

    var atEnd: Bool { index >= end }

    /// Compact JSON (every NDJSON export) has no whitespace between tokens: the first byte
    /// tells, inline, at each of the four places a member asks.
    @inline(__always)
    mutating func skipWhitespace() {
        guard index < end, bytes[index] <= 0x20 else { return }
        skipWhitespaceRun()
    }

    private mutating func skipWhitespaceRun() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func append(_ kind: JSONTape.Kind, at offset: Int, extent: Int = 0, escaped: Bool = false) {
        entries.append(JSONTape.Entry(offset: offset, extent: UInt32(truncatingIfNeeded: extent),
                                      info: UInt32(kind.rawValue) | (escaped ? 0x10 : 0)))
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "a value")) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString(as: .string)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            append(.true, at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            append(.false, at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            append(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
            append(.number, at: start, extent: index - start)
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

    /// Writes a container's end and count into its entry once its contents are read.
    private mutating func close(_ container: Int, count: Int) {
        entries[container].extent = UInt32(truncatingIfNeeded: entries.count)
        entries[container].info |= UInt32(min(count, Int(UInt32.max >> 5))) << 5
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        let container = entries.count
        append(.object, at: index)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return close(container, count: 0)
        }
        var count = 0
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "a member name in double quotes") }
            try parseString(as: .key)
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the member name") }
            index += 1
            skipWhitespace()
            var tracks = elementHandler != nil && hiddenDepth == 0 && path.count < Self.streamedDepth
            if tracks {
                if path.capacity == 0 { path.reserveCapacity(Self.streamedDepth + 1) }
                path.append(JSONTape.text(of: entries[entries.count - 1], in: bytes))
                if !leadsToStreamed(path) {
                    path.removeLast()
                    tracks = false
                }
            }
            if !tracks { hiddenDepth += 1 }
            try parseValue()
            if tracks { path.removeLast() } else { hiddenDepth -= 1 }
            count += 1
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "',' or '}'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return close(container, count: count)
            default: throw unexpected(expected: "',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        try enter()
        defer { depth -= 1 }
        let container = entries.count
        append(.array, at: index)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return close(container, count: 0)
        }
        var tracks = elementHandler != nil && hiddenDepth == 0 && path.count < Self.streamedDepth
        let streamed = elementHandler != nil && hiddenDepth == 0 && streams(path)
        let arrayPath = streamed ? path : []
        let skipped = streamed && skips(arrayPath)
        if tracks {
            if path.capacity == 0 { path.reserveCapacity(Self.streamedDepth + 1) }
            path.append("[]")
            if !leadsToStreamed(path) {
                path.removeLast()
                tracks = false
            }
        }
        if !tracks { hiddenDepth += 1 }
        defer { if tracks { path.removeLast() } else { hiddenDepth -= 1 } }
        var count = 0
        while true {
            skipWhitespace()
            if skipped {
                try skipValue()
            } else if streamed, let end = elementReader?(arrayPath, count, index, maxDepth - depth) {
                index = end
            } else if streamed {
                // The element gets a tape of its own, handed over and let go before the next.
                let outer = entries
                entries = TapeEntries(capacity: max(16, streamedCapacity))
                do {
                    try parseValue()
                } catch {
                    entries.release()
                    entries = outer
                    throw error
                }
                streamedCapacity = entries.count
                elementHandler?(arrayPath, count, JSONTape(bytes: source, entries: &entries))
                entries = outer
            } else {
                try parseValue()
            }
            count += 1
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "',' or ']'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                if skipped { skippedHandler?(arrayPath, count, entries[container].offset) }
                return close(container, count: streamed ? 0 : count)
            default: throw unexpected(expected: "',' or ']'")
            }
        }
    }

    /// Steps over one value without recording it, following only strings and nesting: a
    /// skipped value is not checked (its file is read whole again later, where its errors are
    /// found), and stepping over it is several times faster than reading it.
    private mutating func skipValue() throws(JSONSyntaxError) {
        var nesting = 0
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while index < end, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                nesting += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // A closing bracket at the top ends the array the value stands in.
                if nesting == 0 { return }
                nesting -= 1
                if nesting == 0 {
                    index += 1
                    return
                }
            case UInt8(ascii: ","):
                if nesting == 0 { return }
            default:
                break
            }
            index += 1
        }
        throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "the end of the value"))
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

    mutating func parseNumber() throws(JSONSyntaxError) {
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
    }

    private func number(error start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: start, reason: .invalidNumber)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Checks a string starting at its opening quote (UTF-8, escapes) and records it; its text
    /// is decoded only when someone reads it.
    @inline(__always)
    private mutating func parseString(as kind: JSONTape.Kind) throws(JSONSyntaxError) {
        let scan = Self.scanPlainString(bytes.baseAddress!, quote: index, end: end)
        guard scan.closes else { return try parseStringRest(as: kind, from: scan.stop) }
        append(kind, at: index, extent: scan.stop &- index &- 1)
        index = scan.stop &+ 1
    }

    /// Plain ASCII is the common case of a string: its closing quote is found sixteen bytes at
    /// a time. `stop` is the first byte that is not plain, and `closes` whether it is the
    /// closing quote of a string short enough for an entry; otherwise the rest is read by
    /// `parseStringRest` from `stop`.
    @inline(__always)
    static func scanPlainString(_ base: UnsafePointer<UInt8>, quote: Int, end: Int) -> (stop: Int, closes: Bool) {
        let start = quote &+ 1
        let stop = start &+ qbcheck_plain_string_bytes(base + start, base + end)
        return (stop, stop < end && base[stop] == UInt8(ascii: "\"") && stop &- start <= Int(UInt32.max))
    }

    /// The rest of a string whose scan met an escape, a byte outside ASCII, or the input's
    /// last bytes: checked byte by byte, kept out of line so the common case stays small.
    @inline(never)
    mutating func parseStringRest(as kind: JSONTape.Kind, from cursor: Int) throws(JSONSyntaxError) {
        let quote = index
        let start = quote + 1
        index = cursor
        var escaped = false
        while true {
            // Past an escape or a multi-byte character, plain bytes again, sixteen at a time.
            index += qbcheck_plain_string_bytes(bytes.baseAddress! + index, bytes.baseAddress! + end)
            guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "'\"' to close the string")) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let length = index - start
                guard length <= Int(UInt32.max) else { throw JSONSyntaxError(offset: quote, reason: .tooLong) }
                index += 1
                return append(kind, at: quote, extent: length, escaped: escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try checkEscape()
            case 0..<0x20:
                throw JSONSyntaxError(offset: index, reason: .controlCharacterInString(byte))
            default:
                guard let length = utf8SequenceLength(at: index) else {
                    throw JSONSyntaxError(offset: index, reason: .invalidUTF8(byte))
                }
                index += length
            }
        }
    }

    private mutating func checkEscape() throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < end else { throw JSONSyntaxError(offset: index, reason: .unexpectedEnd(expected: "an escape sequence")) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let code = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
                }
                index += 2
                let low = try readHex4(escapeStart: escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate) }
            } else if (0xDC00...0xDFFF).contains(code) {
                throw JSONSyntaxError(offset: escapeStart, reason: .loneSurrogate)
            }
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
