/// Runs every rule over a batch and gathers the findings.
///
/// Rules whose requirements the context does not meet, or that `qbcheck.json` turns off, are
/// listed as skipped. Findings are ordered by input order of their files, then position, then
/// rule id, so the same input always prints the same report.
public struct RuleEngine: Sendable {
    public var rules: [any Rule]
    public var catalog: RuleCatalog

    public init(rules: [any Rule], catalog: RuleCatalog) {
        self.rules = rules
        self.catalog = catalog
    }

    public func run(_ subjects: [Subject], in context: RuleContext, fileOrder: [String] = []) -> Report {
        var findings: [Finding] = []
        var skipped: [Skip] = []
        for rule in rules {
            let setting = context.settings.rules[rule.id]?.value
            if setting == .off {
                skipped.append(Skip(rule: rule.id, reason: "turned off in qbcheck.json", records: 0))
                continue
            }
            if let missing = rule.requirements.first(where: { !context.satisfies($0) }) {
                skipped.append(Skip(rule: rule.id, reason: missing.missingReason, records: 0))
                continue
            }
            let severity: Severity
            if case .severity(let chosen) = setting {
                severity = chosen
            } else {
                severity = catalog.entry(rule.id)?.severity ?? .error
            }
            var output = RuleOutput(rule: rule.id, severity: severity)
            rule.check(batch: subjects, in: context, into: &output)
            var ruleFindings = output.findings
            if case .severity(let chosen) = setting {
                for index in ruleFindings.indices { ruleFindings[index].severity = chosen }
            }
            findings += ruleFindings
            skipped += output.skips.sorted { $0.key < $1.key }.map { Skip(rule: rule.id, reason: $0.key, records: $0.value) }
        }
        let order = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        findings.sort { lhs, rhs in
            let (left, right) = (order[lhs.file] ?? Int.max, order[rhs.file] ?? Int.max)
            if left != right { return left < right }
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.position != rhs.position { return lhs.position < rhs.position }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            return lhs.pointer < rhs.pointer
        }
        var unique: [Finding] = []
        var seen = Set<Finding>()
        for finding in findings where seen.insert(finding).inserted { unique.append(finding) }
        let documents = subjects.reduce(0) { count, subject in
            switch subject {
            case .document: count + 1
            case .edit(let edit): count + (edit.before == nil ? 0 : 1) + (edit.after == nil ? 0 : 1)
            }
        }
        return Report(findings: unique, skipped: skipped, documents: documents)
    }
}
