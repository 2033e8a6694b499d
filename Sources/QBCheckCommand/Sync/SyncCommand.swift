import QBCheckCore
import QBCheckPreflight
import QBCheckSync

/// `qbcheck sync …`: the executor and its views, on an account snapshot folder.
enum SyncCommand {
    static func run(_ options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        let account = options.account
        guard environment.fileSystem.isFolder(account) else {
            return failure("\(account): error: the account snapshot folder does not exist")
        }
        switch options.action {
        case .plan: return plan(options, environment: environment)
        case .apply: return apply(options, environment: environment, locked: true)
        case .watch: return watch(options, environment: environment)
        case .status, .records, .export, .activity: return view(options, environment: environment)
        case .pause(let object): return edit(options, environment: environment, verb: "paused") { tree, _ in SettingsEditor.setEnabled(false, object, in: &tree) }
        case .resume(let object): return edit(options, environment: environment, verb: "resumed") { tree, _ in SettingsEditor.setEnabled(true, object, in: &tree) }
        case .delete(let object): return delete(object, options: options, environment: environment)
        }
    }

    static func failure(_ message: String) -> CommandResult {
        CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: message.hasSuffix("\n") ? message : message + "\n")
    }

    // MARK: plan and apply

    /// The whole sync, run on a copy: files written in memory, records and journal copied in
    /// memory, so the plan is exactly what `apply` would do and nothing changes.
    private static func plan(_ options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        do throws(SyncSession.Failure) {
            let fileSystem = environment.fileSystem.overlaid(by: InMemoryFiles())
            let store = try SyncSession.copyInMemory(options.account)
            let journal = try SyncSession.copyJournalInMemory(options.account)
            let connector: SnapshotConnector
            do {
                connector = try SnapshotConnector(directory: options.account, fileSystem: fileSystem, journal: journal, now: environment.clock)
            } catch {
                return failure("\(options.account): error: \(error.message)")
            }
            let executor = SyncExecutor(directory: options.account, fileSystem: fileSystem, store: store, connector: connector.connector, now: environment.clock)
            let report = executor.run()
            // Both accounts' files, the copied records and the report, all in memory.
            environment.leaveForExit?(PlanLeftovers(executor: executor, report: report))
            return result(report, options: options, environment: environment, dryRun: true)
        } catch {
            return failure("\(options.account): error: \(error.message)")
        }
    }

    private struct PlanLeftovers: Sendable {
        var executor: SyncExecutor
        var report: SyncRunReport
    }

    private static func apply(_ options: SyncOptions, environment: CommandEnvironment, locked: Bool) -> CommandResult {
        do throws(SyncSession.Failure) {
            let session = try SyncSession.open(options.account, locked: locked, wait: options.wait)
            let connector: SnapshotConnector
            do {
                let journal = try SQLiteDatabase(path: SyncSession.journalPath(of: options.account))
                connector = try SnapshotConnector(directory: options.account, fileSystem: environment.fileSystem, journal: journal,
                                                  now: environment.clock, checkpoint: environment.checkpoint)
            } catch let error as ConnectorError {
                return failure("\(options.account): error: \(error.message)")
            } catch {
                return failure("\(options.account): error: \((error as? SQLiteError)?.message ?? "cannot open the connector's journal")")
            }
            let executor = SyncExecutor(directory: options.account, fileSystem: environment.fileSystem, store: session.store,
                                        connector: connector.connector, now: environment.clock, checkpoint: environment.checkpoint)
            let report = executor.run()
            withExtendedLifetime(session.lock) {}
            return result(report, options: options, environment: environment, dryRun: false)
        } catch {
            return failure(error.message)
        }
    }

    private static func result(_ report: SyncRunReport, options: SyncOptions, environment: CommandEnvironment, dryRun: Bool) -> CommandResult {
        let text = options.format == .json
            ? SyncRunJSON.render(report, dryRun: dryRun, displayPath: environment.displayPath)
            : SyncRunText.render(report, dryRun: dryRun, displayPath: environment.displayPath)
        let errors = report.inputErrors.map(ReportRenderer.line).joined()
            + (report.inputErrors.isEmpty ? "" : "error: nothing was synced: every file of the snapshot must be readable\n")
        let exitCode = !report.inputErrors.isEmpty || report.stopped != nil ? ExitCode.failure
            : report.failed.isEmpty ? ExitCode.clean : ExitCode.findings
        return deliver(report.inputErrors.isEmpty ? text : "", errors: errors, exitCode: exitCode, options: options, environment: environment)
    }

    private static func deliver(_ text: String, errors: String = "", exitCode: Int32, options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        guard let output = options.output else { return CommandResult(exitCode: exitCode, standardOutput: text, standardError: errors) }
        do {
            try environment.fileSystem.write(output, Array(text.utf8))
            return CommandResult(exitCode: exitCode, standardOutput: "", standardError: errors)
        } catch {
            return failure(errors + "\(output): error: \((error as? FileSystemError)?.message ?? "cannot write the file")")
        }
    }

    /// Plan and apply in a loop: a change is synced within one interval.
    private static func watch(_ options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        var collected = ""
        var cycle = 0
        var exitCode = ExitCode.clean
        while options.cycles.map({ cycle < $0 }) ?? true {
            cycle += 1
            var cycleOptions = options
            cycleOptions.format = .text
            let result = apply(cycleOptions, environment: environment, locked: true)
            let time = environment.clock()
            var text = ""
            if result.exitCode == ExitCode.failure, result.standardOutput.isEmpty {
                text = "\(time) cycle \(cycle): \(result.standardError.trimmingNewlines)\n"
                exitCode = ExitCode.failure
            } else {
                let summary = result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
                text = "\(time) cycle \(cycle): " + summary + "\n"
                let changed = result.standardOutput.split(separator: "\n").filter { line in
                    ["  created", "  updated", "  paired", "  FAILS"].contains { line.hasPrefix($0) }
                }
                for line in changed { text += "  " + String(line).trimmingPrefixSpaces + "\n" }
            }
            if let emit = environment.emit { emit(text) } else { collected += text }
            if options.cycles.map({ cycle < $0 }) ?? true { environment.sleep(options.interval) }
        }
        return CommandResult(exitCode: exitCode, standardOutput: collected, standardError: "")
    }

    // MARK: views

    private static func view(_ options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        let display = environment.displayPath(options.account)
        let store: SyncRecordStore?
        do throws(SyncSession.Failure) {
            store = try SyncSession.existingRecords(options.account)
        } catch {
            return failure("\(options.account): error: \(error.message)")
        }
        do throws(SQLiteError) {
            switch options.action {
            case .status:
                let (snapshot, _) = AccountLoader(fileSystem: environment.fileSystem).load(options.account)
                let settings = SyncPlanner.effectiveSettings(snapshot)
                let paused = SyncPair.Object.syncOrder.filter { settings.objectSync($0)?.enabled == false }
                let text = SyncViews.status(try store?.counts() ?? [:], failedByCategory: try store?.failedByCategory() ?? [],
                                            waiting: try store?.outbox().count ?? 0, paused: paused, lastSync: try store?.lastSync() ?? [:],
                                            account: display, format: options.format)
                return deliver(text, exitCode: ExitCode.clean, options: options, environment: environment)
            case .records:
                let object = options.object?.rawValue
                let total = try store?.count(object: object, status: options.status, category: options.category) ?? 0
                let page = try store?.records(object: object, status: options.status, category: options.category,
                                              limit: options.pageSize, offset: (options.page - 1) * options.pageSize) ?? []
                return deliver(SyncViews.records(page, page: options.page, pageSize: options.pageSize, total: total, format: options.format, columns: options.columns),
                               exitCode: ExitCode.clean, options: options, environment: environment)
            case .export:
                guard options.format != .text else { return failure("sync export writes --format csv or --format json") }
                var records = try store?.allRecords(object: options.object?.rawValue) ?? []
                records = records.filter { record in
                    (options.status.map { record.status == $0 } ?? true) && (options.category.map { record.category == $0 } ?? true)
                }
                let columns = options.columns ?? SyncViews.columns
                let text = options.format == .csv ? SyncViews.csv(records, columns: columns)
                    : JSONWriter().write(.array(records.map { SyncViews.json($0, columns: columns) })) + "\n"
                return deliver(text, exitCode: ExitCode.clean, options: options, environment: environment)
            case .activity(let id):
                var matches: [SyncRecordStore.Record] = []
                if id.hasPrefix("#"), let row = Int64(id.dropFirst()), let record = try store?.record(id: row) {
                    matches = [record]
                } else {
                    matches = try store?.records(withID: id) ?? []
                }
                if let object = options.object { matches = matches.filter { $0.object == object.rawValue } }
                guard !matches.isEmpty else {
                    return failure("\(display): error: no sync record has the id \(id) (HubSpot or QuickBooks id, or #row from sync records)")
                }
                var history: [(SyncRecordStore.Record, [SyncRecordStore.Activity])] = []
                for record in matches { history.append((record, try store?.activity(of: record.id ?? 0) ?? [])) }
                return deliver(SyncViews.activity(history, format: options.format), exitCode: ExitCode.clean, options: options, environment: environment)
            default:
                return failure("not a view")
            }
        } catch {
            return failure("\(options.account): error: \(error.message)")
        }
    }

    // MARK: pause, resume, delete

    private static func edit(_ options: SyncOptions, environment: CommandEnvironment, verb: String,
                             change: (inout JSONTree, SyncSession) throws(SettingsEditor.Failure) -> Void) -> CommandResult {
        do throws(SyncSession.Failure) {
            let session = try SyncSession.open(options.account, locked: true, wait: options.wait)
            do throws(SettingsEditor.Failure) {
                var tree = try SettingsEditor.read(options.account, fileSystem: environment.fileSystem)
                try change(&tree, session)
                try SettingsEditor.write(tree, to: options.account, fileSystem: environment.fileSystem)
            } catch {
                return failure(error.message)
            }
            withExtendedLifetime(session.lock) {}
            let object = switch options.action {
            case .pause(let object), .resume(let object), .delete(let object): object.title
            default: ""
            }
            return CommandResult(exitCode: ExitCode.clean, standardOutput: "\(object): \(verb) (\(environment.displayPath(SettingsEditor.path(of: options.account))))\n", standardError: "")
        } catch {
            return failure(error.message)
        }
    }

    private static func delete(_ object: SyncPair.Object, options: SyncOptions, environment: CommandEnvironment) -> CommandResult {
        let count = (try? SyncSession.existingRecords(options.account)?.count(object: object.rawValue)) ?? 0
        let question = "Delete the \(object.title) sync: its settings and its \(count) sync records? The records in QuickBooks and HubSpot stay."
        if !options.yes {
            guard let confirm = environment.confirm else {
                return failure("sync delete \(object.rawValue) removes the pair's settings and \(count) sync records: run it again with --yes to confirm")
            }
            guard confirm(question) else { return CommandResult(exitCode: ExitCode.clean, standardOutput: "nothing deleted\n", standardError: "") }
        }
        return edit(options, environment: environment, verb: "deleted, with its \(count) sync records") { (tree, session) throws(SettingsEditor.Failure) in
            SettingsEditor.delete(object, in: &tree)
            do throws(SQLiteError) {
                try session.store.delete(object: object.rawValue)
            } catch {
                throw SettingsEditor.Failure(message: "\(options.account): error: \(error.message)")
            }
        }
    }
}

extension String {
    var trimmingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    var trimmingPrefixSpaces: String {
        String(drop { $0 == " " })
    }
}
