import QBCheckCore
import QBCheckPreflight

/// The sync executor: for each object pair in turn (contacts, products, invoices), plans the
/// changes, has the validator judge them, records the rejected and excluded ones, and commits
/// the accepted ones through the connector, in batches, recording each answer.
///
/// Every accepted change goes to the outbox (in the sync records' database) with its batch,
/// before the batch is sent, with its request id; the answer and the record are saved in one
/// transaction after. A run stopped anywhere leaves either nothing or an outbox, which the next
/// run sends again first: the connector answers repeated request ids as before, so nothing is
/// written twice or lost; changes of later batches were never sent, and are planned again.
public struct SyncExecutor: Sendable {
    public var directory: String
    public var fileSystem: FileSystem
    public var store: SyncRecordStore
    public var connector: Connector
    public var planner: SyncPlanner
    public var now: @Sendable () -> String
    public var checkpoint: @Sendable (String) -> Void

    public init(directory: String, fileSystem: FileSystem, store: SyncRecordStore, connector: Connector, planner: SyncPlanner = SyncPlanner(),
                now: @escaping @Sendable () -> String, checkpoint: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.store = store
        self.connector = connector
        self.planner = planner
        self.now = now
        self.checkpoint = checkpoint
    }

    public func run() -> SyncRunReport {
        var report = SyncRunReport(directory: directory)
        do {
            report.recovered = try drainOutbox()
            var (account, errors) = AccountLoader(fileSystem: fileSystem).load(directory)
            guard errors.isEmpty else {
                report.inputErrors = errors
                return report
            }
            report.settingsNotes = planner.reviewSettings(account)
            for object in SyncPair.Object.syncOrder {
                if let reason = skipReason(object, account: account, notes: report.settingsNotes) {
                    report.skippedObjects.append((object, reason))
                    continue
                }
                if object != SyncPair.Object.syncOrder.first {
                    // Invoices refer to the customers and products just written: read them again
                    // (the account as it was is let go first, so two are never held).
                    account = AccountSnapshot(directory: directory)
                    let (reloaded, errors) = AccountLoader(fileSystem: fileSystem).load(directory)
                    guard errors.isEmpty else {
                        report.inputErrors = errors
                        return report
                    }
                    account = reloaded
                }
                report.reached.append(object)
                var changes = planner.plan(object, account: account, records: try store.allRecords(), notes: report.settingsNotes)
                var queued = Self.queued(changes)
                let first = report.entries.endIndex
                report.entries += try record(changes)
                // The records the changes write are held by `queued` alone now, and let go
                // batch by batch as they are sent.
                changes = []
                checkpoint("planned \(object.rawValue)")
                var entryOfRequest: [String: Int] = [:]
                for index in first..<report.entries.endIndex {
                    if let requestID = report.entries[index].requestID { entryOfRequest[requestID] = index }
                }
                for entry in try send(&queued) {
                    if let requestID = entry.requestID, let index = entryOfRequest[requestID] {
                        report.entries[index].outcome = entry.outcome
                    }
                }
            }
        } catch {
            report.stopped = error.message
        }
        return report
    }

    private func skipReason(_ object: SyncPair.Object, account: AccountSnapshot, notes: [SettingsNote]) -> String? {
        let settings = SyncPlanner.effectiveSettings(account)
        if settings.objectSync(object)?.enabled == false { return "paused" }
        if let note = notes.first(where: { $0.effect == .syncStopped || $0.effect == .pairStopped(object: object) }) {
            return "stopped by its settings: \(note.finding.rule): \(note.finding.message)"
        }
        return nil
    }

