import QBCheckCore

/// A parsed command line.
public enum Invocation: Equatable, Sendable {
    case check(CheckOptions)
    case diff(CheckOptions)
    case baseline(CheckOptions)
    case preflight(CheckOptions)
    case rules(OutputFormat)
    case explain(String)
    case sync(SyncOptions)
    case help(String?)
    case version
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case github
    /// A self-contained page (`preflight` only).
    case html

    /// The format a report file's name suggests when `--output` comes without `--format`.
    static func inferred(from path: String) -> OutputFormat {
        if path.hasSuffix(".sarif") || path.hasSuffix(".sarif.json") { return .sarif }
        if path.hasSuffix(".xml") { return .junit }
        if path.hasSuffix(".html") { return .html }
        if path.hasSuffix(".json") { return .json }
        return .text
    }
}

/// One report to write: a format, to standard output or to a file.
public struct ReportRequest: Equatable, Sendable {
    public var format: OutputFormat
    public var output: String?

    public init(format: OutputFormat, output: String? = nil) {
        self.format = format
        self.output = output
    }
}

/// The least severity that makes the exit status 1 (`--fail-on`).
public enum FailThreshold: String, Sendable, CaseIterable {
    case error, warning, info, never

    func fails(_ severity: Severity) -> Bool {
        switch self {
        case .error: severity == .error
        case .warning: severity >= .warning
        case .info: true
        case .never: false
        }
    }
}

/// Options shared by `check`, `diff` and `baseline`.
public struct CheckOptions: Equatable, Sendable {
    public var account: String?
    public var origin: Origin?
    public var reports: [ReportRequest] = [ReportRequest(format: .text)]
    public var failOn: FailThreshold = .error
    public var baseline: String?
    public var inputs: [String] = []
    /// `--jobs N`: threads that read NDJSON and snapshot files (one per core when nil).
    public var jobs: Int?

    /// The threads to read with: `--jobs`, or one per core (at most 8: past that the rules
    /// that compare records, run in order on one thread, set the pace).
    func workers(_ environment: CommandEnvironment) -> Int {
        jobs ?? max(1, min(environment.cores, 8))
    }

    public init(account: String? = nil, origin: Origin? = nil, reports: [ReportRequest] = [ReportRequest(format: .text)],
                failOn: FailThreshold = .error, baseline: String? = nil, inputs: [String] = []) {
        self.account = account
        self.origin = origin
        self.reports = reports
        self.failOn = failOn
        self.baseline = baseline
        self.inputs = inputs
    }
}

extension Invocation {
    public static let commands = ["check", "diff", "baseline", "preflight", "sync", "rules", "explain", "help", "version"]

    /// Parses `qbcheck`'s arguments (without the program name). `qbcheck FILE...` means `check`.
    public static func parse(_ arguments: [String], fileExists: (String) -> Bool = { _ in true }) throws(UsageError) -> Invocation {
        guard let first = arguments.first else { return .help(nil) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h": return .help(nil)
        case "--version": return .version
        case "help": return .help(rest.first)
        case "version": return .version
        case "check": return try checkOptions(rest, command: "check").map(Invocation.check) ?? .help("check")
        case "baseline": return try checkOptions(rest, command: "baseline").map(Invocation.baseline) ?? .help("baseline")
        case "preflight":
            guard var options = try checkOptions(rest, command: "preflight") else { return .help("preflight") }
            // `qbcheck preflight DIR` names the snapshot as --account does.
            if options.account == nil, options.inputs.count == 1 { options.account = options.inputs.removeFirst() }
            guard options.account != nil, options.inputs.isEmpty else {
                throw UsageError("preflight audits one account snapshot: qbcheck preflight --account DIR", command: "preflight")
            }
            return .preflight(options)
        case "diff":
            guard let options = try checkOptions(rest, command: "diff") else { return .help("diff") }
            guard (1...2).contains(options.inputs.count) else {
                throw UsageError("diff takes BEFORE and AFTER, or one file holding {\"before\": …, \"after\": …}; got \(options.inputs.count) inputs", command: "diff")
            }
            return .diff(options)
        case "rules":
            var format = OutputFormat.text
            var index = 0
            while index < rest.count {
                switch rest[index] {
                case "--help", "-h": return .help("rules")
                case "--format":
                    format = try parseFormat(value(after: rest, at: &index, command: "rules"), command: "rules", allowed: [.text, .json])
                default: throw UsageError.unknownOption(rest[index], valid: ["--format", "--help"], command: "rules")
                }
                index += 1
            }
            return .rules(format)
        case "sync":
            return try SyncOptions.parse(rest).map(Invocation.sync) ?? .help("sync")
        case "explain":
            if rest.contains("--help") || rest.contains("-h") { return .help("explain") }
            guard rest.count == 1 else { throw UsageError("explain takes one rule id, e.g. qbcheck explain closed-period", command: "explain") }
            return .explain(rest[0])
        default:
            if !first.hasPrefix("-"), !first.contains("."), !first.contains("/"), !fileExists(first),
               let command = Suggestion.closest(to: first, in: commands) {
                throw UsageError("unknown command '\(first)' (did you mean '\(command)'?)")
            }
            return try checkOptions(arguments, command: "check").map(Invocation.check) ?? .help("check")
        }
    }

