/// The JSON pointer of every value and member name inside one record, found in logarithmic
/// time from a byte offset.
///
/// Values carry only their offsets (see `Location`); pointers are needed for the findings and
/// errors reported, and a record can have thousands of them (an invoice of 20,000 wrong lines).
/// So the record is read again once, onto a tape, with each entry's parent and place noted, and
/// every pointer is then a binary search and a walk up.
public final class PointerIndex: Sendable {
    private let tape: JSONTape
    private let base: JSONPointer
    /// The entry of each entry's container; -1 for the root.
    private let parents: [Int32]
    /// Each array element's index in its array; -1 for everything else.
    private let positions: [Int32]

    /// Reads the value at `root` in `file` again; `base` is its pointer. Nil when there is no
    /// readable value there.
    public init?(file: SourceFile, root: Location, base: JSONPointer) {
        let tape: JSONTape? = file.bytes.withUnsafeBufferPointer { buffer in
            guard root.offset >= 0, root.offset < buffer.count else { return nil }
            var parser = JSONParser(bytes: buffer, source: file.bytes, start: root.offset, end: buffer.count)
            return try? parser.readValue()
        }
        guard let tape else { return nil }
        self.tape = tape
        self.base = base
        let count = tape.entries.count
        var parents = [Int32](repeating: -1, count: count)
        var positions = [Int32](repeating: -1, count: count)
        // The containers open around each entry (each with the entry after its end): the
        // innermost is its parent.
        var open: [(entry: Int, end: Int)] = []
        for entry in 0..<count {
            while let last = open.last, last.end <= entry { open.removeLast() }
            if let container = open.last { parents[entry] = Int32(container.entry) }
            let kind = tape.kind(at: entry)
            if kind == .object || kind == .array { open.append((entry, tape.next(after: entry))) }
        }
        for container in 0..<count where tape.kind(at: container) == .array {
            var position: Int32 = 0
            tape.forEachElement(of: container) { element in
                positions[element] = position
                position += 1
            }
        }
        self.parents = parents
        self.positions = positions
    }

    private enum Token {
        case key(String)
        case index(Int)
    }

    /// The pointer of the value or member name starting at `location`; nil when none does.
    public func pointer(of location: Location) -> JSONPointer? {
        // Entries are in file order, so their offsets ascend.
        var low = 0
        var high = tape.entries.count
        while low < high {
            let middle = (low + high) / 2
            if tape.offset(at: middle) < location.offset { low = middle + 1 } else { high = middle }
        }
        guard low < tape.entries.count, tape.offset(at: low) == location.offset else { return nil }
        var tokens: [Token] = []
        var entry = low
        while parents[entry] >= 0 {
            let parent = Int(parents[entry])
            if tape.kind(at: parent) == .array {
                tokens.append(.index(Int(positions[entry])))
            } else {
                // A member's value follows its name; the name's own place names the member.
                tokens.append(.key(tape.text(at: tape.kind(at: entry) == .key ? entry : entry - 1)))
            }
            entry = parent
        }
        return tokens.reversed().reduce(base) { pointer, token in
            switch token {
            case .key(let key): pointer.appending(key)
            case .index(let index): pointer.appending(index)
            }
        }
    }
}

extension SourceFile {
    /// The JSON pointer of the value (or member name) at `location`, found by reading again the
    /// value at `root` (whose pointer is `base`), which contains it; `base` when it does not.
    public func pointer(of location: Location, within root: Location = Location(offset: 0), at base: JSONPointer = .root) -> JSONPointer {
        guard location.offset != root.offset else { return base }
        return PointerIndex(file: self, root: root, base: base)?.pointer(of: location) ?? base
    }
}
