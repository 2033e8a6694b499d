/// The outcome of a run: findings in a deterministic order, what was skipped, what could not
/// be read, and how many documents were checked.
public struct Report: Sendable {
    public var findings: [Finding]
    public var skipped: [Skip]
    public var inputErrors: [InputError]
    public var documents: Int

    public init(findings: [Finding] = [], skipped: [Skip] = [], inputErrors: [InputError] = [], documents: Int = 0) {
        self.findings = findings
        self.skipped = skipped
        self.inputErrors = inputErrors
        self.documents = documents
    }

    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }
}
