/// Blocks of whole NDJSON lines, as the readers of large files cut them.
public enum NDJSONLines {
    /// Reads the lines of `block`, the first of which has number `firstLine`, each as a file of
    /// its own that keeps its line number; a line without `marker` is counted, not read. `body`
    /// gets each entry with its offset from the start of the block. Returns how many lines there
    /// were and how many were not blank.
    @discardableResult
    public static func forEachDocument(in block: ArraySlice<UInt8>, firstLine: Int, path: String, reading: DocumentReader.Reading,
                                       marker: BytePattern? = nil, _ body: (DocumentReader.Entry, Int) -> Void) -> (lines: Int, documents: Int) {
        forEachRecord(in: block, firstLine: firstLine, path: path, reading: reading, marker: marker) { entry, place in body(entry, place.offset) }
    }

    /// Where an entry was read in a block of lines: enough to read it again (`entry(at:in:path:reading:)`).
    public struct Place: Sendable {
        /// The entry's offset from the start of the block.
        public var offset: Int
        /// Its line: the line's number, and where its bytes stand in the block.
        var line: Int
        var lineBytes: Range<Int>
        /// Which of the line's entries it is (a line may hold a list of records).
        var ordinal: Int
    }

    /// `forEachDocument`, with each entry's place.
    @discardableResult
    public static func forEachRecord(in block: ArraySlice<UInt8>, firstLine: Int, path: String, reading: DocumentReader.Reading,
                                     marker: BytePattern? = nil, _ body: (DocumentReader.Entry, Place) -> Void) -> (lines: Int, documents: Int) {
        var number = firstLine - 1
        var documents = 0
        let ring = ThreadArrays.current.lineBytes
        let lines = FileSystem.forEachLine(in: block) { line in
            number += 1
            guard let bytes = content(of: line) else { return }
            documents += 1
            if let marker, !marker.occurs(in: bytes) { return }
            let lineOffset = line.startIndex - block.startIndex
            let lineBytes = lineOffset..<(lineOffset + bytes.count)
            // Copied into an array used over again once the line's records are gone.
            var copy = ring.take(expecting: bytes.count, slack: 4096)
            copy.append(contentsOf: bytes)
            var ordinal = 0
            DocumentReader.forEachInLine(SourceFile(name: path, bytes: ring.keep(copy), firstLine: number), reading: reading) { entry, at in
                body(entry, Place(offset: lineOffset + at, line: number, lineBytes: lineBytes, ordinal: ordinal))
                ordinal += 1
            }
        }
        return (lines, documents)
    }

    /// The entry read at `place` of `block`, read again: what `forEachRecord` handed out there.
    public static func entry(at place: Place, in block: ArraySlice<UInt8>, path: String, reading: DocumentReader.Reading) -> DocumentReader.Entry? {
        let start = block.startIndex + place.lineBytes.lowerBound
        let file = SourceFile(name: path, bytes: Array(block[start..<(start + place.lineBytes.count)]), firstLine: place.line)
        var found: DocumentReader.Entry?
        var ordinal = 0
        DocumentReader.forEachInLine(file, reading: reading) { entry, _ in
            if ordinal == place.ordinal { found = entry }
            ordinal += 1
        }
        return found
    }

    /// A line's bytes without its line break; nil for a blank line.
    private static func content(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var bytes = line
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) ? bytes : nil
    }

    /// Cuts a block of whole lines into pieces of about `size` bytes, at line breaks: the parts
    /// handed to worker threads.
    public static func forEachPiece(of block: ArraySlice<UInt8>, size: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        var start = block.startIndex
        while start < block.endIndex {
            var end = min(start + size, block.endIndex)
            if end < block.endIndex { end = (block[end...].firstIndex(of: UInt8(ascii: "\n")) ?? block.endIndex - 1) + 1 }
            body(block[start..<end])
            start = end
        }
    }
}
