import QBCheckCore

/// What `preflight` found: per pair and direction, which records would sync, fail or be left
/// out (and why); every finding; and the fees to book by hand.
public struct PreflightReport: Sendable {
    public enum Status: Sendable, Hashable {
        case syncs
        case fails
        case excluded(String)
    }

    public struct RecordOutcome: Sendable {
        public var pair: SyncPair
        public var record: RecordIdentity
        public var status: Status
        public var findings: [Finding]
        /// The record's counterpart on the other side, when one exists (matched by email, SKU or
        /// invoice number): `QBO Customer 2`, `HubSpot contact 512`.
        public var counterpart: String?
    }

    /// Counts of one pair and direction.
    public struct PairSummary: Sendable {
        public var pair: SyncPair
        public var records = 0
        public var syncs = 0
        public var fails = 0
        public var excluded = 0
        /// Exclusion reasons with their counts, most frequent first.
        public var exclusions: [(reason: String, count: Int)] = []
    }

    public struct FeeTotal: Sendable {
        public var currency: String
        public var total: ExactDecimal
        public var payments: Int
    }

    public var account: String
    public var setupDate: CalendarDate?
    /// The recommended filters preflight applied (pair and direction, in words): those of the
    /// pairs whose filters `qbcheck.json` does not set.
    public var recommendedFilters: [(pair: SyncPair, filter: String)] = []
    /// The counts of every pair and direction, in `SyncPair.all`'s order.
    public var summaries: [PairSummary]
    /// The records that would fail, in pair order.
    public var failing: [RecordOutcome]
    /// Every record's outcome, in input order, when `Preflight.keepsEveryOutcome` asked for
    /// them (a large account's would not fit in memory); else empty.
    public var outcomes: [RecordOutcome]
    /// Every finding of the run (records, settings, account descriptions, pending changes).
    public var report: Report
    public var fees: [FeeTotal]

    /// Findings about the accounts' settings rather than a record: recommendations.
    public var accountFindings: [Finding] {
        report.findings.filter { PreflightReport.settingsKinds.contains($0.record.kind) }
    }

    /// Findings on records that still sync or are left out, and on pending changes: what
    /// neither the failing records nor the recommendations show.
    public var otherFindings: [Finding] {
        let shown = Set(failing.flatMap(\.findings))
        return report.findings.filter { !shown.contains($0) && !PreflightReport.settingsKinds.contains($0.record.kind) }
    }

    static let settingsKinds: Set<String> = ["QBO Preferences", "QBO CompanyInfo", "qbcheck.json", "hubspot/account.json"]
}

/// Counts the records' outcomes as they come, keeping whole only those of the failing records
/// (and every one when asked).
struct OutcomeTally {
    var keepsEvery: Bool
    private(set) var failing: [PreflightReport.RecordOutcome] = []
    private(set) var every: [PreflightReport.RecordOutcome] = []
    private var counts = SyncPair.all.map { PreflightReport.PairSummary(pair: $0) }
    private var reasons = SyncPair.all.map { _ in [String: Int]() }

    init(keepsEvery: Bool) {
        self.keepsEvery = keepsEvery
    }

    /// Counts a record of `pair` with `status`; `outcome` makes its whole outcome, asked for
    /// only when it is kept.
    mutating func add(_ pair: SyncPair, _ status: PreflightReport.Status, outcome: () -> PreflightReport.RecordOutcome) {
        if keepsEvery || status == .fails {
            let made = outcome()
            if keepsEvery { every.append(made) }
            if status == .fails { failing.append(made) }
        }
        guard let index = SyncPair.all.firstIndex(of: pair) else { return }
        counts[index].records += 1
        switch status {
        case .syncs: counts[index].syncs += 1
        case .fails: counts[index].fails += 1
        case .excluded(let reason):
            counts[index].excluded += 1
            reasons[index][reason, default: 0] += 1
        }
    }

    var summaries: [PreflightReport.PairSummary] {
        zip(counts, reasons).map { summary, reasons in
            var summary = summary
            summary.exclusions = reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
            return summary
        }
    }
}
