import QBCheckCore
import QBCheckRules

/// `check`, `diff` and `baseline`: read the inputs and the account, run every rule, and apply
/// the configuration (paths, suppressions) and the baseline to the findings.
struct CheckRun {
    var options: CheckOptions
    var environment: CommandEnvironment
    var engine = RuleRegistry.engine
    /// Whether the report lists every checked record (JUnit names one test case per record).
    var keepsRecords = false
    /// How many threads read NDJSON and runs of JSON files (`--jobs`; by default one per core):
    /// workers parse and run the rules that judge each record alone; the others run here, in
    /// input order.
    var workers: Int { options.workers(environment) }

    /// HubSpot CRM objects always carry their properties: inputs without these bytes hold
    /// none, and the first pass skips them unparsed.
    private static let hubspotMarker = BytePattern(#""properties""#)

    private var loader: InputLoader { InputLoader(environment: environment) }


    /// Checks the inputs in two passes, so that memory does not grow with their size: the
    /// first keeps only the HubSpot records other records refer to (line items, contacts,
    /// companies, invoice numbers); the second feeds every record to the rules one at a time.
    /// NDJSON files are read line by line.
    ///
    /// Inputs that open without a HubSpot record (most exports hold records of one system) are
    /// taken to hold none, and checked in one pass; should one turn up after all, the check
    /// starts over with both passes. A first pass over QBO invoices only to find nothing had
    /// cost 8 % of a check on one thread and 13 % on two, where nothing else runs meanwhile.
    func check() -> Report {
        let (paths, pathErrors) = loader.paths(options.inputs)
        // Standard input can be read only once.
        let standardInput = paths.contains("-") ? SourceFile(name: "<stdin>", bytes: environment.readStandardInput()) : nil
        let setup = loadSetup()
        if !opensWithHubSpotRecord(paths, standardInput: standardInput),
           let report = checkEveryRecord(paths, standardInput: standardInput, pathErrors: pathErrors, setup: setup, references: nil) {
            return report
        }
        var references: [Subject] = []
        for path in paths {
            _ = forEachDocument(at: path, standardInput: standardInput, onlyIfContaining: Self.hubspotMarker) { entry, _ in
                if case .success(let subject) = entry, subject.resulting?.crmObject != nil { references.append(subject) }
            }
        }
        return checkEveryRecord(paths, standardInput: standardInput, pathErrors: pathErrors, setup: setup, references: references)!
    }

    /// How much of each input `opensWithHubSpotRecord` looks at: a HubSpot export's first
    /// record, properties included, is well inside it.
    private static let openingBytes = 64 << 10

    /// Whether an input's opening holds the bytes every HubSpot record carries.
    private func opensWithHubSpotRecord(_ paths: [String], standardInput: SourceFile?) -> Bool {
        paths.contains { path in
            if path == "-" { return Self.hubspotMarker.occurs(in: standardInput?.bytes[...] ?? []) }
            // An input that cannot be read is reported by the pass that reads it.
            guard let opening = try? environment.fileSystem.readPrefix(path, Self.openingBytes) else { return false }
            return Self.hubspotMarker.occurs(in: opening[...])
        }
    }

    /// The second pass: every record of the inputs fed to the rules, in input order. With no
    /// `references` (no first pass was made), the inputs are taken to hold no HubSpot record:
    /// on meeting one, the pass stops reading and returns nil.
    private func checkEveryRecord(_ paths: [String], standardInput: SourceFile?, pathErrors: [InputError], setup: Setup,
                                  references: [Subject]?) -> Report? {
        let (context, setupErrors) = prepare(setup, references: references ?? [])
        var errors = pathErrors + setupErrors
        var run = engine.start(in: context, keepingRecords: keepsRecords)
        var files: [String] = []
        var meter = ProgressMeter(report: environment.progress)
        // With several workers, the records of NDJSON files and of runs of JSON files (`WholeFiles`)
        // are judged by the rules that look at each record alone on the workers, and by the
        // others here, in input order.
        let parallel = workers > 1 ? run.parallelPart : nil
        var metHubSpotRecord = false
        let speculating = references == nil
        // Until a HubSpot record turns up, a JSON file holding its bytes is not parsed.
        let stopMarker = speculating ? Self.hubspotMarker : nil
        /// One record of a file (or why it could not be read) to the rules.
        func take(_ entry: DocumentReader.Entry, at offset: Int, onlyRulesWithMemory: Bool, fileErrors: inout Int) {
            switch entry {
            case .success(let subject):
                if speculating, subject.resulting?.crmObject != nil { metHubSpotRecord = true }
                if metHubSpotRecord { return }
                run.check(subject, onlyRulesWithMemory: onlyRulesWithMemory)
            case .failure(let error):
                // A file of millions of bad records gets its first errors and a count.
                fileErrors += 1
                if fileErrors <= InputError.shownPerFile { errors.append(error) }
            }
            meter.advance(documents: 1, bytesInFile: offset)
        }
        /// A record a worker noted, as its notes, with a way to read it again to report on it.
        func take(_ record: NotedRecord, notes: RecordNotes, reading document: () -> Document, at offset: Int) {
            if speculating, record.kind.contains(.hubspotObjects) { metHubSpotRecord = true }
            if metHubSpotRecord { return }
            run.check(record, notes: notes, reading: document)
            meter.advance(documents: 1, bytesInFile: offset)
        }
        /// A file whose records were all taken: listed in the report, or why it could not be read.
        func settle(_ path: String, _ read: Result<(name: String, bytes: Int), InputError>, fileErrors: Int) {
            switch read {
            case .failure(let error):
                errors.append(error)
                return
            case .success(let (name, bytes)):
                files.append(name)
                meter.finishFile(bytes: bytes)
            }
            if fileErrors > InputError.shownPerFile {
                errors.append(.moreUnreadable(in: path == "-" ? "<stdin>" : path, count: fileErrors))
            }
        }
        // With several workers, a run of two JSON files or more is read a file a job.
        let wholeFiles = parallel.map { WholeFiles(workers: workers, fileSystem: environment.fileSystem, rules: $0, stopMarker: stopMarker) }
        var remaining = paths[...]
        while let path = remaining.first {
            if let wholeFiles, case let batch = remaining.prefix(while: wholeFiles.takes), batch.count > 1 {
                remaining = remaining.dropFirst(batch.count)
                wholeFiles.forEach(Array(batch), until: { metHubSpotRecord }) { file in
                    if metHubSpotRecord { return }
                    if file.holdsMarker {
                        metHubSpotRecord = true
                        return
                    }
                    var file = file
                    let notes = file.notes
                    var fileErrors = 0
                    for read in file.entries {
                        switch read {
                        case .whole(let entry, let offset):
                            take(entry, at: offset, onlyRulesWithMemory: true, fileErrors: &fileErrors)
                        case .noted(let record, let index, let offset):
                            take(record, notes: notes, reading: { file.record(at: index) }, at: offset)
                        }
                        if metHubSpotRecord { return }
                    }
                    if let outputs = file.outputs { run.absorb(outputs) }
                    settle(file.path, file.read, fileErrors: fileErrors)
                }
                if metHubSpotRecord { return nil }
                continue
            }
            remaining = remaining.dropFirst()
            var fileErrors = 0
            let lineDelimited = JSONReader.isLineDelimited(name: path) && path != "-"
            let read = forEachDocument(at: path, standardInput: standardInput,
                                       unlessContaining: stopMarker, found: { metHubSpotRecord = true },
                                       rules: lineDelimited ? parallel : nil, absorb: { run.absorb($0) },
                                       noted: { take($0, notes: $1, reading: $2, at: $3) },
                                       until: { metHubSpotRecord }) { entry, offset in
                take(entry, at: offset, onlyRulesWithMemory: lineDelimited && parallel != nil, fileErrors: &fileErrors)
            }
            if metHubSpotRecord { return nil }
            settle(path, read, fileErrors: fileErrors)
        }
        meter.done()
        if let document = setup.settingsDocument, options.account != nil, !files.contains(document.file.name) {
            run.check(.document(document))
        }
        return finish(run, files: files, settingsDocument: setup.settingsDocument, context: context, errors: errors)
    }

    /// Reads the documents of one input: standard input, an NDJSON file line by line, or a
    /// JSON file. Returns the name findings use, or why the input could not be read.
    /// `until`: stops reading an NDJSON file at the next block once true. `unlessContaining`:
    /// a JSON file holding these bytes is not parsed; `found` is told instead. With `rules`, an
    /// NDJSON record the rules with memory need only notes of goes to `noted` (`LineChunks`).
    private func forEachDocument(at path: String, standardInput: SourceFile?, onlyIfContaining marker: BytePattern? = nil,
                                 unlessContaining stopMarker: BytePattern? = nil, found: () -> Void = {},
                                 rules: ParallelRules? = nil, absorb: (ParallelRules.Outputs) -> Void = { _ in },
                                 noted: (NotedRecord, RecordNotes, () -> Document, Int) -> Void = { _, _, _, _ in },
                                 until stops: () -> Bool = { false },
                                 _ body: (DocumentReader.Entry, Int) -> Void) -> Result<(name: String, bytes: Int), InputError> {
        let keeps: (ArraySlice<UInt8>) -> Bool = { bytes in marker?.occurs(in: bytes) ?? true }
        if path == "-", let standardInput {
            if keeps(standardInput.bytes[...]) { DocumentReader.forEach(in: standardInput, body) }
            return .success((standardInput.name, standardInput.bytes.count))
        }
        if JSONReader.isLineDelimited(name: path) {
            let consumed: Int
            let documents: Int
            do {
                var chunks = LineChunks(workers: workers)
                chunks.marker = marker
                chunks.rules = rules
                (consumed, documents) = try chunks.forEach(path: path, fileSystem: environment.fileSystem, absorb: absorb, noted: noted, until: stops, body)
            } catch let error as FileSystemError {
                return .failure(InputError(file: path, message: error.message))
            } catch {
                return .failure(InputError(file: path, message: "cannot read the file"))
            }
            if documents == 0 { body(.failure(InputError(file: path, position: SourcePosition(line: 1, column: 1), message: JSONSyntaxError(offset: 0, reason: .emptyInput).message)), 0) }
            return .success((path, consumed))
        }
        switch loader.read(path) {
        case .failure(let error): return .failure(error)
        case .success(let file):
            if let stopMarker, stopMarker.occurs(in: file.bytes[...]) {
                found()
                return .success((file.name, file.bytes.count))
            }
            if keeps(file.bytes[...]) { DocumentReader.forEach(in: file, body) }
            return .success((file.name, file.bytes.count))
        }
    }

    func diff() -> Report {
        let (paths, pathErrors) = loader.paths(options.inputs)
        var errors = pathErrors
        var files: [SourceFile] = []
        for path in paths {
            switch loader.read(path) {
            case .success(let file): files.append(file)
            case .failure(let error): errors.append(error)
            }
        }
        guard errors.isEmpty else { return Report(inputErrors: errors) }
        var sides: [[Document]] = []
        var subjects: [Subject] = []
        for file in files {
            var documents: [Document] = []
            for entry in DocumentReader.read(file) {
                switch entry {
                case .success(.document(let document)): documents.append(document)
                case .success(.edit(let edit)): subjects.append(.edit(edit))
                case .failure(let error): errors.append(error)
                }
            }
            sides.append(documents)
        }
        if files.count == 2 {
            let (pairs, pairingErrors) = Self.pair(before: sides[0], after: sides[1])
            subjects += pairs.map(Subject.edit)
            errors += pairingErrors
        } else if subjects.isEmpty, errors.isEmpty {
            errors.append(InputError(file: files.first?.name ?? "-", message: "a single diff input must hold {\"before\": …, \"after\": …}; to compare two files give BEFORE and AFTER"))
        }
        return run(subjects, files: files.map(\.name), errors: errors, includeAccountSettings: false)
    }

    /// Pairs the records of BEFORE and AFTER by kind and id (by position for records without
    /// an id); a record only in AFTER is a creation, one only in BEFORE a deletion.
    static func pair(before: [Document], after: [Document]) -> ([Edit], [InputError]) {
        func key(_ document: Document, _ index: Int) -> String {
            document.kindName + "#" + (document.recordID ?? "@\(index)")
        }
        let beforeKeys = before.enumerated().map { key($1, $0) }
        var unmatched = Set(before.indices)
        var edits: [Edit] = []
        var errors: [InputError] = []
        for (index, document) in after.enumerated() {
            var match = beforeKeys.firstIndex(of: key(document, index))
            if match == nil, before.count == 1, after.count == 1 { match = 0 }
            if let match { unmatched.remove(match) }
            do throws(ShapeError) {
                edits.append(try Edit(pairing: match.map { before[$0] }, document, at: document.location))
            } catch {
                errors.append(InputError(error, in: document.file))
            }
        }
        for index in unmatched.sorted() {
            edits.append(Edit(before: before[index], after: nil))
        }
        return (edits, errors)
    }

    private func run(_ inputSubjects: [Subject], files: [String], errors inputErrors: [InputError], includeAccountSettings: Bool) -> Report {
        var errors = inputErrors
        let setup = loadSetup()
        let (context, setupErrors) = prepare(setup, references: inputSubjects)
        errors += setupErrors
        var run = engine.start(in: context, keepingRecords: keepsRecords)
        for subject in inputSubjects { run.check(subject) }
        if includeAccountSettings, options.account != nil, let document = setup.settingsDocument, !files.contains(document.file.name) {
            run.check(.document(document))
        }
        return finish(run, files: files, settingsDocument: setup.settingsDocument, context: context, errors: errors)
    }

    /// The rule context over the account, the settings and the batch's records, and what could
    /// not be read of the setup or names no rule.
    private func prepare(_ setup: Setup, references: [Subject]) -> (RuleContext, [InputError]) {
        let context = RuleContext(account: setup.account, settings: setup.settingsDocument?.settings, declaredOrigin: options.origin,
                                  batch: references)
        return (context, setup.errors + validateRuleIDs(context.settings.rules, file: setup.settingsDocument?.file))
    }

    /// What a run knows besides its inputs: the account snapshot (`--account`) or the
    /// settings file found beside the inputs, and what could not be read of them.
    private struct Setup {
        var account: AccountSnapshot?
        var settingsDocument: Document?
        var errors: [InputError] = []
    }

    private func loadSetup() -> Setup {
        var setup = Setup()
        if let directory = options.account {
            let (snapshot, accountErrors) = AccountLoader(fileSystem: environment.fileSystem).load(directory)
            setup.account = snapshot
            setup.errors += accountErrors
            setup.settingsDocument = snapshot.settingsDocument
        } else if let file = findSettingsFile() {
            switch SettingsLoader.read(file) {
            case .success(let document): setup.settingsDocument = document
            case .failure(let error): setup.errors.append(error)
            }
        }
        return setup
    }


    /// The report: configuration (paths, suppressions) and baseline applied, errors attached.
    private func finish(_ run: RuleRun, files: [String], settingsDocument: Document?, context: RuleContext, errors inputErrors: [InputError]) -> Report {
        var errors = inputErrors
        var report = run.finish(fileOrder: files + [settingsDocument?.file.name].compactMap { $0 })
        applyConfiguration(context.settings.rules, to: &report)
        if let path = options.baseline {
            switch loader.read(path) {
            case .failure(let error):
                errors.append(error)
            case .success(let file):
                do throws(InputError) {
                    let baseline = try Baseline(file)
                    let (new, baselined, fixed) = baseline.filter(report.findings, path: environment.displayPath)
                    report.findings = new
                    report.baselined = baselined
                    report.baselineFixed = fixed
                } catch {
                    errors.append(error)
                }
            }
        }
        report.inputErrors = errors
        return report
    }

    /// Leaves out findings in files a rule is not meant for, and sets aside suppressed ones.
    private func applyConfiguration(_ rules: RuleConfiguration, to report: inout Report) {
        var kept: [Finding] = []
        for finding in report.findings {
            let path = environment.displayPath(finding.file)
            guard rules.applies(finding.rule, to: path) else { continue }
            if let suppression = rules.suppression(for: finding, path: path) {
                report.suppressed.append(Report.Suppressed(finding: finding, reason: suppression.reason))
            } else {
                kept.append(finding)
            }
        }
        report.findings = kept
    }

    /// `qbcheck.json` in the current folder or the nearest parent that has one.
    private func findSettingsFile() -> SourceFile? {
        var folder = environment.currentDirectory
        while true {
            if environment.fileSystem.listFolder(folder)?.contains("qbcheck.json") == true {
                let path = folder.hasSuffix("/") ? folder + "qbcheck.json" : folder + "/qbcheck.json"
                if let bytes = try? environment.fileSystem.read(path) { return SourceFile(name: path, bytes: bytes) }
            }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    private func validateRuleIDs(_ rules: RuleConfiguration, file: SourceFile?) -> [InputError] {
        let ids = engine.catalog.ids
        return rules.namedRules.compactMap { id in
            guard !ids.contains(id.value) else { return nil }
            return InputError(file: file?.name ?? "qbcheck.json", position: file?.position(of: id.location.offset),
                              pointer: file?.pointer(of: id.location),
                              message: "unknown rule id '\(id.value)'\(Suggestion.hint(for: id.value, in: ids)); `qbcheck rules` lists them")
        }
    }
}

/// Reports progress at most a few times a second, and once at the end.
private struct ProgressMeter {
    let report: (@Sendable (RunProgress) -> Void)?
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now
    private var documents = 0
    private var bytesBefore = 0
    private var bytesInFile = 0

    init(report: (@Sendable (RunProgress) -> Void)?) {
        self.report = report
    }

    mutating func advance(documents count: Int, bytesInFile offset: Int) {
        documents += count
        bytesInFile = offset
        guard report != nil, ContinuousClock.now - last > .milliseconds(250) else { return }
        emit()
    }

    mutating func finishFile(bytes: Int) {
        bytesBefore += bytes
        bytesInFile = 0
    }

    mutating func done() {
        emit()
    }

    private mutating func emit() {
        guard let report else { return }
        last = ContinuousClock.now
        let elapsed = last - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report(RunProgress(documents: documents, bytes: bytesBefore + bytesInFile, seconds: seconds))
    }
}
