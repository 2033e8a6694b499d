/// The QBO files of a snapshot, read in parts on worker threads and handed back in file order:
/// once when the snapshot is loaded (the first look), and once more by `preflight`, which
/// checks the records the first look did not keep.
extension AccountLoader {
    /// Where a worker reads one part of a QBO file from.
    enum FilePart: Sendable {
        /// Whole lines of an NDJSON file, about a megabyte, the first with this number.
        case lines([UInt8], firstLine: Int)
        /// The whole file: a QBO query response page holds at most 1,000 records.
        case file
    }

    /// Hands the parts of `files` to `job` on `work`, in order; returns the NDJSON files that
    /// could not be read (the other files are read by the jobs).
    static func submitParts<Part: Sendable>(of files: [String], from fileSystem: FileSystem, to work: OrderedWork<Part>,
                                            _ job: @escaping @Sendable (String, FilePart) -> Part) -> [InputError] {
        var errors: [InputError] = []
        for path in files {
            guard JSONReader.isLineDelimited(name: path) else {
                work.submit { job(path, .file) }
                continue
            }
            var nextLine = 1
            do {
                try fileSystem.readLineBlocks(path) { block in
                    NDJSONLines.forEachPiece(of: block, size: 1 << 20) { piece in
                        let part = FilePart.lines(Array(piece), firstLine: nextLine)
                        nextLine += FileSystem.forEachLine(in: piece) { _ in }
                        work.submit { job(path, part) }
                    }
                }
            } catch let error as FileSystemError {
                errors.append(InputError(file: path, message: error.message))
            } catch {
                errors.append(InputError(file: path, message: "cannot read the file"))
            }
        }
        return errors
    }

    /// Reads the documents of one part. Returns how many records (non-blank lines, or values)
    /// it held, or why the file could not be read.
    static func forEachEntry(of part: FilePart, path: String, fileSystem: FileSystem, reading: DocumentReader.Reading,
                             _ body: (DocumentReader.Entry) -> Void) -> Result<Int, InputError> {
        switch part {
        case .lines(let lines, let firstLine):
            return .success(NDJSONLines.forEachDocument(in: lines[...], firstLine: firstLine, path: path, reading: reading) { entry, _ in body(entry) }.documents)
        case .file:
            do {
                let file = SourceFile(name: path, bytes: try fileSystem.read(path))
                var records = 0
                DocumentReader.forEach(in: file, reading: reading) { entry, _ in
                    records += 1
                    body(entry)
                }
                return .success(records)
            } catch let error as FileSystemError {
                return .failure(InputError(file: path, message: error.message))
            } catch {
                return .failure(InputError(file: path, message: "cannot read the file"))
            }
        }
    }

    /// An NDJSON file of blank lines holds no record: an error, as an empty JSON file is.
    static func emptyFileError(_ path: String) -> InputError {
        InputError(file: path, position: SourcePosition(line: 1, column: 1), message: JSONSyntaxError(offset: 0, reason: .emptyInput).message)
    }

    // MARK: - The first look

    /// What a worker read of one part of a QBO file on the first look.
    private struct FirstLook: Sendable {
        enum Item: Sendable {
            case entry(DocumentReader.Entry)
            /// A customer, vendor or employee of a snapshot that keeps none: its name record,
            /// made on the worker.
            case name(NameLedger.Entry)
        }

        var path: String
        var items: [Item] = []
        var records = 0
        let notesNames: Bool
        /// The entity of a query response page read no further than its opening (its records
        /// are of a kind the first look does not need).
        var pageOf: String?

        init(path: String, notesNames: Bool) {
            self.path = path
            self.notesNames = notesNames
        }

        mutating func add(_ entry: DocumentReader.Entry) {
            records += 1
            if notesNames, case .success(.document(let document)) = entry, case .quickbooks(.name(let name)) = document.content {
                items.append(.name(NameLedger.Entry(NameRecord(name))))
            } else {
                items.append(.entry(entry))
            }
        }
        var customFields: Result<CustomFieldDefinitions, InputError>?
        var readError: InputError?
    }

