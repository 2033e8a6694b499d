import Foundation
import QBCheckCore

/// Reads NDJSON on several threads and keeps the order: the file is cut at line breaks into
/// chunks of about 128 KB, each chunk is split into lines, parsed and recognized on a worker
/// thread, and the caller gets the documents back chunk by chunk, in input order, on its own
/// thread (where the rules with memory run), through `OrderedWork`: the caller reads a chunk
/// itself when no worker has started on it, and a few chunks are in flight at a time, so memory
/// stays bounded whatever the file's size.
struct LineChunks {
    /// How many workers parse at once; 1 reads on the caller's thread.
    var workers: Int
    /// Bytes of lines per chunk: small enough that a chunk's records (about 60 invoices) are
    /// made and freed while they are still in the cache and in malloc's per-thread bins. With
    /// chunks of a megabyte (some 470 invoices, ten thousand objects freed at once) two threads
    /// spent 45 % more CPU than one, most of it in glibc's malloc; with 128 KB, 15 %.
    var chunkBytes = 128 << 10
    /// When set, only lines holding these bytes are read; blocks of lines without them are
    /// skipped in one search.
    var marker: BytePattern?
    /// Rules the workers run on each document they read; what they find goes to `absorb`,
    /// chunk by chunk, in input order.
    var rules: ParallelRules?

    /// What a worker read of one chunk: its documents, what the rules found, how many records.
    private struct Chunk: Sendable {
        var entries: [(DocumentReader.Entry, Int)] = []
        var outputs: ParallelRules.Outputs?
        var documents = 0
    }

    /// Hands every document of the NDJSON file to `body`, with the byte offset reached, in
    /// input order. Returns the bytes read and how many non-blank lines there were.
    /// Once `until` is true, the blocks left are read but not parsed (the caller has what it
    /// needs; chunks already handed to workers still come back).
    func forEach(path: String, fileSystem: FileSystem, absorb: (ParallelRules.Outputs) -> Void = { _ in },
                 until stops: () -> Bool = { false },
                 _ body: (DocumentReader.Entry, Int) -> Void) throws -> (bytes: Int, documents: Int) {
        var consumed = 0
        var documents = 0
        var nextLine = 1
        let hint = DocumentReader.hubSpotType(fromFileName: path)
        let (marker, rules) = (marker, rules)
        return try withoutActuallyEscaping(body) { body in
            try withoutActuallyEscaping(absorb) { absorb in
                let work = OrderedWork<Chunk>(workers: workers, name: "parse") { chunk in
                    documents += chunk.documents
                    for (entry, offset) in chunk.entries { body(entry, offset) }
                    if let outputs = chunk.outputs { absorb(outputs) }
                }
                try fileSystem.readLineBlocks(path) { block in
                    if stops() { return }
                    if let marker, !marker.occurs(in: block) {
                        nextLine += FileSystem.forEachLine(in: block) { _ in }
                        consumed += block.count
                        return
                    }
                    if workers <= 1 {
                        let read = Self.read(block, firstLine: nextLine, offset: consumed, path: path, hint: hint, marker: marker, body)
                        documents += read.documents
                        nextLine += read.lines
                        consumed += block.count
                        return
                    }
                    NDJSONLines.forEachPiece(of: block, size: chunkBytes) { piece in
                        if stops() { return }
                        // The piece is handed over as it is: its block is never written again.
                        let (bytes, firstLine, offset) = (piece, nextLine, consumed)
                        work.submit {
                            var chunk = Chunk(outputs: rules?.makeOutputs())
                            chunk.documents = Self.read(bytes, firstLine: firstLine, offset: offset, path: path, hint: hint, marker: marker) { entry, offset in
                                if let rules, case .success(let subject) = entry, chunk.outputs != nil { rules.check(subject, into: &chunk.outputs!) }
                                chunk.entries.append((entry, offset))
                            }.documents
                            return chunk
                        }
                        nextLine += FileSystem.forEachLine(in: piece) { _ in }
                        consumed += piece.count
                    }
                }
                work.finish()
                return (consumed, documents)
            }
        }
    }

    /// Reads the lines of `block`, whose first byte is at `offset` in the file; `body` gets each
    /// entry with its offset in the file.
    private static func read(_ block: ArraySlice<UInt8>, firstLine: Int, offset: Int, path: String, hint: CRMObjectType?,
                             marker: BytePattern?, _ body: (DocumentReader.Entry, Int) -> Void) -> (lines: Int, documents: Int) {
        NDJSONLines.forEachDocument(in: block, firstLine: firstLine, path: path, reading: DocumentReader.Reading(hint: hint, skimsBulkRecords: false),
                                    marker: marker) { entry, at in body(entry, offset + at) }
    }
}
