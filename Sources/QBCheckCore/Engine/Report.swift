/// The outcome of a run: findings in a deterministic order, what was skipped, suppressed or
/// baselined, what could not be read, and how many documents were checked.
public struct Report: Sendable {
    /// A finding the team accepted in `qbcheck.json`, and why.
    public struct Suppressed: Sendable {
        public var finding: Finding
        public var reason: String

        public init(finding: Finding, reason: String) {
            self.finding = finding
            self.reason = reason
        }
    }

    public var findings: [Finding]
    public var skipped: [Skip]
    public var inputErrors: [InputError]
    public var documents: Int
    /// The records checked, in input order (kept only when a format lists them, e.g. JUnit).
    public var records: [RecordIdentity]
    public var suppressed: [Suppressed] = []
    /// With `--baseline`: findings left out because the baseline holds them.
    public var baselined = 0
    /// With `--baseline`: baseline entries that no longer occur and can be removed.
    public var baselineFixed = 0

    public init(findings: [Finding] = [], skipped: [Skip] = [], inputErrors: [InputError] = [], documents: Int = 0,
                records: [RecordIdentity] = []) {
        self.findings = findings
        self.skipped = skipped
        self.inputErrors = inputErrors
        self.documents = documents
        self.records = records
    }

    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }
}