    /// Reads the QBO files into `snapshot`: each record added (kept or only noted, as
    /// `keepingRecords` says), `custom-fields.json` recognized by content. Without
    /// `keepingRecords`, and `trustingPages`, a query response page that opens with a list the
    /// first look does not need (Invoice, Payment) is read no further: as the API returns them,
    /// a page holds one entity (`forEachQuickBooksRecord` tells when one held more).
    func lookAtQuickBooks(_ files: [String], keepingRecords: Bool, trustingPages: Bool, workers: Int,
                          into snapshot: inout AccountSnapshot, errors: inout [InputError]) {
        let fileSystem = fileSystem
        let reading = DocumentReader.Reading(hint: nil, skimsBulkRecords: !keepingRecords)
        var records: [String: Int] = [:]
        var quickbooksFiles: [String] = []
        var found: [InputError] = []
        var snapshotSoFar = snapshot
        var names: [NameLedger.Entry] = []
        let work = OrderedWork<FirstLook>(workers: workers, name: "look") { look in
            if let error = look.readError { return found.append(error) }
            if let entity = look.pageOf {
                quickbooksFiles.append(look.path)
                snapshotSoFar.notePage(look.path, of: entity)
                return
            }
            if let customFields = look.customFields {
                switch customFields {
                case .success(let definitions): snapshotSoFar.customFieldDefinitions = definitions
                case .failure(let error): found.append(error)
                }
                return
            }
            if quickbooksFiles.last != look.path { quickbooksFiles.append(look.path) }
            records[look.path, default: 0] += look.records
            for item in look.items {
                guard case .entry(let entry) = item else {
                    if case .name(let name) = item { names.append(name) }
                    continue
                }
                switch entry {
                case .success(.document(let document)) where document.crmObject == nil && document.settings == nil:
                    snapshotSoFar.add(document, keeping: keepingRecords)
                case .success(let subject):
                    found.append(InputError(file: subject.resulting?.file.name ?? look.path, message: "expected QBO API responses in quickbooks/, found another kind of document"))
                case .failure(let error):
                    // Records read again report their errors then (`forEachQuickBooksRecord`).
                    if keepingRecords { found.append(error) }
                }
            }
        }
        let unreadable = Self.submitParts(of: files, from: fileSystem, to: work) { path, part in
            var look = FirstLook(path: path, notesNames: !keepingRecords)
            if case .file = part {
                if !keepingRecords, trustingPages, let prefix = try? fileSystem.readPrefix(path, 4096),
                   let entity = QueryResponsePage.listedEntity(in: prefix), !AccountSnapshot.isReadOnFirstLook(name: entity) {
                    look.pageOf = entity
                    return look
                }
                do {
                    let file = SourceFile(name: path, bytes: try fileSystem.read(path))
                    // Only a file that names the format is parsed whole to see whether it is
                    // one: the query responses beside it can be hundreds of megabytes.
                    if Self.customFieldsMarker.occurs(in: file.bytes[...]), case .success(let node) = JSONReader.readSingleNode(file),
                       CustomFieldDefinitions.recognizes(node) {
                        do throws(ShapeError) {
                            look.customFields = .success(try CustomFieldDefinitions(node, file: file))
                        } catch {
                            look.customFields = .failure(InputError(error, in: file))
                        }
                        return look
                    }
                    DocumentReader.forEach(in: file, reading: reading) { entry, _ in look.add(entry) }
                } catch {
                    look.readError = InputError(file: path, message: (error as? FileSystemError)?.message ?? "cannot read the file")
                }
                return look
            }
            _ = Self.forEachEntry(of: part, path: path, fileSystem: fileSystem, reading: reading) { look.add($0) }
            return look
        }
        work.finish()
        found += unreadable
        if keepingRecords {
            for path in quickbooksFiles where records[path] == 0 && JSONReader.isLineDelimited(name: path) { found.append(Self.emptyFileError(path)) }
        }
        snapshotSoFar.note(names, workers: workers)
        snapshotSoFar.quickbooksFiles = quickbooksFiles
        snapshot = snapshotSoFar
        errors += found
    }

    // MARK: - Reading the records again

