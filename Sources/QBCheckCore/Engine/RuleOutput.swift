/// What a rule hands back: its findings, and what it had to skip and why.
public struct RuleOutput: Sendable {
    public let rule: String
    /// The rule's severity for this run (the catalog's default, or qbcheck.json's choice).
    public let severity: Severity
    public private(set) var findings: [Finding] = []
    /// How many records were skipped, by reason.
    public var skips: [String: Int] {
        guard let recentSkip else { return earlierSkips }
        var skips = earlierSkips
        skips[recentSkip.reason, default: 0] += recentSkip.count
        return skips
    }
    private var earlierSkips: [String: Int] = [:]
    /// The reason last noted and how many records in a row it stood for: a rule that cannot
    /// judge one record usually cannot judge any, and hashing the long reason for each record
    /// had cost 1.5 % of a check.
    private var recentSkip: (reason: String, count: Int)?
    /// The pointers of the last record reported on: a rule reports a record's findings one
    /// after another, and the index answers each in logarithmic time.
    private var lastRecord: (document: Document, pointers: PointerIndex?)?

    public init(rule: String, severity: Severity) {
        self.rule = rule
        self.severity = severity
    }

    /// Reports the value at `location` of `document`. `severity` lowers or raises this one
    /// finding (a case-only name clash is a warning where an exact one is an error).
    public mutating func report(
        _ location: Location, in document: Document, _ message: String, remedy: String, severity: Severity? = nil
    ) {
        if lastRecord?.document !== document {
            lastRecord = (document, PointerIndex(file: document.file, root: document.location, base: document.pointer))
        }
        let pointer = lastRecord?.pointers?.pointer(of: location) ?? document.pointer
        findings.append(Finding(
            rule: rule, severity: severity ?? self.severity, file: document.file.name, pointer: pointer,
            position: document.file.position(of: location.offset), record: RecordIdentity(document),
            message: Self.bounded(message), remedy: Self.bounded(remedy)))
    }

    /// Messages quote the offending values; a 100 MB name must not make a 100 MB message.
    static func bounded(_ text: String, limit: Int = 1000) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit * 3 / 4)) + " … " + String(text.suffix(limit / 4))
    }

    /// Takes in what the same rule found in another part of the input (judged elsewhere).
    public mutating func absorb(_ other: RuleOutput) {
        findings += other.findings
        for (reason, count) in other.skips { skip(reason, records: count) }
    }

    /// Removes the findings from `start` on (those of the record just judged) and adds them to
    /// `taken`, with the severity qbcheck.json sets (`override`).
    mutating func takeFindings(from start: Int, overriding override: Severity?, into taken: inout [Finding]) {
        guard findings.count > start else { return }
        for var finding in findings[start...] {
            if let override { finding.severity = override }
            taken.append(finding)
        }
        findings.removeSubrange(start...)
    }

    /// Notes that one record could not be judged, and why.
    public mutating func skip(_ reason: String) {
        skip(reason, records: 1)
    }

    private mutating func skip(_ reason: String, records: Int) {
        if recentSkip?.reason == reason {
            recentSkip?.count += records
            return
        }
        if let recentSkip { earlierSkips[recentSkip.reason, default: 0] += recentSkip.count }
        recentSkip = (reason, records)
    }
}
