import Foundation

/// A JSON value laid flat: one entry per value and per member name, in file order, each
/// pointing back into the file's bytes.
///
/// Reading a record this way costs one array for the whole record instead of an allocation per
/// value: strings stay bytes until the model asks for one, numbers stay text until a rule reads
/// an amount, and member names are compared as bytes. Containers know where they end, so a
/// reader skips a member it does not want in one step.
///
/// `@unchecked Sendable`: the entries live in memory the tape allocates, fills once in `init`
/// and never changes, so it can be read from any thread; reading them through a pointer spares
/// the retain and release of an array buffer on every step of every lookup.
public final class JSONTape: @unchecked Sendable {
    /// What an entry is.
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, object, array, key
    }

    /// One value or member name. `offset` is where it starts in the file (the opening quote of a
    /// string); for strings and numbers `extent` is the byte length of their text (inside the
    /// quotes), for containers the index of the entry after their last descendant.
    struct Entry {
        var offset: Int
        var extent: UInt32
        /// The kind in the low 4 bits; bit 4 set for a string or key with escapes; the number of
        /// members or elements of a container above.
        var info: UInt32

        /// The eight kinds are the raw values 0...7 in order, which is also how the enum is laid
        /// out, so the kind is read without a failable conversion on every step.
        var kind: Kind { unsafeBitCast(UInt8(truncatingIfNeeded: info & 0x7), to: Kind.self) }
        var hasEscapes: Bool { info & 0x10 != 0 }
        var count: Int { Int(info >> 5) }
        /// The bytes of a string's or key's text (inside the quotes), or of a number.
        var textRange: Range<Int> {
            let start = kind == .number ? offset : offset + 1
            return start..<start + Int(extent)
        }
    }

    /// The bytes of the whole file (or NDJSON line) the entries point into.
    let bytes: [UInt8]
    let entries: UnsafeMutableBufferPointer<Entry>
    /// The block the entries lie at the start of, handed back to the thread when the tape goes
    /// (`TapeScratch`).
    private let storage: UnsafeMutableBufferPointer<Entry>

    /// A tape over the entries a parser wrote; it takes their block.
    init(bytes: [UInt8], entries: inout TapeEntries) {
        self.bytes = bytes
        let (block, count) = entries.take()
        storage = block
        self.entries = UnsafeMutableBufferPointer(rebasing: block[0..<count])
    }

    deinit {
        TapeScratch.giveBack(block: storage)
    }

    func kind(at index: Int) -> Kind { entries[index].kind }

    func offset(at index: Int) -> Int { entries[index].offset }

    /// The index of the entry after the value at `index` and everything inside it.
    func next(after index: Int) -> Int {
        let entry = entries[index]
        switch entry.kind {
        case .object, .array: return Int(entry.extent)
        default: return index + 1
        }
    }

    /// The members of the object at `index`: the index of each name entry (its value follows).
    func forEachMember<Failure: Error>(of index: Int, _ body: (_ key: Int) throws(Failure) -> Void) throws(Failure) {
        var current = index + 1
        let end = Int(entries[index].extent)
        while current < end {
            try body(current)
            current = next(after: current + 1)
        }
    }

    /// The elements of the array at `index`, in order.
    func forEachElement<Failure: Error>(of index: Int, _ body: (_ element: Int) throws(Failure) -> Void) throws(Failure) {
        var current = index + 1
        let end = Int(entries[index].extent)
        while current < end {
            try body(current)
            current = next(after: current)
        }
    }

    /// The value of the member named `key` of the object at `index` (the last one when the name
    /// repeats, as the QBO and HubSpot readers take it).
    func member(_ key: String, of index: Int) -> Int? {
        var key = key
        return key.withUTF8 { member(matching: $0, of: index) }
    }

    /// The same, for names the model knows at compile time: their bytes need no `withUTF8`. A
    /// QBO reference's `value` is read this way, several times per line.
    func member(_ key: StaticString, of index: Int) -> Int? {
        member(matching: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount), of: index)
    }

    private func member(matching wanted: UnsafeBufferPointer<UInt8>, of index: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var found: Int?
            var current = index + 1
            let end = Int(entries[index].extent)
            while current < end {
                let name = entries[current]
                if name.hasEscapes {
                    if Array(text(at: current).utf8).elementsEqual(wanted) { found = current + 1 }
                } else if Int(name.extent) == wanted.count,
                          Self.equal(bytes.baseAddress! + name.offset + 1, wanted, count: wanted.count) {
                    found = current + 1
                }
                let value = entries[current + 1]
                switch value.kind {
                case .object, .array: current = Int(value.extent)
                default: current += 2
                }
            }
            return found
        }
    }

    /// Whether `count` bytes at `left` equal `right`'s, eight at a time: member names are a
    /// few bytes long, and a call to `memcmp` for each cost more than the comparing.
    static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard count > 0, let right = right.baseAddress else { return true }
        var position = 0
        while position + 8 <= count {
            let a = UnsafeRawPointer(left + position).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(right + position).loadUnaligned(as: UInt64.self)
            if a != b { return false }
            position += 8
        }
        while position < count {
            if left[position] != right[position] { return false }
            position += 1
        }
        return true
    }

    /// The same, for texts the model knows at compile time.
    func textEquals(_ index: Int, _ wanted: StaticString) -> Bool {
        textEquals(index, UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount))
    }

    /// Whether the string or key at `index` reads `wanted`.
    func textEquals(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[index]
        if entry.hasEscapes { return Array(text(at: index).utf8).elementsEqual(wanted) }
        guard Int(entry.extent) == wanted.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.equal($0.baseAddress! + entry.textRange.lowerBound, wanted, count: wanted.count) }
    }

    /// The text of a string or key (unescaped), or of a number as written.
    func text(at index: Int) -> String {
        bytes.withUnsafeBufferPointer { Self.text(of: entries[index], in: $0) }
    }

    /// Hands the raw text of a number, or of a string without escapes, to `body`; nil for a
    /// string with escapes (read it with `text(at:)`) and for any other value.
    func withRawText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let entry = entries[index]
        guard !entry.hasEscapes, entry.kind == .string || entry.kind == .number || entry.kind == .key else { return nil }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[entry.textRange])) }
    }

    /// The value at `index` as a tree, for readers that want one (settings, the sync's writer).
    func value(at index: Int) -> JSONValue {
        let entry = entries[index]
        switch entry.kind {
        case .null: return JSONValue(offset: entry.offset, kind: .null)
        case .false: return JSONValue(offset: entry.offset, kind: .bool(false))
        case .true: return JSONValue(offset: entry.offset, kind: .bool(true))
        case .number: return JSONValue(offset: entry.offset, kind: .number(text(at: index)))
        case .string, .key: return JSONValue(offset: entry.offset, kind: .string(text(at: index)))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(entry.count)
            forEachElement(of: index) { elements.append(value(at: $0)) }
            return JSONValue(offset: entry.offset, kind: .array(elements))
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(entry.count)
            forEachMember(of: index) { name in
                members.append(JSONObject.Member(key: text(at: name), keyOffset: entries[name].offset, value: value(at: name + 1)))
            }
            return JSONValue(offset: entry.offset, kind: .object(JSONObject(members: members)))
        }
    }

    /// Decodes a string's escapes; the parser has already checked them, so this cannot fail.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for position in at..<at + 4 {
                let byte = raw[position]
                let digit: UInt8 = switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                default: byte - UInt8(ascii: "A") + 10
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escaped = raw[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex4(index)
                index += 4
                if (0xD800...0xDBFF).contains(code) {
                    let low = hex4(index + 2)
                    index += 6
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                if let scalar = Unicode.Scalar(code) { out.append(contentsOf: String(Character(scalar)).utf8) }
            default: out.append(escaped)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension JSONTape {
    /// The text of a string or key (unescaped), or of a number, on a tape or not yet (the
    /// parser names the arrays it streams by their keys).
    static func text(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[entry.textRange])
        return entry.hasEscapes ? unescape(raw) : string(fromPlain: raw)
    }

    /// The text of bytes with no escapes, which the parser has checked are UTF-8.
    static func string(fromPlain raw: UnsafeBufferPointer<UInt8>) -> String {
        // Most values (ids, codes, names) fit in a small string: made this way they take the
        // standard library's small-string path, which checks ASCII in the string's own two
        // words; `String(decoding:as:)` first ran a validation pass over the bytes (1 % fewer
        // instructions for a check).
        if raw.count <= 15 {
            return String(unsafeUninitializedCapacity: raw.count) { buffer in
                _ = buffer.initialize(from: raw)
                return raw.count
            }
        }
        return String(decoding: raw, as: UTF8.self)
    }
}
