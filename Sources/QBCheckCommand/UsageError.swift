import QBCheckCore

/// A command line qbcheck cannot run, with the closest valid word where there is one.
public struct UsageError: Error, Sendable, Equatable {
    public var message: String
    /// The command whose `--help` to point at.
    public var command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    static func unknownOption(_ option: String, valid: [String], command: String) -> UsageError {
        UsageError("unknown option '\(option)'\(Suggestion.hint(for: option, in: valid))", command: command)
    }

    /// `error: …` and a `Help:` line, as swift-argument-parser prints them.
    public var rendered: String {
        let help = command.map { "qbcheck \($0) --help" } ?? "qbcheck --help"
        return "error: \(message)\nHelp: \(help)\n"
    }
}