    /// Records what is not sent (excluded, rejected, linked), in one transaction; what is sent
    /// is reported queued, and goes to the outbox batch by batch (`send`).
    private func record(_ changes: [PlannedChange]) throws(SQLiteError) -> [SyncRunReport.Entry] {
        let time = now()
        return try store.database.transaction { () throws(SQLiteError) -> [SyncRunReport.Entry] in
            var entries: [SyncRunReport.Entry] = []
            for change in changes {
                let existing = try store.find(object: change.object.rawValue, hubspotID: change.hubspotID, quickbooksID: change.quickbooksID)
                switch change.verdict {
                case .excluded(let reason):
                    entries.append(.init(change: change, outcome: .excluded(reason)))
                    var record = existing ?? base(change)
                    guard existing?.status != .excluded || existing?.category != reason else { continue }
                    record.status = .excluded
                    record.category = reason
                    record.message = "\(change.sourceLabel) is not synced: \(reason)"
                    record.remedy = nil
                    try save(record, activity: .init(time: time, action: change.action.rawValue, outcome: "excluded", detail: reason))
                case .rejected, .blocked:
                    let failure = change.failure ?? (category: "rejected", message: "", remedy: "")
                    entries.append(.init(change: change, outcome: .failed(category: failure.category, message: failure.message, remedy: failure.remedy)))
                    var record = existing ?? base(change)
                    guard existing?.status != .failed || existing?.category != failure.category || existing?.message != failure.message else { continue }
                    record.status = .failed
                    record.category = failure.category
                    record.message = failure.message
                    record.remedy = failure.remedy
                    try save(record, activity: .init(time: time, action: change.action.rawValue, outcome: "failed",
                                                     detail: "\(failure.category): \(failure.message)"))
                case .accepted where change.action == .link:
                    entries.append(.init(change: change, outcome: .linked))
                    var record = existing ?? base(change)
                    record.hubspotID = change.hubspotID
                    record.quickbooksID = change.quickbooksID
                    record.status = .synced
                    record.category = nil
                    record.message = nil
                    record.remedy = nil
                    record.lastSync = time
                    record.hubspotState = change.hubspotState?.written(indent: 0)
                    record.quickbooksState = change.quickbooksState?.written(indent: 0)
                    try save(record, activity: .init(time: time, action: "pair", outcome: "synced", detail: change.summary))
                case .accepted:
                    guard change.operation != nil else { continue }
                    entries.append(.init(change: change, outcome: .queued))
                }
            }
            return entries
        }
    }

    private func base(_ change: PlannedChange) -> SyncRecordStore.Record {
        SyncRecordStore.Record(object: change.object.rawValue, hubspotID: change.hubspotID, quickbooksID: change.quickbooksID, status: .failed)
    }

    private func save(_ record: SyncRecordStore.Record, activity: SyncRecordStore.Activity) throws(SQLiteError) {
        let id = try store.save(record)
        try store.log(activity, for: id)
    }

    /// A change to send, as it was planned (the outbox keeps it written).
    private struct Queued {
        var object: String
        var operation: ConnectorOperation
        var pending: PendingChange
    }

    /// The changes of `changes` to send, in their order (a request id once).
    private static func queued(_ changes: [PlannedChange]) -> [Queued?] {
        var queued: [Queued?] = []
        var requestIDs: Set<String> = []
        for change in changes {
            guard case .accepted = change.verdict, change.action != .link, let operation = change.operation,
                  requestIDs.insert(operation.requestID).inserted else { continue }
            queued.append(Queued(object: change.object.rawValue, operation: operation, pending: PendingChange(change)))
        }
        return queued
    }

    /// Sends the changes of one object pair, side by side, batch by batch: each batch goes to
    /// the outbox, then to the connector, and its answers are recorded; each change is let go
    /// once sent. Written to the outbox all at once before, a first sync's changes had been held
    /// three times over (planned, written, read back) until the last was answered.
    private func send(_ queued: inout [Queued?]) throws(SQLiteError) -> [SyncRunReport.Entry] {
        var entries: [SyncRunReport.Entry] = []
        for batch in batches(of: Array(queued.indices), side: { queued[$0]?.operation.side }) {
            var sending: [Sending] = []
            for index in batch {
                guard let change = queued[index] else { continue }
                queued[index] = nil
                let entry = SyncRecordStore.OutboxEntry(
                    requestID: change.operation.requestID, object: change.object, side: change.operation.side.rawValue,
                    operation: change.operation.json.written(indent: 0), change: change.pending.json.written(indent: 0))
                sending.append((entry, change.operation, change.pending))
            }
            try store.enqueue(sending.map(\.entry))
            entries += try send(sending)
        }
        try finishConnector()
        return entries
    }

