import QBCheckCore
import QBCheckPreflight

/// What one sync run did (or, for `sync plan`, would do).
public struct SyncRunReport: Sendable {
    /// How a change ended.
    public enum Outcome: Sendable, Equatable {
        /// Written; the id of the record written.
        case committed(id: String)
        /// Pairing recorded, nothing written.
        case linked
        case failed(category: String, message: String, remedy: String)
        case excluded(String)
        /// Sent to the connector and not answered: the next run sends it again.
        case queued
    }

    public struct Entry: Sendable {
        /// The change as reported: what it does to which record, its fields and its verdict.
        /// The records it writes (its operation's record and line items, the two sides'
        /// states) are not kept: a run reports every change of a whole account, and kept here
        /// they would hold every record the run wrote until it ended.
        public var change: PlannedChange
        public var outcome: Outcome
        /// The idempotency key the change is sent with; nil for a change not sent.
        public var requestID: String?

        init(change: PlannedChange, outcome: Outcome) {
            var change = change
            requestID = change.operation?.requestID
            change.operation = nil
            change.hubspotState = nil
            change.quickbooksState = nil
            self.change = change
            self.outcome = outcome
        }
    }

    public var directory: String
    public var settingsNotes: [SettingsNote] = []
    /// Files of the snapshot that could not be read: the run stops before writing anything.
    public var inputErrors: [InputError] = []
    /// Changes a stopped run left unanswered, answered now.
    public var recovered: [Entry] = []
    public var entries: [Entry] = []
    /// Objects not synced, and why (paused, stopped by a setting).
    public var skippedObjects: [(object: SyncPair.Object, reason: String)] = []
    /// A connector or storage failure that stopped the run.
    public var stopped: String?
    /// The objects the run planned (a stopped run does not reach the later ones).
    public var reached: [SyncPair.Object] = []

    public init(directory: String) {
        self.directory = directory
    }

    public var committed: [Entry] { (recovered + entries).filter { if case .committed = $0.outcome { true } else { false } } }
    public var failed: [Entry] { (recovered + entries).filter { if case .failed = $0.outcome { true } else { false } } }
    public var excluded: [Entry] { entries.filter { if case .excluded = $0.outcome { true } else { false } } }
    public var linked: [Entry] { entries.filter { $0.outcome == .linked } }
}
