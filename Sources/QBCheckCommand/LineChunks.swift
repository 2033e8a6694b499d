import Foundation
import QBCheckCore

/// Reads NDJSON with several workers and keeps the order: lines are gathered into chunks of
/// about a megabyte, each chunk is parsed and recognized on a worker thread, and the caller gets
/// the documents back chunk by chunk, in input order, on its own thread (where the rules run).
/// A few chunks are in flight at a time, so memory stays bounded whatever the file's size.
struct LineChunks {
    /// How many workers parse at once; 1 reads on the caller's thread, as before.
    var workers: Int
    /// Bytes of lines per chunk.
    var chunkBytes = 1 << 20
    /// When set, only lines holding these bytes are read; blocks of lines without them are
    /// skipped in one search.
    var marker: BytePattern?
    /// Rules the workers run on each document they read; what they find goes to `absorb`,
    /// chunk by chunk, in input order.
    var rules: ParallelRules?

    /// A chunk of lines and, once a worker is done with it, their documents.
    private final class Chunk: @unchecked Sendable {
        var lines: [(number: Int, bytes: [UInt8], offset: Int)] = []
        var byteCount = 0
        /// Set by the worker before `done` is signalled, read by the caller after waiting on it.
        var entries: [(DocumentReader.Entry, Int)] = []
        var outputs: ParallelRules.Outputs?
        let done = DispatchSemaphore(value: 0)
    }

    /// Hands every document of the NDJSON file to `body`, with the byte offset reached, in
    /// input order. Returns the bytes read and how many non-blank lines there were.
    func forEach(path: String, fileSystem: FileSystem, absorb: (ParallelRules.Outputs) -> Void = { _ in },
                 _ body: (DocumentReader.Entry, Int) -> Void) throws -> (bytes: Int, documents: Int) {
        var consumed = 0
        var documents = 0
        var current = Chunk()
        var inFlight: [Chunk] = []
        let queue = DispatchQueue(label: "qbcheck.parse", attributes: .concurrent)
        let limit = max(1, workers) * 2
        let hint = DocumentReader.hubSpotType(fromFileName: path)

        func drain(keeping: Int) {
            while inFlight.count > keeping {
                let chunk = inFlight.removeFirst()
                chunk.done.wait()
                for (entry, offset) in chunk.entries { body(entry, offset) }
                if let outputs = chunk.outputs { absorb(outputs) }
            }
        }
        func submit() {
            guard !current.lines.isEmpty else { return }
            let chunk = current
            current = Chunk()
            let name = path
            let rules = rules
            queue.async {
                var entries: [(DocumentReader.Entry, Int)] = []
                var outputs = rules?.makeOutputs()
                for line in chunk.lines {
                    let file = SourceFile(name: name, bytes: line.bytes, firstLine: line.number)
                    DocumentReader.forEach(in: file, hint: hint) { entry, offset in
                        if let rules, case .success(let subject) = entry, outputs != nil { rules.check(subject, into: &outputs!) }
                        entries.append((entry, line.offset + offset))
                    }
                }
                chunk.entries = entries
                chunk.outputs = outputs
                chunk.done.signal()
            }
            inFlight.append(chunk)
            drain(keeping: limit)
        }

        var number = 0
        try fileSystem.readLineBlocks(path) { block in
            if let marker, !marker.occurs(in: block) {
                number += FileSystem.forEachLine(in: block) { _ in }
                consumed += block.count
                return
            }
            FileSystem.forEachLine(in: block) { line in
                number += 1
                read(line, number: number)
            }
        }
        func read(_ line: ArraySlice<UInt8>, number: Int) {
            var bytes = line
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                documents += 1
                if let marker, !marker.occurs(in: bytes) {
                    consumed += line.count
                    return
                }
                if workers <= 1 {
                    DocumentReader.forEach(in: SourceFile(name: path, bytes: Array(bytes), firstLine: number), hint: hint) { entry, offset in
                        body(entry, consumed + offset)
                    }
                } else {
                    current.lines.append((number, Array(bytes), consumed))
                    current.byteCount += bytes.count
                    if current.byteCount >= chunkBytes { submit() }
                }
            }
            consumed += line.count
        }
        submit()
        drain(keeping: 0)
        return (consumed, documents)
    }
}
