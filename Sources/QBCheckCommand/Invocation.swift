import QBCheckCore

/// A parsed command line.
public enum Invocation: Equatable, Sendable {
    case check(CheckOptions)
    case diff(CheckOptions)
    case rules(OutputFormat)
    case explain(String)
    case help(String?)
    case version
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Options shared by `check` and `diff`.
public struct CheckOptions: Equatable, Sendable {
    public var account: String?
    public var origin: Origin?
    public var format: OutputFormat = .text
    public var inputs: [String] = []

    public init(account: String? = nil, origin: Origin? = nil, format: OutputFormat = .text, inputs: [String] = []) {
        self.account = account
        self.origin = origin
        self.format = format
        self.inputs = inputs
    }
}

extension Invocation {
    public static let commands = ["check", "diff", "rules", "explain", "help", "version"]

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
                case "--format": format = try parseFormat(value(after: rest, at: &index, command: "rules"), command: "rules")
                default: throw UsageError.unknownOption(rest[index], valid: ["--format", "--help"], command: "rules")
                }
                index += 1
            }
            return .rules(format)
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

    /// The options of `check`/`diff`, or nil when `--help` was asked.
    private static func checkOptions(_ arguments: [String], command: String) throws(UsageError) -> CheckOptions? {
        var options = CheckOptions()
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
                case "--format": options.format = try parseFormat(value(after: arguments, at: &index, command: command), command: command)
                case "--origin":
                    let text = try value(after: arguments, at: &index, command: command)
                    guard let origin = Origin(rawValue: text) else {
                        throw UsageError("--origin takes hubspot or quickbooks, not '\(text)'\(Suggestion.hint(for: text, in: Origin.allCases.map(\.rawValue)))", command: command)
                    }
                    options.origin = origin
                default:
                    throw UsageError.unknownOption(argument, valid: ["--account", "--origin", "--format", "--help"], command: command)
                }
            }
            index += 1
        }
        guard !options.inputs.isEmpty else {
            throw UsageError("no input files: give one or more JSON or NDJSON files, or - for standard input", command: command)
        }
        return options
    }

    private static func value(after arguments: [String], at index: inout Int, command: String) throws(UsageError) -> String {
        let option = arguments[index]
        index += 1
        guard index < arguments.count else { throw UsageError("\(option) needs a value", command: command) }
        return arguments[index]
    }

    private static func parseFormat(_ text: String, command: String) throws(UsageError) -> OutputFormat {
        guard let format = OutputFormat(rawValue: text) else {
            throw UsageError("unknown format '\(text)': use text or json\(Suggestion.hint(for: text, in: OutputFormat.allCases.map(\.rawValue)))", command: command)
        }
        return format
    }
}
