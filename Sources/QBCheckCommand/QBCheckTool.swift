import QBCheckCore
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
            return finish(CheckRun(options: options, environment: environment).check(), format: options.format)
        case .diff(let options):
            return finish(CheckRun(options: options, environment: environment).diff(), format: options.format)
        }
    }

    private static func finish(_ report: Report, format: OutputFormat) -> CommandResult {
        let exitCode: Int32
        if !report.inputErrors.isEmpty {
            exitCode = ExitCode.failure
        } else if report.count(.error) > 0 {
            exitCode = ExitCode.findings
        } else {
            exitCode = ExitCode.clean
        }
        return CommandResult(exitCode: exitCode, standardOutput: ReportRenderer.render(report, as: format),
                             standardError: ReportRenderer.inputErrors(report))
    }
}

extension CommandEnvironment {
    /// The real disk, standard input and working folder.
    public static func live(currentDirectory: String, readStandardInput: @escaping @Sendable () -> [UInt8]) -> CommandEnvironment {
        CommandEnvironment(fileSystem: .live, readStandardInput: readStandardInput, currentDirectory: currentDirectory)
    }
}
