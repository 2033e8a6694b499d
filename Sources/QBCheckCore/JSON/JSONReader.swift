import Foundation

/// Splits a file into its top-level JSON values: one JSON document, a whitespace-separated
/// sequence of them, or NDJSON (one document per line).
///
/// In NDJSON a bad line is reported and the following lines are still read, so one broken record
/// in a large export does not hide the rest. A UTF-8 byte order mark is skipped (RFC 8259 allows
/// readers to ignore it); UTF-16 is refused with a clear error.
public enum JSONReader {
    /// One top-level value, or why it could not be read.
    public typealias Entry = Result<JSONValue, JSONSyntaxError>

    public static func read(_ file: SourceFile, maxDepth: Int = 512) -> [Entry] {
        var entries: [Entry] = []
        forEach(in: file, maxDepth: maxDepth) { entries.append($0) }
        return entries
    }

    /// Hands each top-level value to `body` as soon as it is read, so a large NDJSON export is
    /// never held as a whole tree.
    public static func forEach(in file: SourceFile, maxDepth: Int = 512, _ body: (Entry) -> Void) {
        forEachTape(in: file, maxDepth: maxDepth) { body($0.map { $0.value(at: 0) }) }
    }

    /// The value that starts at `offset`, read alone: a record a document was read from, without
    /// reading the rest of its file. Nil when no value starts there.
    public static func value(in file: SourceFile, at offset: Int, maxDepth: Int = 512) -> JSONValue? {
        guard file.bytes.indices.contains(offset) else { return nil }
        return file.bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, source: file.bytes, start: offset, end: buffer.count, maxDepth: maxDepth)
            return (try? parser.readValue())?.value(at: 0)
        }
    }

    /// Each top-level value as a tape (entry 0 is the value).
    static func forEachTape(in file: SourceFile, maxDepth: Int = 512, _ body: (Result<JSONTape, JSONSyntaxError>) -> Void) {
        file.bytes.withUnsafeBufferPointer { buffer in
            read(buffer, source: file.bytes, lineMode: isLineDelimited(name: file.name), maxDepth: maxDepth, body: body)
        }
    }

    /// A piece of a file: a top-level value, or one element of an array that is streamed; the
    /// node is traced from the file's root.
    public enum Piece {
        case value(Node)
        /// An element of the array reached by `path` (member keys; `[]` for array levels).
        case element(path: [String], index: Int, node: Node)
        /// The elements of an array `skips` selected: how many, and where the array starts.
        case skipped(path: [String], count: Int, offset: Int)
    }

    /// Like `forEach`, but the elements of the arrays `streams` selects are handed over one at
    /// a time as they are read, and left out of the top-level value. `leadsToStreamed` may
    /// tell the paths below which `streams` selects nothing, so the reader stops following them.
    /// The elements of the streamed arrays `skips` selects are only stepped over, not read
    /// (nor checked), and counted (`Piece.skipped`). `readsElement` is offered each streamed
    /// element first (its path, index, first byte and the nesting still allowed): when it reads
    /// the element itself, it hands it on and answers where it ends, and no piece is made of it.
    public static func forEachPiece(
        in file: SourceFile, maxDepth: Int = 512, streams: @escaping ([String]) -> Bool,
        leadsToStreamed: @escaping ([String]) -> Bool = { _ in true }, skips: @escaping ([String]) -> Bool = { _ in false },
        readsElement: (([String], Int, Int, Int) -> Int?)? = nil,
        _ body: (Result<Piece, JSONSyntaxError>) -> Void
    ) {
        withoutActuallyEscaping(body) { body in
            let stream = Stream(streams: streams, leadsToStreamed: leadsToStreamed, skips: skips, readsElement: readsElement, onElement: { path, index, tape in
                body(.success(.element(path: path, index: index, node: Node(tape: tape, index: 0, at: JSONPointer(path).appending(index)))))
            }, onSkipped: { path, count, offset in
                body(.success(.skipped(path: path, count: count, offset: offset)))
            })
            file.bytes.withUnsafeBufferPointer { buffer in
                read(buffer, source: file.bytes, lineMode: isLineDelimited(name: file.name), maxDepth: maxDepth, stream: stream) { entry in
                    body(entry.map { .value(Node(tape: $0, index: 0, at: .root)) })
                }
            }
        }
    }

    /// What to stream, and where streamed elements go.
    struct Stream {
        var streams: ([String]) -> Bool
        var leadsToStreamed: ([String]) -> Bool = { _ in true }
        var skips: ([String]) -> Bool = { _ in false }
        var readsElement: (([String], Int, Int, Int) -> Int?)?
        var onElement: ([String], Int, JSONTape) -> Void
        var onSkipped: ([String], Int, Int) -> Void = { _, _, _ in }

        func configure(_ parser: inout JSONParser) {
            parser.streams = streams
            parser.leadsToStreamed = leadsToStreamed
            parser.elementHandler = onElement
            parser.skips = skips
            parser.skippedHandler = onSkipped
            parser.elementReader = readsElement
        }
    }

    /// Reads exactly one value filling the whole buffer.
    public static func readSingle(_ file: SourceFile, maxDepth: Int = 512) -> Entry {
        readSingleNode(file, maxDepth: maxDepth).map(\.value)
    }

    /// Reads exactly one value filling the whole buffer, as a node traced from the root.
    public static func readSingleNode(_ file: SourceFile, maxDepth: Int = 512) -> Result<Node, JSONSyntaxError> {
        var entry: Result<JSONTape, JSONSyntaxError>?
        file.bytes.withUnsafeBufferPointer {
            read($0, source: file.bytes, lineMode: false, maxDepth: maxDepth, single: true) { entry = entry ?? $0 }
        }
        return (entry ?? .failure(JSONSyntaxError(offset: 0, reason: .emptyInput))).map { Node(tape: $0, index: 0, at: .root) }
    }

    public static func isLineDelimited(name: String) -> Bool {
        name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl")
    }

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], lineMode: Bool, maxDepth: Int, single: Bool = false, stream: Stream? = nil,
        body: (Result<JSONTape, JSONSyntaxError>) -> Void
    ) {
        var start = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return body(.failure(JSONSyntaxError(offset: 0, reason: .utf16)))
        }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            return body(.failure(JSONSyntaxError(offset: 0, reason: .utf16)))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var parser = JSONParser(bytes: bytes, source: source, start: start, end: bytes.count, maxDepth: maxDepth)
        stream?.configure(&parser)
        parser.skipWhitespace()
        if parser.atEnd { return body(.failure(JSONSyntaxError(offset: parser.position, reason: .emptyInput))) }
        if lineMode { return readLines(bytes, source: source, from: start, maxDepth: maxDepth, stream: stream, body: body) }

        let firstStart = parser.position
        let first: JSONTape
        do {
            first = try parser.readValue()
        } catch {
            return body(.failure(error))
        }
        if parser.atEnd { return body(.success(first)) }
        if single { return body(.failure(JSONSyntaxError(offset: parser.position, reason: .trailingContent))) }
        // A first document on one line followed by more: NDJSON without the extension (stdin, .json).
        if !containsNewline(bytes, from: firstStart, to: parser.position - 1) {
            // The first line was a whole document; its elements were handed over already when
            // streaming, so NDJSON continues after it.
            let next = stream == nil ? start : parser.position
            if stream != nil { body(.success(first)) }
            return readLines(bytes, source: source, from: next, maxDepth: maxDepth, stream: stream, body: body)
        }
        body(.success(first))
        while !parser.atEnd {
            do {
                body(.success(try parser.readValue()))
            } catch {
                return body(.failure(error))
            }
        }
    }

    /// Where the line that starts at `start` ends (its line feed, or the end of the bytes):
    /// the C library's `memchr`, which looks at many bytes at a time. A byte-by-byte loop here
    /// had cost 5 % of a check over NDJSON, where every record is a line looked through once.
    private static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func containsNewline(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var index = from
        while index < to {
            if bytes[index] == UInt8(ascii: "\n") { return true }
            index += 1
        }
        return false
    }

    private static func readLines(
        _ bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], from start: Int, maxDepth: Int, stream: Stream? = nil,
        body: (Result<JSONTape, JSONSyntaxError>) -> Void
    ) {
        var lineStart = start
        while lineStart < bytes.count {
            let lineEnd = lineBreak(in: bytes, from: lineStart)
            var parser = JSONParser(bytes: bytes, source: source, start: lineStart, end: lineEnd, maxDepth: maxDepth)
            stream?.configure(&parser)
            parser.skipWhitespace()
            if !parser.atEnd {
                do {
                    let value = try parser.readValue()
                    if parser.atEnd {
                        body(.success(value))
                    } else {
                        body(.failure(JSONSyntaxError(offset: parser.position, reason: .trailingContent)))
                    }
                } catch {
                    body(.failure(error))
                }
            }
            lineStart = lineEnd + 1
        }
    }
}