    /// Sends what a stopped run left in the outbox, batch by batch, and records each answer.
    private func drainOutbox() throws(SQLiteError) -> [SyncRunReport.Entry] {
        var entries: [SyncRunReport.Entry] = []
        for batch in batches(of: try store.outbox(), side: { SyncSide(rawValue: $0.side) }) {
            entries += try send(batch.map { entry in
                (entry, JSONTree.parse(entry.operation).flatMap(ConnectorOperation.init(json:)), JSONTree.parse(entry.change).flatMap(PendingChange.init(json:)))
            })
        }
        try finishConnector()
        return entries
    }

    /// `items` in batches of the connector's limit, one side at a time (QBO's, then HubSpot's),
    /// each in the order given.
    private func batches<Item>(of items: [Item], side: (Item) -> SyncSide?) -> [ArraySlice<Item>] {
        var batches: [ArraySlice<Item>] = []
        for each in SyncSide.allCases {
            let ofSide = items.filter { side($0) == each }
            var start = ofSide.startIndex
            while start < ofSide.endIndex {
                let end = min(start + max(connector.batchLimit, 1), ofSide.endIndex)
                batches.append(ofSide[start..<end])
                start = end
            }
        }
        return batches
    }

    private func finishConnector() throws(SQLiteError) {
        do {
            try connector.finish()
        } catch {
            // The connector holds the answers; it writes them when it is next opened.
            throw SQLiteError(message: "\(connector.name) connector: \(error.message); what it answered is written by the next run")
        }
    }

    /// A change being sent: its outbox entry, and the operation and record of it (nil when an
    /// outbox entry cannot be read back).
    private typealias Sending = (entry: SyncRecordStore.OutboxEntry, operation: ConnectorOperation?, pending: PendingChange?)