    /// Hands each QBO record of the snapshot's `quickbooksFiles` to `body`, in file order, read
    /// again from its file: the records `load(_:keepingRecords: false)` left out, and the others.
    /// With `rules`, each record is first judged by the rules that judge records alone, on one
    /// of `workers` threads, and `body` gets what they found (their skips go to `absorb`).
    /// Returns the errors of the records that could not be read (those of a snapshot that kept
    /// every record were returned by `load`).
    public static func forEachQuickBooksRecord(of snapshot: AccountSnapshot, workers: Int = 1, rules: ParallelRules? = nil,
                                               absorb: (ParallelRules.Outputs) -> Void = { _ in },
                                               _ body: (Document, [Finding]) -> Void) -> Reread.Outcome {
        guard let fileSystem = snapshot.rereadsFrom else {
            var outputs = rules?.makeOutputs()
            for document in snapshot.quickbooks {
                body(document, outputs.map { _ in rules!.checkTakingFindings(.document(document), into: &outputs!) } ?? [])
            }
            if let outputs { absorb(outputs) }
            return Reread.Outcome(errors: [], firstLookMissed: false)
        }
        var firstLookMissed = false
        var errors: [InputError] = []
        var fileErrors: [String: Int] = [:]
        var records: [String: Int] = [:]
        withoutActuallyEscaping(body) { body in
            withoutActuallyEscaping(absorb) { absorb in
                let work = OrderedWork<Reread>(workers: workers, name: "check") { part in
                    firstLookMissed = firstLookMissed || part.firstLookMissed
                    for (document, findings) in part.records { body(document, findings) }
                    if let outputs = part.outputs { absorb(outputs) }
                    records[part.path, default: 0] += part.count
                    for error in part.errors {
                        fileErrors[part.path, default: 0] += 1
                        if fileErrors[part.path]! <= InputError.shownPerFile { errors.append(error) }
                    }
                }
                // A file that cannot be read was reported by `load`.
                _ = submitParts(of: snapshot.quickbooksFiles, from: fileSystem, to: work) { path, part in
                    var reread = Reread(path: path, rules: rules, isPage: snapshot.pagesReadNoFurther.contains(path))
                    let reading = DocumentReader.Reading(hint: nil, skimsBulkRecords: false)
                    if case .success(let count) = forEachEntry(of: part, path: path, fileSystem: fileSystem, reading: reading, { reread.add($0) }) {
                        reread.count = count
                    }
                    return reread
                }
                work.finish()
            }
        }
        for path in snapshot.quickbooksFiles where records[path] == 0 && JSONReader.isLineDelimited(name: path) {
            errors.append(emptyFileError(path))
        }
        for (path, count) in fileErrors.sorted(by: { $0.key < $1.key }) where count > InputError.shownPerFile {
            errors.append(.moreUnreadable(in: path, count: count))
        }
        return Reread.Outcome(errors: errors, firstLookMissed: firstLookMissed)
    }

    /// The records a worker read again from one part of a file, with what the rules found in each.
    public struct Reread: Sendable {
        /// What reading the records again found besides them: the records that could not be
        /// read, and whether a page the first look read no further held records it needed
        /// (its query response held more than one entity): the snapshot must then be read
        /// again whole, and the records checked again.
        public struct Outcome: Sendable {
            public var errors: [InputError]
            public var firstLookMissed: Bool
        }

        let path: String
        let rules: ParallelRules?
        /// Whether the first look read no further than the opening of this page.
        let isPage: Bool
        var firstLookMissed = false
        var records: [(Document, [Finding])] = []
        var errors: [InputError] = []
        var outputs: ParallelRules.Outputs?
        var count = 0

        init(path: String, rules: ParallelRules?, isPage: Bool) {
            self.path = path
            self.rules = rules
            self.isPage = isPage
            outputs = rules?.makeOutputs()
            // A query response page holds up to 1,000 records.
            records.reserveCapacity(1000)
        }

        mutating func add(_ entry: DocumentReader.Entry) {
            switch entry {
            case .success(.document(let document)):
                guard case .quickbooks(let entity) = document.content else { return }
                if isPage, AccountSnapshot.isReadOnFirstLook(name: entity.name) { firstLookMissed = true }
                let findings = rules.map { $0.checkTakingFindings(.document(document), into: &outputs!) } ?? []
                records.append((document, findings))
            case .success:
                break
            case .failure(let error):
                errors.append(error)
            }
        }
    }
}
