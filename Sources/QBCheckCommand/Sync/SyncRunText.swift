import QBCheckCore
import QBCheckPreflight
import QBCheckSync

/// `sync plan` and `sync apply` for people: per object pair, each change with its fields, and
/// each rejection with its rule, message and remedy.
enum SyncRunText {
    static func render(_ report: SyncRunReport, dryRun: Bool, displayPath: (String) -> String) -> String {
        var text = "qbcheck sync \(dryRun ? "plan" : "apply") of \(displayPath(report.directory))\n"
        if !report.recovered.isEmpty {
            text += "\nChanges a stopped run left unanswered, answered now:\n"
            for entry in report.recovered { text += line(entry, dryRun: false) }
        }
        if !report.settingsNotes.isEmpty { text += "\nSettings the sync cannot apply:\n" }
        for note in report.settingsNotes {
            text += "  \(note.finding.rule) at \(displayPath(note.finding.file)) \(note.finding.pointer): \(note.finding.message)\n"
            text += "      so \(note.effectText). \(note.finding.remedy)\n"
        }
        for object in SyncPair.Object.syncOrder {
            let entries = report.entries.filter { $0.change.object == object }
            let skipped = report.skippedObjects.first { $0.object == object }
            text += "\n\(object.title)\n"
            if let skipped {
                text += "  not synced: \(skipped.reason)\n"
                continue
            }
            if !report.reached.contains(object) {
                text += "  not reached: the run stopped before it\n"
                continue
            }
            let shown = entries.filter { if case .excluded = $0.outcome { false } else { true } }
            if shown.isEmpty { text += "  nothing to \(dryRun ? "do" : "sync"): both sides agree\n" }
            for entry in shown { text += line(entry, dryRun: dryRun) }
            var reasons: [String: Int] = [:]
            for entry in entries { if case .excluded(let reason) = entry.outcome { reasons[reason, default: 0] += 1 } }
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                text += "  left out: \(count) record\(count == 1 ? "" : "s"): \(reason)\n"
            }
        }
        if let stopped = report.stopped { text += "\nerror: the sync stopped: \(stopped)\n" }
        text += "\n" + summary(report, dryRun: dryRun) + "\n"
        return text
    }

    static func line(_ entry: SyncRunReport.Entry, dryRun: Bool) -> String {
        let change = entry.change
        var text: String
        switch entry.outcome {
        case .committed(let id) where dryRun:
            text = "  would \(change.summary)\(change.action == .create ? " (as \(id))" : "")\n"
        case .committed(let id):
            text = "  \(change.action == .create ? "created" : "updated") \(change.object.noun(on: change.target)) \(id) from \(change.sourceLabel)\n"
        case .linked:
            text = "  \(dryRun ? "would pair" : "paired") \(change.sourceLabel) with \(change.object.noun(on: change.target)) \(change.targetID ?? "")\n"
        case .queued:
            text = "  \(dryRun ? "would " : "waiting: ")\(change.summary)\n"
        case .failed(let category, let message, let remedy):
            text = "  FAILS \(change.summary)\n      \(category): \(message)\n      \(remedy)\n"
            return text
        case .excluded(let reason):
            return "  left out: \(change.sourceLabel): \(reason)\n"
        }
        if !change.fields.isEmpty {
            text += "      " + change.fields.map { field in
                field.from.map { "\(field.name): \($0) → \(field.to)" } ?? "\(field.name): \(field.to)"
            }.joined(separator: "; ") + "\n"
        }
        for note in change.notes where note.severity == .warning {
            text += "      warning \(note.rule): \(note.message)\n"
        }
        return text
    }

    static func summary(_ report: SyncRunReport, dryRun: Bool) -> String {
        let all = report.recovered + report.entries
        func count(_ action: PlannedChange.Action) -> Int {
            all.filter { entry in
                guard entry.change.action == action else { return false }
                if case .committed = entry.outcome { return true }
                return false
            }.count
        }
        let failed = report.failed.count
        let parts = [
            "\(dryRun ? "would create" : "created") \(count(.create))",
            "\(dryRun ? "update" : "updated") \(count(.update))",
            "\(dryRun ? "pair" : "paired") \(report.linked.count)",
            "\(failed) \(dryRun ? "rejected" : "failed")",
            "\(report.excluded.count) left out",
        ]
        return parts.joined(separator: ", ")
    }
}

/// `sync plan` and `sync apply` for programs.
enum SyncRunJSON {
    static func render(_ report: SyncRunReport, dryRun: Bool, displayPath: (String) -> String) -> String {
        JSONWriter().write(.object([
            ("version", .string(HelpText.version)),
            ("account", .string(displayPath(report.directory))),
            ("mode", .string(dryRun ? "plan" : "apply")),
            ("settings", .array(report.settingsNotes.map { note in
                .object([("rule", .string(note.finding.rule)), ("pointer", .string(note.finding.pointer.text)),
                         ("message", .string(note.finding.message)), ("remedy", .string(note.finding.remedy)), ("effect", .string(note.effectText))])
            })),
            ("skipped", .array(report.skippedObjects.map { .object([("object", .string($0.object.rawValue)), ("reason", .string($0.reason))]) })),
            ("recovered", .array(report.recovered.map(entry))),
            ("changes", .array(report.entries.map(entry))),
            ("stopped", report.stopped.map(JSONWriter.Value.string) ?? .null),
            ("summary", .string(SyncRunText.summary(report, dryRun: dryRun))),
        ])) + "\n"
    }

    static func entry(_ entry: SyncRunReport.Entry) -> JSONWriter.Value {
        let change = entry.change
        var members: [(String, JSONWriter.Value)] = [
            ("object", .string(change.object.rawValue)),
            ("action", .string(change.action.rawValue)),
            ("target", .string(change.target.rawValue)),
            ("source", .string(change.sourceLabel)),
            ("sourceId", .string(change.sourceID)),
            ("targetId", change.targetID.map(JSONWriter.Value.string) ?? .null),
        ]
        switch entry.outcome {
        case .committed(let id): members += [("outcome", .string("committed")), ("id", .string(id))]
        case .linked: members.append(("outcome", .string("paired")))
        case .queued: members.append(("outcome", .string("accepted")))
        case .failed(let category, let message, let remedy):
            members += [("outcome", .string("failed")), ("category", .string(category)), ("message", .string(message)), ("remedy", .string(remedy))]
        case .excluded(let reason): members += [("outcome", .string("excluded")), ("reason", .string(reason))]
        }
        members.append(("fields", .array(change.fields.map { field in
            .object([("name", .string(field.name)), ("from", field.from.map(JSONWriter.Value.string) ?? .null), ("to", .string(field.to))])
        })))
        if let requestID = entry.requestID { members.append(("requestId", .string(requestID))) }
        return .object(members)
    }
}
