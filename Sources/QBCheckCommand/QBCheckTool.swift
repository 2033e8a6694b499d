import Foundation
import QBCheckCore
import QBCheckPreflight
import QBCheckRules

/// The whole `qbcheck` command as a function from arguments and environment to output and exit
/// status, so tests run it exactly as a user does, in memory.
public enum QBCheckTool {
    public static func run(_ arguments: [String], environment: CommandEnvironment) -> CommandResult {
        let invocation: Invocation
        do throws(UsageError) {
            invocation = try Invocation.parse(arguments) { path in
                environment.fileSystem.isFolder(path) || (try? environment.fileSystem.read(path)) != nil
            }
        } catch {
            return CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: error.rendered)
        }
        let catalog = RuleRegistry.catalog
        switch invocation {
        case .help(let command):
            guard let text = HelpText.text(for: command) else {
                let error = UsageError("unknown command '\(command ?? "")'\(Suggestion.hint(for: command ?? "", in: Invocation.commands))")
                return CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: error.rendered)
            }
            return CommandResult(exitCode: ExitCode.clean, standardOutput: text, standardError: "")
        case .version:
            return CommandResult(exitCode: ExitCode.clean, standardOutput: "qbcheck \(HelpText.version)\n", standardError: "")
        case .rules(let format):
            return CommandResult(exitCode: ExitCode.clean, standardOutput: CatalogRenderer.list(catalog, as: format), standardError: "")
        case .explain(let id):
            guard let entry = catalog.entry(id) else {
                let error = UsageError("unknown rule '\(id)'\(Suggestion.hint(for: id, in: catalog.ids)); `qbcheck rules` lists them", command: "explain")
                return CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: error.rendered)
            }
            return CommandResult(exitCode: ExitCode.clean, standardOutput: CatalogRenderer.explain(entry), standardError: "")
        case .check(let options):
            let run = CheckRun(options: options, environment: environment, keepsRecords: options.reports.contains { $0.format == .junit })
            return finish(run.check(), options: options, environment: environment)
        case .diff(let options):
            let run = CheckRun(options: options, environment: environment, keepsRecords: options.reports.contains { $0.format == .junit })
            return finish(run.diff(), options: options, environment: environment)
        case .preflight(let options):
            return preflight(options, environment: environment)
        case .sync(let options):
            return SyncCommand.run(options, environment: environment)
        case .baseline(let options):
            var baselineOptions = options
            baselineOptions.baseline = nil
            let report = CheckRun(options: baselineOptions, environment: environment).check()
            guard report.inputErrors.isEmpty else {
                return CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: ReportRenderer.inputErrors(report)
                    + "error: no baseline written: every input must be readable\n")
            }
            let text = Baseline(findings: report.findings, path: environment.displayPath).encoded()
            return write(text, to: options.reports.first?.output, environment: environment, exitCode: ExitCode.clean,
                         note: "baseline: \(report.findings.count) findings recorded\n")
        }
    }

    private static func finish(_ report: Report, options: CheckOptions, environment: CommandEnvironment) -> CommandResult {
        let renderer = ReportRenderer(catalog: RuleRegistry.catalog, version: HelpText.version, displayPath: environment.displayPath)
        return deliver(report, options: options, environment: environment) { renderer.render(report, as: $0) }
    }

    /// Writes each requested report (to standard output or its file) and sets the exit status:
    /// 2 for unreadable input or an unwritable report, 1 when a finding reaches `--fail-on`.
    private static func deliver(_ report: Report, options: CheckOptions, environment: CommandEnvironment,
                                render: (OutputFormat) -> String) -> CommandResult {
        var exitCode: Int32 = !report.inputErrors.isEmpty ? ExitCode.failure
            : report.findings.contains(where: { options.failOn.fails($0.severity) }) ? ExitCode.findings : ExitCode.clean
        var standardOutput = ""
        var standardError = ReportRenderer.inputErrors(report)
        for request in options.reports {
            let text = render(request.format)
            guard let path = request.output else {
                standardOutput += text
                continue
            }
            do {
                try environment.fileSystem.write(path, Array(text.utf8))
            } catch {
                standardError += "\(path): error: \((error as? FileSystemError)?.message ?? "cannot write the file")\n"
                exitCode = ExitCode.failure
            }
        }
        if options.reports.allSatisfy({ $0.output != nil }) {
            // Every report went to a file: still say how the run ended.
            standardOutput += ReportRenderer.summary(report) + "\n"
        }
        return CommandResult(exitCode: exitCode, standardOutput: standardOutput, standardError: standardError)
    }

    private static func preflight(_ options: CheckOptions, environment: CommandEnvironment) -> CommandResult {
        let directory = options.account ?? "."
        let (snapshot, accountErrors) = AccountLoader(fileSystem: environment.fileSystem).load(directory, keepingRecords: false, workers: options.workers(environment))
        var errors = accountErrors
        // Pending changes: DIR/changes/*.json, edits waiting to sync.
        let changesFolder = directory.hasSuffix("/") ? directory + "changes" : directory + "/changes"
        var changes: [Subject] = []
        if environment.fileSystem.isFolder(changesFolder) {
            let loader = InputLoader(environment: environment)
            let (paths, pathErrors) = loader.paths([changesFolder])
            errors += pathErrors
            for path in paths {
                switch loader.read(path) {
                case .failure(let error): errors.append(error)
                case .success(let file):
                    for entry in DocumentReader.read(file) {
                        switch entry {
                        case .success(let subject): changes.append(subject)
                        case .failure(let error): errors.append(error)
                        }
                    }
                }
            }
        }
        var result = Preflight(workers: options.workers(environment)).run(snapshot, changes: changes)
        // The errors of the QBO records, found as they were read again, come first, as their
        // folder is read first.
        result.report.inputErrors = result.report.inputErrors + errors
        // A million customers' names and the items, with every finding: the exit frees them.
        environment.leaveForExit?(snapshot)
        return deliver(result.report, options: options, environment: environment) { format in
            switch format {
            case .json: PreflightJSON.render(result)
            case .html: PreflightHTML(catalog: RuleRegistry.catalog).render(result)
            default: PreflightText.render(result)
            }
        }
    }

    private static func write(_ text: String, to path: String?, environment: CommandEnvironment, exitCode: Int32, note: String) -> CommandResult {
        guard let path else { return CommandResult(exitCode: exitCode, standardOutput: text, standardError: "") }
        do {
            try environment.fileSystem.write(path, Array(text.utf8))
            return CommandResult(exitCode: exitCode, standardOutput: note, standardError: "")
        } catch {
            let message = (error as? FileSystemError)?.message ?? "cannot write the file"
            return CommandResult(exitCode: ExitCode.failure, standardOutput: "", standardError: "\(path): error: \(message)\n")
        }
    }
}

extension CommandEnvironment {
    /// The real disk, standard input and working folder.
    public static func live(currentDirectory: String, progress: (@Sendable (RunProgress) -> Void)? = nil,
                            readStandardInput: @escaping @Sendable () -> [UInt8]) -> CommandEnvironment {
        var environment = CommandEnvironment(fileSystem: .live, readStandardInput: readStandardInput, currentDirectory: currentDirectory,
                                             progress: progress)
        environment.cores = ProcessInfo.processInfo.activeProcessorCount
        return environment
    }
}
