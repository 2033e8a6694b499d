extension JSONParser {
    /// How deep the plain reading nests before it leaves the value to the checking one.
    static let plainDepth = 48

    /// Reads one well-formed value the way `parseValue` does, into the same entries, but in one
    /// loop over a stack of open containers instead of a call per value, and without the key
    /// tracking of streamed reads: an NDJSON line, where nearly every read happens, is a record
    /// of a few hundred values, and the calls and tracking had cost as much as the bytes.
    /// The position and the entries' count are kept in local variables, written back only
    /// around the rare calls out (escapes, bytes outside ASCII, exponents, a full block): kept
    /// in the parser, each step stored them and the next loaded them back.
    ///
    /// Any error ends it at once, with no care for which error: the caller reads the value
    /// again with `parseValue`, whose error (position and reason) is the one reported. So this
    /// reading must accept exactly the well-formed values and write exactly the same entries;
    /// `PlainReadingTests` compares the two.
    mutating func parsePlainValue() throws(JSONSyntaxError) {
        let limit = min(Self.plainDepth, maxDepth)
        // The entry of each open container, and its values so far; the sign bit of `open`
        // marks an object.
        var open = InlineArray<48, Int32>(repeating: 0)
        var counts = InlineArray<48, Int32>(repeating: 0)
        var depth = 0
        let base = bytes.baseAddress!
        let end = self.end
        var at = index
        var written = entries.count
        var block = entries.block
        // What any refusal throws: never reported, as the value is read again.
        let failure = JSONSyntaxError(offset: 0, reason: .invalidNumber)

        func record(_ kind: JSONTape.Kind, at offset: Int, extent: Int) {
            if written == block.count {
                entries.count = written
                entries.grow()
                block = entries.block
            }
            (block.baseAddress! + written).initialize(to: JSONTape.Entry(offset: offset, extent: UInt32(truncatingIfNeeded: extent),
                                                                         info: UInt32(kind.rawValue)))
            written &+= 1
        }
        func skipWhitespace() {
            while at < end, base[at] <= 0x20 {
                switch base[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at &+= 1
                default: return
                }
            }
        }
        /// A string from its opening quote at `at`: plain ASCII here, the rest by the parser.
        func string(_ kind: JSONTape.Kind) throws(JSONSyntaxError) {
            let scan = Self.scanPlainString(base, quote: at, end: end)
            if scan.closes {
                record(kind, at: at, extent: scan.stop &- at &- 1)
                at = scan.stop &+ 1
                return
            }
            index = at
            entries.count = written
            try parseStringRest(as: kind, from: scan.stop)
            at = index
            written = entries.count
            block = entries.block
        }
        func memberName() throws(JSONSyntaxError) {
            guard at < end, base[at] == UInt8(ascii: "\"") else { throw failure }
            try string(.key)
            skipWhitespace()
            guard at < end, base[at] == UInt8(ascii: ":") else { throw failure }
            at &+= 1
            skipWhitespace()
        }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` here; with an exponent, the parser's reading.
        func number() throws(JSONSyntaxError) {
            let start = at
            if base[at] == UInt8(ascii: "-") { at &+= 1 }
            guard at < end, isDigit(base[at]) else { throw failure }
            if base[at] == UInt8(ascii: "0") {
                at &+= 1
            } else {
                while at < end, isDigit(base[at]) { at &+= 1 }
            }
            if at < end, base[at] == UInt8(ascii: ".") {
                at &+= 1
                guard at < end, isDigit(base[at]) else { throw failure }
                while at < end, isDigit(base[at]) { at &+= 1 }
            }
            if at < end, base[at] | 0x20 == UInt8(ascii: "e") {
                index = start
                try parseNumber()
                at = index
            } else if at < end, isDigit(base[at]) {
                throw failure
            }
            record(.number, at: start, extent: at &- start)
        }
        /// `true`, `false` or `null`: its first four bytes (little-endian) are `head`.
        func literal(_ head: UInt32, count: Int, kind: JSONTape.Kind) throws(JSONSyntaxError) {
            guard at &+ count <= end, UnsafeRawPointer(base + at).loadUnaligned(as: UInt32.self) == head else { throw failure }
            record(kind, at: at, extent: 0)
            at &+= count
        }

        while true {
            // At the start of a value.
            guard at < end else { throw failure }
            switch base[at] {
            case UInt8(ascii: "\""):
                try string(.string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = base[at] == UInt8(ascii: "{")
                guard depth < limit, written < Int(Int32.max) else { throw failure }
                let container = written
                record(isObject ? .object : .array, at: at, extent: 0)
                at &+= 1
                skipWhitespace()
                guard at < end else { throw failure }
                if base[at] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    at &+= 1
                    block[container].extent = UInt32(truncatingIfNeeded: written)
                } else {
                    open[depth] = isObject ? ~Int32(container) : Int32(container)
                    counts[depth] = 0
                    depth &+= 1
                    if isObject { try memberName() }
                    continue
                }
            case UInt8(ascii: "t"):
                try literal(0x6575_7274, count: 4, kind: .true)
            case UInt8(ascii: "f"):
                guard at &+ 5 <= end, base[at &+ 4] == UInt8(ascii: "e") else { throw failure }
                try literal(0x736C_6166, count: 5, kind: .false)
            case UInt8(ascii: "n"):
                try literal(0x6C6C_756E, count: 4, kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw failure
            }
            // After a value: the containers it ends, up to the next value or the end.
            while depth > 0 {
                skipWhitespace()
                guard at < end else { throw failure }
                let top = depth &- 1
                counts[top] &+= 1
                let isObject = open[top] < 0
                let byte = base[at]
                at &+= 1
                if byte == UInt8(ascii: ",") {
                    skipWhitespace()
                    if isObject { try memberName() }
                    break
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { throw failure }
                // The container's end and count (as `close` writes them).
                let container = Int(isObject ? ~open[top] : open[top])
                block[container].extent = UInt32(truncatingIfNeeded: written)
                block[container].info |= UInt32(min(Int(counts[top]), Int(UInt32.max >> 5))) << 5
                depth &-= 1
            }
            if depth == 0 {
                index = at
                entries.count = written
                return
            }
        }
    }
}
