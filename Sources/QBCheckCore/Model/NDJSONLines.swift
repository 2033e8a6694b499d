/// Blocks of whole NDJSON lines, as the readers of large files cut them.
public enum NDJSONLines {
    /// Reads the lines of `block`, the first of which has number `firstLine`, each as a file of
    /// its own that keeps its line number; a line without `marker` is counted, not read. `body`
    /// gets each entry with its offset from the start of the block. Returns how many lines there
    /// were and how many were not blank.
    @discardableResult
    public static func forEachDocument(in block: ArraySlice<UInt8>, firstLine: Int, path: String, reading: DocumentReader.Reading,
                                       marker: BytePattern? = nil, _ body: (DocumentReader.Entry, Int) -> Void) -> (lines: Int, documents: Int) {
        var number = firstLine - 1
        var documents = 0
        // Each line's bytes go into this one array, written over in place when the last line's
        // records are gone (nearly always): a new array per line was a heap block of a few
        // kilobytes made and freed for every record. While a record is still held (workers keep
        // a piece's records), emptying the array makes a new one of the same capacity, so
        // that capacity stays near the line's size: a long line's is not passed on.
        var lineBytes: [UInt8] = []
        let lines = FileSystem.forEachLine(in: block) { line in
            number += 1
            var bytes = line
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            documents += 1
            if let marker, !marker.occurs(in: bytes) { return }
            let lineOffset = line.startIndex - block.startIndex
            if lineBytes.capacity > 2 * bytes.count + 4096 { lineBytes = [] }
            lineBytes.removeAll(keepingCapacity: true)
            lineBytes.append(contentsOf: bytes)
            DocumentReader.forEachInLine(SourceFile(name: path, bytes: lineBytes, firstLine: number), reading: reading) { entry, at in
                body(entry, lineOffset + at)
            }
        }
        return (lines, documents)
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