    private func send(_ decoded: [Sending]) throws(SQLiteError) -> [SyncRunReport.Entry] {
        let operations = decoded.compactMap(\.1)
        var results: [ConnectorResult]
        do {
            results = try connector.commit(operations)
        } catch {
            // Nothing of the batch is known to be written: the changes stay in the outbox and
            // the run stops, to be sent again by the next one.
            throw SQLiteError(message: "\(connector.name) connector: \(error.message); the \(operations.count) waiting changes are sent again by the next run")
        }
        if results.count < operations.count {
            results += Array(repeating: .fault(code: "no-answer", message: "the connector gave no answer for this change"), count: operations.count - results.count)
        }
        checkpoint("connector answered")
        let time = now()
        let entries = try store.database.transaction { () throws(SQLiteError) -> [SyncRunReport.Entry] in
            var entries: [SyncRunReport.Entry] = []
            var resultIndex = 0
            for (entry, operation, pending) in decoded {
                defer { _ = try? store.dequeue(entry.requestID) }
                guard let operation, let pending else { continue }
                let result = results[resultIndex]
                resultIndex += 1
                let existing = try store.find(object: entry.object, hubspotID: pending.hubspotID, quickbooksID: pending.quickbooksID)
                var record = existing ?? SyncRecordStore.Record(object: entry.object, hubspotID: pending.hubspotID, quickbooksID: pending.quickbooksID, status: .failed)
                var change = PlannedChange(object: SyncPair.Object(rawValue: entry.object) ?? .contacts, target: operation.side,
                                           action: operation.action == .create ? .create : .update, sourceID: pending.sourceID,
                                           sourceLabel: pending.sourceLabel, targetID: operation.id, fields: [], verdict: .accepted, operation: operation)
                change.hubspotID = pending.hubspotID
                change.quickbooksID = pending.quickbooksID
                switch result {
                case .committed(let written, let lineItems):
                    let id = written[operation.side == .quickbooks ? "Id" : "id"]?.text ?? ""
                    var state = written
                    if operation.side == .hubspot, operation.entity == "invoices" {
                        state[InvoiceLines.embeddedKey] = operation.lineItems != nil ? .array(lineItems) : pending.hubspotState?[InvoiceLines.embeddedKey]
                    }
                    if operation.side == .quickbooks {
                        record.quickbooksID = id
                        record.quickbooksState = state.written(indent: 0)
                        record.hubspotState = pending.hubspotState?.written(indent: 0)
                    } else {
                        record.hubspotID = id
                        record.hubspotState = state.written(indent: 0)
                        record.quickbooksState = pending.quickbooksState?.written(indent: 0)
                    }
                    record.status = .synced
                    record.category = nil
                    record.message = nil
                    record.remedy = nil
                    record.lastSync = time
                    let noun = change.object.noun(on: operation.side)
                    try save(record, activity: .init(time: time, action: operation.action.rawValue, outcome: "synced",
                                                     detail: "\(operation.action == .create ? "created" : "updated") \(noun) \(id) from \(pending.sourceLabel)"))
                    entries.append(.init(change: change, outcome: .committed(id: id)))
                case .fault(let code, let message):
                    let category = "\(operation.side == .quickbooks ? "qbo" : "hubspot")-\(code)"
                    let remedy = Self.remedy(forFault: code)
                    record.status = .failed
                    record.category = category
                    record.message = message
                    record.remedy = remedy
                    try save(record, activity: .init(time: time, action: operation.action.rawValue, outcome: "failed", detail: "\(category): \(message)"))
                    entries.append(.init(change: change, outcome: .failed(category: category, message: message, remedy: remedy)))
                }
            }
            return entries
        }
        checkpoint("recorded a batch")
        return entries
    }

    /// What to do about an error the system answered.
    static func remedy(forFault code: String) -> String {
        switch code {
        case "6240": "Give one of the records a different display name (display names are unique across customers, vendors and employees in QuickBooks), then sync again."
        case "5010": "The record changed in QuickBooks while it was syncing; the next sync plans it again from the new version."
        case "610", "404": "The record was deleted or made inactive on the other side; restore it, or pair the record again."
        case "409": "A contact with this email already exists in HubSpot; merge the two, then sync again."
        default: "The next sync tries this change again."
        }
    }
}

/// What the executor keeps about a queued change, to record its answer (even in a later run).
struct PendingChange: Sendable {
    var sourceID: String
    var sourceLabel: String
    var hubspotID: String?
    var quickbooksID: String?
    var hubspotState: JSONTree?
    var quickbooksState: JSONTree?

    init(_ change: PlannedChange) {
        sourceID = change.sourceID
        sourceLabel = change.sourceLabel
        hubspotID = change.hubspotID
        quickbooksID = change.quickbooksID
        hubspotState = change.hubspotState
        quickbooksState = change.quickbooksState
    }

    var json: JSONTree {
        var tree: JSONTree = ["sourceID": .string(sourceID), "sourceLabel": .string(sourceLabel)]
        if let hubspotID { tree["hubspotID"] = .string(hubspotID) }
        if let quickbooksID { tree["quickbooksID"] = .string(quickbooksID) }
        if let hubspotState { tree["hubspotState"] = hubspotState }
        if let quickbooksState { tree["quickbooksState"] = quickbooksState }
        return tree
    }

    init?(json: JSONTree) {
        guard let sourceID = json["sourceID"]?.string, let sourceLabel = json["sourceLabel"]?.string else { return nil }
        self.sourceID = sourceID
        self.sourceLabel = sourceLabel
        hubspotID = json["hubspotID"]?.string
        quickbooksID = json["quickbooksID"]?.string
        hubspotState = json["hubspotState"]
        quickbooksState = json["quickbooksState"]
    }
}
