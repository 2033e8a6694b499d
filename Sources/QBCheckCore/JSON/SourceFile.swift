import Synchronization

/// The bytes of one input file, and the line starts that turn a byte offset into line:column.
public struct SourceFile: Sendable {
    /// The name findings and errors print: the path as the user gave it, or `<stdin>`.
    public let name: String
    public let bytes: [UInt8]
    /// The line table of a large file, made the first time a position is asked for; small
    /// files (every NDJSON line) are counted directly, since most are never asked.
    private let table: LineTable?

    /// The line number of the first byte: a line read alone from a large NDJSON file keeps its
    /// place in the file.
    public let firstLine: Int

    /// Files below this size are counted byte by byte for each position asked.
    static let tableThreshold = 64 << 10

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        self.table = bytes.count >= Self.tableThreshold ? LineTable() : nil
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The 1-based line and column of a byte offset; columns count Unicode characters
    /// (scalars), so a name with accents does not shift the column of what follows.
    public func position(of offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        if let table { return table.position(of: offset, in: bytes, firstLine: firstLine) }
        var line = firstLine
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}

/// Line starts and UTF-8 continuation bytes of a large file, so a position is found in
/// logarithmic time even on a single-line file of millions of records.
private final class LineTable: Sendable {
    private struct Offsets {
        var lineStarts: [Int]
        var continuationBytes: [Int]
    }

    private let offsets = Mutex<Offsets?>(nil)

    func position(of offset: Int, in bytes: [UInt8], firstLine: Int) -> SourcePosition {
        offsets.withLock { offsets in
            let table = offsets ?? Self.make(bytes)
            offsets = table
            let line = Self.lastIndex(in: table.lineStarts, atMost: offset) ?? 0
            let start = table.lineStarts[line]
            // Continuation bytes in [start, offset) belong to characters already counted.
            let before = Self.count(in: table.continuationBytes, below: offset) - Self.count(in: table.continuationBytes, below: start)
            return SourcePosition(line: firstLine + line, column: offset - start - before + 1)
        }
    }

    private static func make(_ bytes: [UInt8]) -> Offsets {
        var starts = [0]
        var continuations: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                } else if byte & 0xC0 == 0x80 {
                    continuations.append(index)
                }
            }
        }
        return Offsets(lineStarts: starts, continuationBytes: continuations)
    }

    /// The index of the last element ≤ value in a sorted array.
    private static func lastIndex(in sorted: [Int], atMost value: Int) -> Int? {
        let count = count(in: sorted, below: value + 1)
        return count == 0 ? nil : count - 1
    }

    /// How many elements of a sorted array are below a value.
    private static func count(in sorted: [Int], below value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A 1-based line and column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
