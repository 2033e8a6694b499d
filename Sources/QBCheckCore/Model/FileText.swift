/// A short text of a record (an id, a code, a description) left where it stands in the
/// record's file, and read only when a rule or a message asks for it.
///
/// An invoice line carries four of them (`Id`, `Description`, `ItemRef`, `TaxCodeRef`), and
/// most are never read: made into strings as each line was read, they were 32 strings per
/// invoice made and freed (7 % of a check's time), and they made every line a value with
/// references in it, freed field by field. A line holding only offsets and lengths is plain
/// memory: an invoice's lines are made, copied and freed as one block.
///
/// Read it from the file its record came from: `document.text(line.id)`.
public struct FileText: Sendable {
    /// The byte length of the text as written, without the quotes of a string.
    let length: UInt32
    /// Whether the value is a JSON string: its text starts one byte after its location (the
    /// quote). Ids that arrive as numbers are read as the number's text.
    let isQuoted: Bool
    /// Whether the string has escapes (`\"`, `\u00e9`), decoded when it is read.
    let hasEscapes: Bool

    init(length: Int, isQuoted: Bool, hasEscapes: Bool) {
        self.length = UInt32(length)
        self.isQuoted = isQuoted
        self.hasEscapes = hasEscapes
    }
}

extension JSONTape.Entry {
    /// A string's or number's text left in the file, where it stands; nil for other values.
    var fileText: Located<FileText>? {
        guard kind == .string || kind == .number else { return nil }
        return Located(FileText(length: Int(extent), isQuoted: kind == .string, hasEscapes: hasEscapes), at: Location(offset: offset))
    }
}

extension SourceFile {
    /// The bytes of `text` as written in this file, escapes not decoded; empty when the text is
    /// not from this file (a `FileText` read from another file is a mistake, never a crash).
    private func raw(_ text: Located<FileText>) -> Range<Int> {
        let start = text.location.offset + (text.value.isQuoted ? 1 : 0)
        let end = start + Int(text.value.length)
        guard start >= 0, end <= bytes.count else {
            assertionFailure("a FileText read from a file it does not come from")
            return 0..<0
        }
        return start..<end
    }

    /// The text, its escapes decoded.
    public func text(_ text: Located<FileText>) -> String {
        let range = raw(text)
        return bytes.withUnsafeBufferPointer { bytes in
            let written = UnsafeBufferPointer(rebasing: bytes[range])
            return text.value.hasEscapes ? JSONTape.unescape(written) : JSONTape.string(fromPlain: written)
        }
    }

    /// Whether the text reads `wanted`, compared as bytes when it has no escapes.
    public func text(_ text: Located<FileText>, is wanted: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount)
        if text.value.hasEscapes { return Array(self.text(text).utf8).elementsEqual(wanted) }
        let range = raw(text)
        guard range.count == wanted.count else { return false }
        guard !wanted.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { JSONTape.equal($0.baseAddress! + range.lowerBound, wanted, count: wanted.count) }
    }
}

extension Document {
    /// A text of this document's record, read from its file; nil when the record has none.
    public func text(_ text: Located<FileText>?) -> String? {
        text.map(file.text)
    }

    /// The same, with its place in the file.
    public func located(_ text: Located<FileText>?) -> Located<String>? {
        text.map { Located(file.text($0), at: $0.location) }
    }

    /// Whether the record has the text and it reads `wanted` (a tax code `TAX`).
    public func text(_ text: Located<FileText>?, is wanted: StaticString) -> Bool {
        text.map { file.text($0, is: wanted) } ?? false
    }
}
