import QBCheckCore

/// Reads JSON files on several threads, a file a job, and keeps their order: what lets a check
/// of many files (a folder of QBO query response pages, 1,000 records and some 2.5 MB each)
/// use every core, as `LineChunks` lets one of NDJSON. A worker reads a file, parses its
/// records and judges each by the rules that judge records alone; the caller gets the file back,
/// in input order, on its own thread, where the rules with memory run (`OrderedWork`).
///
/// A record the rules with memory need only notes of (an invoice's number, a customer's names)
/// comes back as those notes and is dropped on the worker that read it, as NDJSON's are: handed
/// over whole, a page's thousand records were built, walked by the other core and freed out of
/// every cache, and two workers spent twice one's CPU. One the notes report on is read again
/// from the file's bytes (the file once, for all its records). The other records are held until
/// the caller has them, so only files of `largest` bytes or fewer are read this way: a larger
/// one is read by the caller, record by record.
struct WholeFiles {
    /// How many workers read at once, the caller's thread among them.
    var workers: Int
    var fileSystem: FileSystem
    /// The rules the workers run on each record; what they find comes back with the file.
    var rules: ParallelRules
    /// When set, a file holding these bytes is not parsed: its `holdsMarker` says so instead.
    var stopMarker: BytePattern?
    /// A query response page of 1,000 invoices is about 2.5 MB; a few files in flight at a
    /// time hold their bytes and the records handed over whole (up to ten times their bytes).
    var largest = 8 << 20

    /// What a worker read of one file.
    struct File: Sendable {
        var path: String
        /// The file's name and size, or why it could not be read.
        var read: Result<(name: String, bytes: Int), InputError>
        /// Whether the file holds `stopMarker` (it was then not parsed).
        var holdsMarker = false
        /// Its records, whole or noted, or why each could not be read, in file order.
        var entries: [Read] = []
        /// The notes of its noted records.
        var notes = RecordNotes()
        /// What the rules that judge records alone found in them.
        var outputs: ParallelRules.Outputs?
        /// The file, for its noted records read again (nil when it has none).
        fileprivate var source: SourceFile?
        /// Its records read again, once one was asked for.
        fileprivate var reread: [DocumentReader.Entry]?

        /// The noted record that was the `index`th entry of the file, read again.
        mutating func record(at index: Int) -> Document {
            if reread == nil, let source { reread = DocumentReader.read(source) }
            guard let reread, index < reread.count, case .success(.document(let document)) = reread[index] else {
                preconditionFailure("a noted record of \(path) read differently the second time")
            }
            return document
        }
    }

    /// One entry of a file: whole, or a record the rules with memory need only notes of, with
    /// its place among the file's entries; each with its offset in the file.
    enum Read: Sendable {
        case whole(DocumentReader.Entry, offset: Int)
        case noted(NotedRecord, index: Int, offset: Int)
    }

    /// Whether `path` is read here: a JSON file (not NDJSON, not standard input) of `largest`
    /// bytes or fewer. A file whose size cannot be told is left to the caller, which says why.
    func takes(_ path: String) -> Bool {
        guard path != "-", !JSONReader.isLineDelimited(name: path), let size = fileSystem.size(path) else { return false }
        return size <= largest
    }

    /// Reads `paths` on the workers and hands each file to `body`, in order, on this thread.
    /// Once `until` is true, no further file is begun (files already begun still come back).
    func forEach(_ paths: [String], until stops: () -> Bool = { false }, _ body: (File) -> Void) {
        let (fileSystem, rules, stopMarker) = (fileSystem, rules, stopMarker)
        withoutActuallyEscaping(body) { body in
            let work = OrderedWork<File>(workers: workers, name: "files", deliver: body)
            for path in paths {
                if stops() { break }
                work.submit { Self.read(path, fileSystem: fileSystem, rules: rules, stopMarker: stopMarker) }
            }
            work.finish()
        }
    }

    /// Reads one file on a worker: its records, each judged by the rules that judge records alone.
    private static func read(_ path: String, fileSystem: FileSystem, rules: ParallelRules, stopMarker: BytePattern?) -> File {
        let file: SourceFile
        switch InputLoader.read(path, from: fileSystem) {
        case .failure(let error): return File(path: path, read: .failure(error))
        case .success(let read): file = read
        }
        var whole = File(path: path, read: .success((file.name, file.bytes.count)))
        if let stopMarker, stopMarker.occurs(in: file.bytes[...]) {
            whole.holdsMarker = true
            return whole
        }
        var outputs = rules.makeOutputs()
        var index = 0
        DocumentReader.forEach(in: file) { entry, offset in
            defer { index += 1 }
            if case .success(let subject) = entry {
                rules.check(subject, into: &outputs)
                if let record = rules.note(subject, into: &whole.notes) {
                    whole.source = file
                    return whole.entries.append(.noted(record, index: index, offset: offset))
                }
            }
            whole.entries.append(.whole(entry, offset: offset))
        }
        whole.outputs = outputs
        return whole
    }
}
