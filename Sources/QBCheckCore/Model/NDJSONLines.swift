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
        let ring = ThreadArrays.current.lineBytes
        let lines = FileSystem.forEachLine(in: block) { line in
            number += 1
            var bytes = line
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            documents += 1
            if let marker, !marker.occurs(in: bytes) { return }
            let lineOffset = line.startIndex - block.startIndex
            // Copied into an array used over again once the line's records are gone.
            var copy = ring.take(expecting: bytes.count, slack: 4096)
            copy.append(contentsOf: bytes)
            DocumentReader.forEachInLine(SourceFile(name: path, bytes: ring.keep(copy), firstLine: number), reading: reading) { entry, at in
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
