import Foundation
import QBCheckCore
import Synchronization

/// Reads NDJSON on several threads and keeps the order: the file is cut at line breaks into
/// chunks of about a megabyte, each chunk is split into lines, parsed and recognized on a worker
/// thread, and the caller gets the documents back chunk by chunk, in input order, on its own
/// thread (where the rules with memory run). `workers` counts the caller's thread: it reads a
/// chunk itself when no worker has started on it, so N workers never mean more busy threads
/// than N cores. A few chunks are in flight at a time, so memory stays bounded whatever the
/// file's size.
struct LineChunks {
    /// How many workers parse at once; 1 reads on the caller's thread.
    var workers: Int
    /// Bytes of lines per chunk.
    var chunkBytes = 1 << 20
    /// When set, only lines holding these bytes are read; blocks of lines without them are
    /// skipped in one search.
    var marker: BytePattern?
    /// Rules the workers run on each document they read; what they find goes to `absorb`,
    /// chunk by chunk, in input order.
    var rules: ParallelRules?

    /// Whole lines of the file and, once a worker is done with them, their documents.
    private final class Chunk: @unchecked Sendable {
        let bytes: [UInt8]
        /// The line number of the first line, and the file offset of the first byte.
        let firstLine: Int
        let offset: Int
        /// Set by the worker before `done` is signalled, read by the caller after waiting on it.
        var entries: [(DocumentReader.Entry, Int)] = []
        var outputs: ParallelRules.Outputs?
        var documents = 0
        /// The worker that read the chunk (nil: the caller's thread), which frees its records.
        var reader: WorkerThread?
        let done = DispatchSemaphore(value: 0)

        func takeEntries() -> [(DocumentReader.Entry, Int)] {
            defer { entries = [] }
            return entries
        }

        /// Whoever sets it first (a worker, or the caller) reads the chunk.
        private let taken = Atomic<Bool>(false)
        private let finished = Atomic<Bool>(false)

        func take() -> Bool {
            taken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        }

        var isTaken: Bool { taken.load(ordering: .acquiring) }
        var isFinished: Bool { finished.load(ordering: .acquiring) }

        /// Called by whoever read the chunk, once its results are in place.
        func finish() {
            finished.store(true, ordering: .releasing)
            done.signal()
        }

        init(bytes: [UInt8], firstLine: Int, offset: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
            self.offset = offset
        }
    }

    /// Hands every document of the NDJSON file to `body`, with the byte offset reached, in
    /// input order. Returns the bytes read and how many non-blank lines there were.
    func forEach(path: String, fileSystem: FileSystem, absorb: (ParallelRules.Outputs) -> Void = { _ in },
                 _ body: (DocumentReader.Entry, Int) -> Void) throws -> (bytes: Int, documents: Int) {
        var consumed = 0
        var documents = 0
        var nextLine = 1
        var inFlight: [Chunk] = []
        // The caller is one of the workers: the others are threads, given chunks in turn.
        let threads = (1..<max(1, workers)).map { WorkerThread(name: "qbcheck.parse.\($0)") }
        defer { for thread in threads { thread.stop() } }
        var nextThread = 0
        let limit = max(1, workers) + 1
        let hint = DocumentReader.hubSpotType(fromFileName: path)
        let (marker, rules) = (marker, rules)

        func drain(keeping: Int) {
            while inFlight.count > keeping {
                let chunk = inFlight.removeFirst()
                if chunk.take() {
                    process(chunk)
                } else {
                    // While a worker reads the oldest chunk, read the next one nobody has begun.
                    while !chunk.isFinished, let next = inFlight.first(where: { !$0.isTaken }), next.take() {
                        process(next)
                        next.finish()
                    }
                    chunk.done.wait()
                }
                documents += chunk.documents
                for (entry, offset) in chunk.entries { body(entry, offset) }
                if let outputs = chunk.outputs { absorb(outputs) }
                // The worker that built the records frees them, in its own malloc arena.
                if let reader = chunk.reader {
                    let records = chunk.takeEntries()
                    reader.run { withExtendedLifetime(records) {} }
                }
            }
        }
        @Sendable func process(_ chunk: Chunk) {
            var entries: [(DocumentReader.Entry, Int)] = []
            var outputs = rules?.makeOutputs()
            chunk.documents = Self.read(chunk.bytes[...], firstLine: chunk.firstLine, offset: chunk.offset, path: path,
                                        hint: hint, marker: marker) { entry, offset in
                if let rules, case .success(let subject) = entry, outputs != nil { rules.check(subject, into: &outputs!) }
                entries.append((entry, offset))
            }.documents
            chunk.entries = entries
            chunk.outputs = outputs
        }
        func submit(_ chunk: Chunk) {
            let thread = threads[nextThread]
            thread.run {
                guard chunk.take() else { return }
                chunk.reader = thread
                process(chunk)
                chunk.finish()
            }
            nextThread = (nextThread + 1) % threads.count
            inFlight.append(chunk)
            drain(keeping: limit)
        }

        try fileSystem.readLineBlocks(path) { block in
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
            var start = block.startIndex
            while start < block.endIndex {
                var end = min(start + chunkBytes, block.endIndex)
                if end < block.endIndex { end = (block[end...].firstIndex(of: UInt8(ascii: "\n")) ?? block.endIndex - 1) + 1 }
                let piece = block[start..<end]
                submit(Chunk(bytes: Array(piece), firstLine: nextLine, offset: consumed))
                nextLine += FileSystem.forEachLine(in: piece) { _ in }
                consumed += piece.count
                start = end
            }
        }
        drain(keeping: 0)
        return (consumed, documents)
    }

    /// Reads the lines of `block`, whose first line has number `firstLine` and starts at byte
    /// `offset` of the file; returns how many lines there were and how many were not blank.
    private static func read(_ block: ArraySlice<UInt8>, firstLine: Int, offset: Int, path: String, hint: CRMObjectType?,
                             marker: BytePattern?, _ body: (DocumentReader.Entry, Int) -> Void) -> (lines: Int, documents: Int) {
        var number = firstLine - 1
        var documents = 0
        let lines = FileSystem.forEachLine(in: block) { line in
            number += 1
            var bytes = line
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            documents += 1
            if let marker, !marker.occurs(in: bytes) { return }
            let lineOffset = offset + (line.startIndex - block.startIndex)
            DocumentReader.forEach(in: SourceFile(name: path, bytes: Array(bytes), firstLine: number), hint: hint) { entry, at in
                body(entry, lineOffset + at)
            }
        }
        return (lines, documents)
    }
}
