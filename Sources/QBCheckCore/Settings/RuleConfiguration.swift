/// The `rules` and `suppressions` of `qbcheck.json`: which rules run, at which severity, on
/// which paths, and which single findings a team has accepted, with the reason why.
public struct RuleConfiguration: Sendable {
    /// What `rules.<id>` says: `"off"`, a severity, or
    /// `{"enabled", "severity", "paths", "excludePaths"}`.
    public struct Entry: Sendable {
        public var location: Location
        public var enabled: Bool
        public var severity: Severity?
        /// When given, the rule reports only in files matching one of these patterns.
        public var paths: [Glob]
        public var excludePaths: [Glob]
    }

    /// One accepted finding: a rule on one record (by its QBO or HubSpot id), or on one value
    /// (file and pointer). The reason is required and printed in the report.
    public struct Suppression: Sendable {
        public var location: Location
        public var rule: Located<String>
        public var record: String?
        public var file: String?
        public var pointer: JSONPointer?
        public var reason: String

        /// `record 513` or `invoices/a.json#/Invoice/TxnDate`: what the suppression names.
        public var target: String {
            if let record { return "record \(record)" }
            return "\(file ?? "")#\(pointer?.text ?? "")"
        }
    }

    public var entries: [String: Entry]
    public var suppressions: [Suppression]

    public static let none = RuleConfiguration(entries: [:], suppressions: [])

    init(entries: [String: Entry], suppressions: [Suppression]) {
        self.entries = entries
        self.suppressions = suppressions
    }

    init(rules: Node?, suppressions: [Node]) throws(ShapeError) {
        var entries: [String: Entry] = [:]
        for (id, node) in rules?.members ?? [] {
            entries[id] = try Self.entry(node)
        }
        var parsed: [Suppression] = []
        for node in suppressions {
            parsed.append(try Self.suppression(node))
        }
        self.init(entries: entries, suppressions: parsed)
    }

    public func isEnabled(_ rule: String) -> Bool {
        entries[rule]?.enabled ?? true
    }

    public func severity(of rule: String) -> Severity? {
        entries[rule]?.severity
    }

    /// Whether a rule reports in this file (`path` relative to the working folder).
    public func applies(_ rule: String, to path: String) -> Bool {
        guard let entry = entries[rule] else { return true }
        if !entry.paths.isEmpty, !entry.paths.contains(where: { $0.matches(path) }) { return false }
        return !entry.excludePaths.contains { $0.matches(path) }
    }

    /// The suppression that accepts this finding, if any.
    public func suppression(for finding: Finding, path: String) -> Suppression? {
        suppressions.first { suppression in
            guard suppression.rule.value == finding.rule else { return false }
            if let record = suppression.record { return finding.record.id == record }
            return suppression.file.map(Glob.normalize) == Glob.normalize(path) && suppression.pointer == finding.pointer
        }
    }

    /// Every rule id the configuration names, with where, to check them against the catalog.
    public var namedRules: [Located<String>] {
        entries.map { Located($0.key, at: $0.value.location) }.sorted { $0.location.offset < $1.location.offset }
            + suppressions.map(\.rule)
    }

    private static func entry(_ node: Node) throws(ShapeError) -> Entry {
        if node.isObject {
            try SyncSettings.expectKeys(node, ["enabled", "severity", "paths", "excludePaths"])
            var severity: Severity?
            if let text = try node.string("severity") {
                severity = try Self.severity(text)
            }
            return Entry(location: node.location, enabled: try node.bool("enabled")?.value ?? true, severity: severity,
                         paths: try globs(node, "paths"), excludePaths: try globs(node, "excludePaths"))
        }
        let text = try node.asString()
        if text.value == "off" {
            return Entry(location: node.location, enabled: false, severity: nil, paths: [], excludePaths: [])
        }
        return Entry(location: node.location, enabled: true, severity: try Self.severity(text), paths: [], excludePaths: [])
    }

    private static func severity(_ text: Located<String>) throws(ShapeError) -> Severity {
        guard let severity = Severity(rawValue: text.value) else {
            let choices = ["off", "error", "warning", "info"]
            throw ShapeError(at: text.location, "unknown rule setting \"\(text.value)\": use \"off\", \"error\", \"warning\" or \"info\"\(Suggestion.hint(for: text.value, in: choices))")
        }
        return severity
    }

    private static func globs(_ node: Node, _ key: String) throws(ShapeError) -> [Glob] {
        var globs: [Glob] = []
        for element in try node.array(key) { globs.append(Glob(try element.asString().value)) }
        return globs
    }

    private static func suppression(_ node: Node) throws(ShapeError) -> Suppression {
        try SyncSettings.expectKeys(node, ["rule", "record", "file", "pointer", "reason"])
        guard let rule = try node.string("rule") else {
            throw ShapeError(at: node.location, "a suppression needs \"rule\", the id of the rule it silences")
        }
        guard let reason = try node.string("reason")?.value, !reason.trimmingSpaces.isEmpty else {
            throw ShapeError(at: node.location, "a suppression needs \"reason\": why the team accepts this finding (it is printed in every report)")
        }
        let record = try node.string("record")?.value
        let file = try node.string("file")?.value
        let pointer = try node.string("pointer").map { JSONPointer(text: $0.value) }
        guard record != nil || (file != nil && pointer != nil) else {
            throw ShapeError(at: node.location, "a suppression names one finding: give \"record\" (the QBO Id or HubSpot id), or \"file\" and \"pointer\"")
        }
        return Suppression(location: node.location, rule: rule, record: record, file: file, pointer: pointer, reason: reason)
    }
}
