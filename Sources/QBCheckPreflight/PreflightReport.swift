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
    public var outcomes: [RecordOutcome]
    /// Every finding of the run (records, settings, account descriptions, pending changes).
    public var report: Report
    public var fees: [FeeTotal]

    public var summaries: [PairSummary] {
        SyncPair.all.map { pair in
            var summary = PairSummary(pair: pair)
            var reasons: [String: Int] = [:]
            for outcome in outcomes where outcome.pair == pair {
                summary.records += 1
                switch outcome.status {
                case .syncs: summary.syncs += 1
                case .fails: summary.fails += 1
                case .excluded(let reason):
                    summary.excluded += 1
                    reasons[reason, default: 0] += 1
                }
            }
            summary.exclusions = reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
            return summary
        }
    }

    /// The records that would fail, in pair order.
    public var failing: [RecordOutcome] {
        outcomes.filter { $0.status == .fails }
    }

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
