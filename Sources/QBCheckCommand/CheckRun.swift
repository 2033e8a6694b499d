import QBCheckCore
import QBCheckRules

/// `check` and `diff`: read the inputs and the account, run every rule, return the report.
struct CheckRun {
    var options: CheckOptions
    var environment: CommandEnvironment
    var engine = RuleRegistry.engine

    func check() -> Report {
        var errors: [InputError] = []
        let (files, loadErrors) = InputLoader(environment: environment).load(options.inputs)
        errors += loadErrors
        var subjects: [Subject] = []
        for file in files {
            for entry in DocumentReader.read(file) {
                switch entry {
                case .success(let subject): subjects.append(subject)
                case .failure(let error): errors.append(error)
                }
            }
        }
        return run(subjects, files: files.map(\.name), errors: errors, includeAccountSettings: true)
    }

    func diff() -> Report {
        let (files, loadErrors) = InputLoader(environment: environment).load(options.inputs)
        var errors = loadErrors
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
        var subjects = inputSubjects
        var account: AccountSnapshot?
        var settings: SyncSettings?
        if let directory = options.account {
            let (snapshot, accountErrors) = AccountLoader(fileSystem: environment.fileSystem).load(directory)
            account = snapshot
            errors += accountErrors
            if includeAccountSettings, let document = snapshot.settingsDocument,
               !files.contains(document.file.name) {
                subjects.append(.document(document))
            }
        } else if let file = findSettingsFile() {
            switch SettingsLoader.read(file) {
            case .success(let document): settings = document.settings
            case .failure(let error): errors.append(error)
            }
        }
        let context = RuleContext(account: account, settings: settings, declaredOrigin: options.origin, batch: subjects)
        errors += validateRuleSettings(context.settings, file: account?.settingsDocument?.file)
        var report = engine.run(subjects, in: context, fileOrder: files + [account?.settingsDocument?.file.name].compactMap { $0 })
        report.inputErrors = errors
        return report
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

    private func validateRuleSettings(_ settings: SyncSettings, file: SourceFile?) -> [InputError] {
        let ids = engine.catalog.ids
        return settings.rules.keys.sorted().compactMap { id in
            guard !ids.contains(id), let setting = settings.rules[id] else { return nil }
            return InputError(file: file?.name ?? "qbcheck.json", position: file?.position(of: setting.location.offset),
                              pointer: JSONPointer(["rules", id]),
                              message: "unknown rule id '\(id)' in \"rules\"\(Suggestion.hint(for: id, in: ids)); `qbcheck rules` lists them")
        }
    }
}
