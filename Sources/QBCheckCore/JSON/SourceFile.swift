/// The bytes of one input file, and the line starts that turn a byte offset into line:column.
public struct SourceFile: Sendable {
    /// The name findings and errors print: the path as the user gave it, or `<stdin>`.
    public let name: String
    public let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Offsets of UTF-8 continuation bytes, so a column counts characters in logarithmic time
    /// even on a single-line file of millions of records.
    private let continuationBytes: [Int]

    /// The line number of the first byte: a line read alone from a large NDJSON file keeps its
    /// place in the file.
    public let firstLine: Int

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
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
        self.lineStarts = starts
        self.continuationBytes = continuations
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The 1-based line and column of a byte offset; columns count Unicode characters
    /// (scalars), so a name with accents does not shift the column of what follows.
    public func position(of offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        let line = Self.lastIndex(in: lineStarts, atMost: offset) ?? 0
        let start = lineStarts[line]
        // Continuation bytes in [start, offset) belong to characters already counted.
        let before = Self.count(in: continuationBytes, below: offset) - Self.count(in: continuationBytes, below: start)
        return SourcePosition(line: firstLine + line, column: offset - start - before + 1)
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
