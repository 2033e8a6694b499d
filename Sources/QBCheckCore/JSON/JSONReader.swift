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
        file.bytes.withUnsafeBufferPointer { buffer in
            read(buffer, lineMode: isLineDelimited(name: file.name), maxDepth: maxDepth)
        }
    }

    /// Reads exactly one value filling the whole buffer.
    public static func readSingle(_ file: SourceFile, maxDepth: Int = 512) -> Entry {
        let entries = file.bytes.withUnsafeBufferPointer { read($0, lineMode: false, maxDepth: maxDepth, single: true) }
        return entries.first ?? .failure(JSONSyntaxError(offset: 0, reason: .emptyInput))
    }

    static func isLineDelimited(name: String) -> Bool {
        name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl")
    }

    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, lineMode: Bool, maxDepth: Int, single: Bool = false
    ) -> [Entry] {
        var start = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return [.failure(JSONSyntaxError(offset: 0, reason: .utf16))]
        }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            return [.failure(JSONSyntaxError(offset: 0, reason: .utf16))]
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        var parser = JSONParser(bytes: bytes, start: start, end: bytes.count, maxDepth: maxDepth)
        parser.skipWhitespace()
        if parser.atEnd { return [.failure(JSONSyntaxError(offset: parser.position, reason: .emptyInput))] }
        if lineMode { return readLines(bytes, from: start, maxDepth: maxDepth) }

        var entries: [Entry] = []
        let firstStart = parser.position
        do {
            entries.append(.success(try parser.readValue()))
        } catch {
            return [.failure(error)]
        }
        if parser.atEnd { return entries }
        if single { return [.failure(JSONSyntaxError(offset: parser.position, reason: .trailingContent))] }
        // A first document on one line followed by more: NDJSON without the extension (stdin, .json).
        if !containsNewline(bytes, from: firstStart, to: parser.position - 1) {
            return readLines(bytes, from: start, maxDepth: maxDepth)
        }
        while !parser.atEnd {
            do {
                entries.append(.success(try parser.readValue()))
            } catch {
                entries.append(.failure(error))
                break
            }
        }
        return entries
    }

    private static func containsNewline(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var index = from
        while index < to {
            if bytes[index] == UInt8(ascii: "\n") { return true }
            index += 1
        }
        return false
    }

    private static func readLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, maxDepth: Int) -> [Entry] {
        var entries: [Entry] = []
        var lineStart = start
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var parser = JSONParser(bytes: bytes, start: lineStart, end: lineEnd, maxDepth: maxDepth)
            parser.skipWhitespace()
            if !parser.atEnd {
                do {
                    let value = try parser.readValue()
                    if parser.atEnd {
                        entries.append(.success(value))
                    } else {
                        entries.append(.failure(JSONSyntaxError(offset: parser.position, reason: .trailingContent)))
                    }
                } catch {
                    entries.append(.failure(error))
                }
            }
            lineStart = lineEnd + 1
        }
        return entries
    }
}
