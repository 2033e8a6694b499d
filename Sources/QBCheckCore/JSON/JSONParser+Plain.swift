extension JSONParser {
    /// How deep the plain reading nests before it leaves the value to the checking one.
    static let plainDepth = 48

    /// Reads one well-formed value the way `parseValue` does, into the same entries, but in one
    /// loop over a stack of open containers instead of a call per value, and without the key
    /// tracking of streamed reads: an NDJSON line, where nearly every read happens, is a record
    /// of a few hundred values, and the calls and tracking had cost as much as the bytes.
    ///
    /// Any error ends it at once, with no care for which error: the caller reads the value
    /// again with `parseValue`, whose error (position and reason) is the one reported. So this
    /// reading must accept exactly the well-formed values and write exactly the same entries;
    /// `JSONParserTests` compares the two.
    mutating func parsePlainValue() throws(JSONSyntaxError) {
        let limit = min(Self.plainDepth, maxDepth)
        // The entry of each open container, and its values so far; the sign bit of `open`
        // marks an object.
        var open = InlineArray<48, Int32>(repeating: 0)
        var counts = InlineArray<48, Int32>(repeating: 0)
        var depth = 0
        let base = bytes.baseAddress!
        while true {
            // At the start of a value.
            guard index < end else { throw plainFailure }
            switch base[index] {
            case UInt8(ascii: "\""):
                try parseString(as: .string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = base[index] == UInt8(ascii: "{")
                guard depth < limit, entries.count < Int(Int32.max) else { throw plainFailure }
                let container = entries.count
                append(isObject ? .object : .array, at: index)
                index += 1
                skipWhitespace()
                guard index < end else { throw plainFailure }
                if base[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    close(container, count: 0)
                } else {
                    open[depth] = isObject ? ~Int32(container) : Int32(container)
                    counts[depth] = 0
                    depth += 1
                    if isObject { try plainMemberName() }
                    continue
                }
            case UInt8(ascii: "t"):
                try plainLiteral(0x6575_7274, count: 4, kind: .true)
            case UInt8(ascii: "f"):
                guard index + 5 <= end, base[index + 4] == UInt8(ascii: "e") else { throw plainFailure }
                try plainLiteral(0x736C_6166, count: 5, kind: .false)
            case UInt8(ascii: "n"):
                try plainLiteral(0x6C6C_756E, count: 4, kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                try parseNumber()
                append(.number, at: start, extent: index - start)
            default:
                throw plainFailure
            }
            // After a value: the containers it ends, up to the next value or the end.
            while depth > 0 {
                skipWhitespace()
                guard index < end else { throw plainFailure }
                let top = depth - 1
                counts[top] += 1
                let isObject = open[top] < 0
                let byte = base[index]
                index += 1
                if byte == UInt8(ascii: ",") {
                    skipWhitespace()
                    if isObject { try plainMemberName() }
                    break
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { throw plainFailure }
                close(Int(isObject ? ~open[top] : open[top]), count: Int(counts[top]))
                depth -= 1
            }
            if depth == 0 { return }
        }
    }

    /// What the plain reading throws: never reported, the value is read again.
    private var plainFailure: JSONSyntaxError { JSONSyntaxError(offset: index, reason: .invalidNumber) }

    /// A member's name, its colon and the whitespace up to its value.
    @inline(__always)
    private mutating func plainMemberName() throws(JSONSyntaxError) {
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw plainFailure }
        try parseString(as: .key)
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: ":") else { throw plainFailure }
        index += 1
        skipWhitespace()
    }

    /// `true`, `false` or `null`: its first four bytes (little-endian) are `head`.
    private mutating func plainLiteral(_ head: UInt32, count: Int, kind: JSONTape.Kind) throws(JSONSyntaxError) {
        guard index + count <= end,
              UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt32.self) == head else { throw plainFailure }
        append(kind, at: index)
        index += count
    }
}
