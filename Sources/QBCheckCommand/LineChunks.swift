import Foundation
import QBCheckCore

/// Reads NDJSON on several threads and keeps the order: the file is cut at line breaks into
/// chunks of about 128 KB, each chunk is split into lines, parsed, recognized and judged by the
/// rules that judge records alone on a worker thread, and the caller gets the chunk back, in
/// input order, on its own thread (where the rules with memory run), through `OrderedWork`: the
/// caller reads a chunk itself when no worker has started on it, and a few chunks are in flight
/// at a time, so memory stays bounded whatever the file's size. Records the rules with memory
/// need only notes of (an invoice's number) come back as those notes, and are dropped where they
/// were read.
struct LineChunks {
    /// How many workers parse at once; 1 reads on the caller's thread.
    var workers: Int
    /// Bytes of lines per chunk: small enough that a chunk's records (about 60 invoices) are
    /// made and freed while they are still in the cache and in malloc's per-thread bins, when
    /// they are handed over whole. With chunks of a megabyte (some 470 invoices, ten thousand
    /// objects freed at once) two threads spent 45 % more CPU than one, most of it in glibc's
    /// malloc; with 128 KB, 15 %. (Invoices handed over as notes ran as fast in chunks of 512 KB.)
    var chunkBytes = 128 << 10
    /// When set, only lines holding these bytes are read; blocks of lines without them are
    /// skipped in one search.
    var marker: BytePattern?
    /// Rules the workers run on each document they read; what they find goes to `absorb`,
    /// chunk by chunk, in input order.
    var rules: ParallelRules?

    /// What a worker read of one chunk: its entries, what the rules found, how many records.
    private struct Chunk: Sendable {
        /// The chunk's bytes, for the records handed over as notes and read again to be reported.
        var bytes: ArraySlice<UInt8>
        /// The offset of the chunk's first byte in the file.
        var offset: Int
        var entries: [Read] = []
        var outputs: ParallelRules.Outputs?
        var notes = RecordNotes()
        var documents = 0
    }

    /// One entry of a chunk, as the reading thread is handed it: whole, with its offset in the
    /// file, or, a record the rules with memory need only notes of, those notes and where it
    /// stands in the chunk (dropped on the worker that read it: see `RecordNote`).
    private enum Read: Sendable {
        case whole(DocumentReader.Entry, offset: Int)
        case noted(NotedRecord, at: NDJSONLines.Place)
    }

    /// Hands every document of the NDJSON file to `body`, with the byte offset reached, in
    /// input order; with `rules`, a record the rules with memory need only notes of goes to
    /// `noted` instead, with its notes and a way to read it again. Returns the bytes read and
    /// how many non-blank lines there were.
    /// Once `until` is true, the blocks left are read but not parsed (the caller has what it
    /// needs; chunks already handed to workers still come back).
    func forEach(path: String, fileSystem: FileSystem, absorb: (ParallelRules.Outputs) -> Void = { _ in },
                 noted: (NotedRecord, RecordNotes, _ record: () -> Document, _ offset: Int) -> Void,
                 until stops: () -> Bool = { false },
                 _ body: (DocumentReader.Entry, Int) -> Void) throws -> (bytes: Int, documents: Int) {
        var consumed = 0
        var documents = 0
        var nextLine = 1
        let (marker, rules) = (marker, rules)
        // Each line read whole, as a record of the type the file's name gives (a HubSpot export).
        let reading = DocumentReader.Reading(hint: DocumentReader.hubSpotType(fromFileName: path), skimsBulkRecords: false)
        // A chunk's entries, in input order, on this thread.
        func deliver(_ chunk: Chunk) {
            documents += chunk.documents
            for read in chunk.entries {
                switch read {
                case .whole(let entry, let offset):
                    body(entry, offset)
                case .noted(let record, let place):
                    noted(record, chunk.notes, { Self.document(at: place, in: chunk.bytes, path: path, reading: reading) }, chunk.offset + place.offset)
                }
            }
            if let outputs = chunk.outputs { absorb(outputs) }
        }
        return try withoutActuallyEscaping(deliver) { deliver in
            let work = OrderedWork<Chunk>(workers: workers, name: "parse", deliver: deliver)
            try fileSystem.readLineBlocks(path) { block in
                if stops() { return }
                if let marker, !marker.occurs(in: block) {
                    nextLine += FileSystem.forEachLine(in: block) { _ in }
                    consumed += block.count
                    return
                }
                if workers <= 1 {
                    let read = NDJSONLines.forEachDocument(in: block, firstLine: nextLine, path: path, reading: reading, marker: marker) { entry, at in
                        body(entry, consumed + at)
                    }
                    documents += read.documents
                    nextLine += read.lines
                    consumed += block.count
                    return
                }
                NDJSONLines.forEachPiece(of: block, size: chunkBytes) { piece in
                    if stops() { return }
                    // The piece is handed over as it is: its block is never written again.
                    let (bytes, firstLine, offset) = (piece, nextLine, consumed)
                    work.submit { Self.read(bytes, firstLine: firstLine, offset: offset, path: path, reading: reading, marker: marker, rules: rules) }
                    nextLine += FileSystem.forEachLine(in: piece) { _ in }
                    consumed += piece.count
                }
            }
            work.finish()
            return (consumed, documents)
        }
    }

    /// Reads a chunk on a worker: the lines of `bytes`, whose first byte is at `offset` in the
    /// file, each record judged by the rules that judge records alone and, when they need no
    /// more of it, noted for the others.
    private static func read(_ bytes: ArraySlice<UInt8>, firstLine: Int, offset: Int, path: String, reading: DocumentReader.Reading,
                             marker: BytePattern?, rules: ParallelRules?) -> Chunk {
        var chunk = Chunk(bytes: bytes, offset: offset, outputs: rules?.makeOutputs())
        chunk.documents = NDJSONLines.forEachRecord(in: bytes, firstLine: firstLine, path: path, reading: reading, marker: marker) { entry, place in
            if let rules, case .success(let subject) = entry, chunk.outputs != nil {
                rules.check(subject, into: &chunk.outputs!)
                if let record = rules.note(subject, into: &chunk.notes) { return chunk.entries.append(.noted(record, at: place)) }
            }
            chunk.entries.append(.whole(entry, offset: offset + place.offset))
        }.documents
        return chunk
    }

    /// The document a worker noted at `place` of a chunk, read again to be reported on. The
    /// chunk's bytes have not changed since: read again, they read as they did.
    private static func document(at place: NDJSONLines.Place, in bytes: ArraySlice<UInt8>, path: String, reading: DocumentReader.Reading) -> Document {
        guard case .success(.document(let document)) = NDJSONLines.entry(at: place, in: bytes, path: path, reading: reading) else {
            preconditionFailure("a noted record of \(path) read differently the second time")
        }
        return document
    }
}
