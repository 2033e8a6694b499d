import QBCheckCore
import QBCheckPreflight
import QBCheckSync

/// `qbcheck sync ACTION [options]`.
public struct SyncOptions: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case plan, apply, status, records, export, watch
        /// The history of the record with this HubSpot or QBO id (or `#row`).
        case activity(String)
        case pause(SyncPair.Object), resume(SyncPair.Object), delete(SyncPair.Object)
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, json, csv
    }

    public var action: Action
    public var account = "."
    public var format = Format.text
    public var output: String?
    public var object: SyncPair.Object?
    public var status: SyncRecordStore.Status?
    public var category: String?
    public var page = 1
    public var pageSize = 50
    /// The record view's and the export's columns, in order (all when nil).
    public var columns: [String]?
    public var yes = false
    public var wait = false
    public var interval = 60.0
    /// `watch`: stop after this many cycles (for scripts and tests); nil runs until stopped.
    public var cycles: Int?

    public init(action: Action) {
        self.action = action
    }

    static let actions = ["plan", "apply", "status", "records", "activity", "export", "pause", "resume", "delete", "watch"]

    /// The options, or nil when `--help` was asked.
    static func parse(_ arguments: [String]) throws(UsageError) -> SyncOptions? {
        guard let first = arguments.first, first != "--help", first != "-h" else { return nil }
        var positional: [String] = []
        var options = SyncOptions(action: .plan)
        var index = 1
        let command = "sync"
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--help", "-h": return nil
            case "--account": options.account = try Invocation.value(after: arguments, at: &index, command: command)
            case "--format":
                let text = try Invocation.value(after: arguments, at: &index, command: command)
                guard let format = Format(rawValue: text) else {
                    throw UsageError("unknown format '\(text)': use \(Format.allCases.map(\.rawValue).joined(separator: ", "))", command: command)
                }
                options.format = format
            case "--output": options.output = try Invocation.value(after: arguments, at: &index, command: command)
            case "--object": options.object = try object(Invocation.value(after: arguments, at: &index, command: command))
            case "--status":
                let text = try Invocation.value(after: arguments, at: &index, command: command)
                guard let status = SyncRecordStore.Status(rawValue: text) else {
                    throw UsageError("unknown status '\(text)': use synced, failed or excluded", command: command)
                }
                options.status = status
            case "--category": options.category = try Invocation.value(after: arguments, at: &index, command: command)
            case "--page": options.page = try number(Invocation.value(after: arguments, at: &index, command: command), argument, minimum: 1)
            case "--page-size": options.pageSize = try number(Invocation.value(after: arguments, at: &index, command: command), argument, minimum: 1)
            case "--cycles": options.cycles = try number(Invocation.value(after: arguments, at: &index, command: command), argument, minimum: 1)
            case "--interval":
                let text = try Invocation.value(after: arguments, at: &index, command: command)
                guard let seconds = Double(text), seconds >= 0 else { throw UsageError("--interval takes a number of seconds, e.g. --interval 30", command: command) }
                options.interval = seconds
            case "--columns":
                let names = try Invocation.value(after: arguments, at: &index, command: command).split(separator: ",").map { String($0).trimmingSpaces }
                for name in names where !SyncViews.columns.contains(name) {
                    throw UsageError("unknown column '\(name)': use \(SyncViews.columns.joined(separator: ", "))\(Suggestion.hint(for: name, in: SyncViews.columns))", command: command)
                }
                options.columns = names
            case "--yes", "-y": options.yes = true
            case "--wait": options.wait = true
            default:
                guard !argument.hasPrefix("-") else {
                    let names = ["--account", "--format", "--output", "--object", "--status", "--category", "--columns", "--page", "--page-size",
                                 "--interval", "--cycles", "--yes", "--wait", "--help"]
                    throw UsageError.unknownOption(argument, valid: names, command: command)
                }
                positional.append(argument)
            }
            index += 1
        }
        switch first {
        case "plan", "apply", "status", "records", "export", "watch":
            options.action = switch first {
            case "plan": .plan
            case "apply": .apply
            case "status": .status
            case "records": .records
            case "export": .export
            default: .watch
            }
            // `qbcheck sync plan DIR` names the account as --account does.
            if positional.count == 1 { options.account = positional.removeFirst() }
        case "activity":
            guard let record = positional.first else {
                throw UsageError("sync activity takes the HubSpot or QuickBooks id of a record, e.g. qbcheck sync activity 512", command: command)
            }
            positional.removeFirst()
            options.action = .activity(record)
        case "pause", "resume", "delete":
            guard let name = positional.first else {
                throw UsageError("sync \(first) takes an object: contacts, products or invoices", command: command)
            }
            positional.removeFirst()
            let object = try object(name)
            options.action = first == "pause" ? .pause(object) : first == "resume" ? .resume(object) : .delete(object)
        default:
            throw UsageError("unknown sync action '\(first)': use \(actions.joined(separator: ", "))\(Suggestion.hint(for: first, in: actions))", command: command)
        }
        guard positional.isEmpty else {
            throw UsageError("unexpected argument '\(positional[0])'", command: command)
        }
        if options.format == .csv, options.action != .export {
            throw UsageError("--format csv is for sync export", command: command)
        }
        return options
    }

    private static func object(_ text: String) throws(UsageError) -> SyncPair.Object {
        guard let object = SyncPair.Object(rawValue: text) else {
            let names = SyncPair.Object.allCases.map(\.rawValue)
            throw UsageError("unknown object '\(text)': use \(names.joined(separator: ", "))\(Suggestion.hint(for: text, in: names))", command: "sync")
        }
        return object
    }

    private static func number(_ text: String, _ option: String, minimum: Int) throws(UsageError) -> Int {
        guard let value = Int(text), value >= minimum else { throw UsageError("\(option) takes a whole number of at least \(minimum)", command: "sync") }
        return value
    }
}
