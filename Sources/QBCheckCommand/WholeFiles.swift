import QBCheckCore

/// Reads JSON files on several threads, a file a job, and keeps their order: what lets a check
/// of many files (a folder of QBO query response pages, 1,000 records and some 2.5 MB each)
/// use every core, as `LineChunks` lets one of NDJSON. A worker reads a file, parses its
/// records and judges each by the rules that judge records alone; the caller gets the file back,
/// in input order, on its own thread, where the rules with memory run (`OrderedWork`).
///
/// A file's records are all held until the caller has them, so only files of `largest` bytes
/// or fewer are read this way: a larger one is read by the caller, record by record.
struct WholeFiles {
    /// How many workers read at once, the caller's thread among them.
    var workers: Int
    var fileSystem: FileSystem
    /// The rules the workers run on each record; what they find comes back with the file.
    var rules: ParallelRules
    /// When set, a file holding these bytes is not parsed: its `holdsMarker` says so instead.
    var stopMarker: BytePattern?
    /// A query response page of 1,000 invoices is about 2.5 MB; a few files in flight at a
    /// time hold their records (some ten times their bytes) at once.
    var largest = 8 << 20

    /// What a worker read of one file.
    struct File: Sendable {
        var path: String
        /// The file's name and size, or why it could not be read.
        var read: Result<(name: String, bytes: Int), InputError>
        /// Whether the file holds `stopMarker` (it was then not parsed).
        var holdsMarker = false
        /// Its records, or why each could not be read, with their offsets in the file.
        var entries: [(entry: DocumentReader.Entry, offset: Int)] = []
        /// What the rules that judge records alone found in them.
        var outputs: ParallelRules.Outputs?
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
        DocumentReader.forEach(in: file) { entry, offset in
            if case .success(let subject) = entry { rules.check(subject, into: &outputs) }
            whole.entries.append((entry, offset))
        }
        whole.outputs = outputs
        return whole
    }
}