    static let checkOptionNames = ["--account", "--origin", "--format", "--output", "--fail-on", "--baseline", "--jobs", "--help"]

    /// The options of `check`/`diff`/`baseline`, or nil when `--help` was asked.
    private static func checkOptions(_ arguments: [String], command: String) throws(UsageError) -> CheckOptions? {
        var options = CheckOptions()
        var requests: [ReportRequest] = []
        var index = 0
        var onlyInputs = false
        while index < arguments.count {
            let argument = arguments[index]
            if onlyInputs || argument == "-" || !argument.hasPrefix("-") {
                options.inputs.append(argument)
            } else {
                switch argument {
                case "--": onlyInputs = true
                case "--help", "-h": return nil
                case "--account": options.account = try value(after: arguments, at: &index, command: command)
                case "--baseline": options.baseline = try value(after: arguments, at: &index, command: command)
                case "--jobs":
                    let text = try value(after: arguments, at: &index, command: command)
                    guard let jobs = Int(text), (1...256).contains(jobs) else {
                        throw UsageError("--jobs takes a number of threads from 1 to 256, e.g. --jobs 2", command: command)
                    }
                    options.jobs = jobs
                case "--format":
                    let allowed: [OutputFormat] = switch command {
                    case "baseline": [.json]
                    case "preflight": [.text, .json, .html]
                    default: [.text, .json, .sarif, .junit, .github]
                    }
                    requests.append(ReportRequest(format: try parseFormat(value(after: arguments, at: &index, command: command), command: command, allowed: allowed)))
                case "--output":
                    let path = try value(after: arguments, at: &index, command: command)
                    if let last = requests.indices.last, requests[last].output == nil {
                        requests[last].output = path
                    } else {
                        requests.append(ReportRequest(format: command == "baseline" ? .json : .inferred(from: path), output: path))
                    }
                case "--fail-on":
                    let text = try value(after: arguments, at: &index, command: command)
                    guard let threshold = FailThreshold(rawValue: text) else {
                        throw UsageError("--fail-on takes error, warning, info or never, not '\(text)'\(Suggestion.hint(for: text, in: FailThreshold.allCases.map(\.rawValue)))", command: command)
                    }
                    options.failOn = threshold
                case "--origin":
                    let text = try value(after: arguments, at: &index, command: command)
                    guard let origin = Origin(rawValue: text) else {
                        throw UsageError("--origin takes hubspot or quickbooks, not '\(text)'\(Suggestion.hint(for: text, in: Origin.allCases.map(\.rawValue)))", command: command)
                    }
                    options.origin = origin
                default:
                    throw UsageError.unknownOption(argument, valid: checkOptionNames, command: command)
                }
            }
            index += 1
        }
        guard !options.inputs.isEmpty || (command == "preflight" && options.account != nil) else {
            if command == "preflight" { throw UsageError("preflight audits one account snapshot: qbcheck preflight --account DIR", command: command) }
            throw UsageError("no input files: give one or more JSON or NDJSON files or folders, or - for standard input", command: command)
        }
        if !requests.isEmpty { options.reports = requests }
        if command == "baseline" { options.reports = options.reports.map { ReportRequest(format: .json, output: $0.output) } }
        guard options.reports.filter({ $0.output == nil }).count <= 1 else {
            throw UsageError("only one report can go to standard output: give the others --output FILE", command: command)
        }
        return options
    }

    static func value(after arguments: [String], at index: inout Int, command: String) throws(UsageError) -> String {
        let option = arguments[index]
        index += 1
        guard index < arguments.count else { throw UsageError("\(option) needs a value", command: command) }
        return arguments[index]
    }

    private static func parseFormat(_ text: String, command: String, allowed: [OutputFormat]) throws(UsageError) -> OutputFormat {
        guard let format = OutputFormat(rawValue: text), allowed.contains(format) else {
            let names = allowed.map(\.rawValue)
            throw UsageError("unknown format '\(text)': use \(names.joined(separator: ", "))\(Suggestion.hint(for: text, in: names))", command: command)
        }
        return format
    }
}
