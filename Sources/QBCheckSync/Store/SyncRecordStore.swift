/// The sync records of one account (`DIR/.qbcheck/sync.sqlite`): which HubSpot record is paired
/// with which QBO record, whether it synced, failed (with the rule that rejected it, the error
/// category) or was excluded (and why), when, the record's state at that sync, and an activity
/// log of every attempt, as HubSpot's sync health and record views show them.
///
/// The schema is versioned (`PRAGMA user_version`); `migrate()` brings any older file up to date
/// in one transaction and refuses a file written by a newer qbcheck.
public struct SyncRecordStore: Sendable {
    /// Each migration takes the schema from version N to N + 1.
    static let migrations: [String] = [
        """
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            object TEXT NOT NULL,
            hubspot_id TEXT,
            quickbooks_id TEXT,
            status TEXT NOT NULL CHECK (status IN ('synced', 'failed', 'excluded')),
            error_category TEXT,
            message TEXT,
            remedy TEXT,
            last_sync TEXT,
            hubspot_state TEXT,
            quickbooks_state TEXT,
            UNIQUE (object, hubspot_id),
            UNIQUE (object, quickbooks_id)
        );
        CREATE TABLE activity (
            id INTEGER PRIMARY KEY,
            record INTEGER NOT NULL REFERENCES records (id),
            time TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT
        );
        """,
        """
        CREATE INDEX activity_by_record ON activity (record, id);
        CREATE INDEX records_by_status ON records (object, status, error_category);
        """,
        // The outbox: accepted changes handed to the connector and not yet answered. A run that
        // is stopped leaves them here; the next run sends them again with the same request ids.
        """
        CREATE TABLE outbox (
            request_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            object TEXT NOT NULL,
            side TEXT NOT NULL,
            operation TEXT NOT NULL,
            change TEXT NOT NULL
        );
        """,
    ]

    public static var currentVersion: Int { migrations.count }

    public enum Status: String, Sendable, CaseIterable {
        case synced, failed, excluded
    }

    /// One paired record and its last outcome.
    public struct Record: Sendable, Equatable {
        public var id: Int64?
        public var object: String
        public var hubspotID: String?
        public var quickbooksID: String?
        public var status: Status
        /// The rule id of a failure, or the reason of an exclusion.
        public var category: String?
        public var message: String?
        public var remedy: String?
        public var lastSync: String?
        public var hubspotState: String?
        public var quickbooksState: String?

        public init(id: Int64? = nil, object: String, hubspotID: String?, quickbooksID: String?, status: Status, category: String? = nil,
                    message: String? = nil, remedy: String? = nil, lastSync: String? = nil, hubspotState: String? = nil, quickbooksState: String? = nil) {
            self.id = id
            self.object = object
            self.hubspotID = hubspotID
            self.quickbooksID = quickbooksID
            self.status = status
            self.category = category
            self.message = message
            self.remedy = remedy
            self.lastSync = lastSync
            self.hubspotState = hubspotState
            self.quickbooksState = quickbooksState
        }
    }

    /// One attempt on a record.
    public struct Activity: Sendable, Equatable {
        public var time: String
        public var action: String
        public var outcome: String
        public var detail: String?

        public init(time: String, action: String, outcome: String, detail: String? = nil) {
            self.time = time
            self.action = action
            self.outcome = outcome
            self.detail = detail
        }
    }

    public let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func version() throws(SQLiteError) -> Int {
        Int(try database.query("PRAGMA user_version").first?.first?.integer ?? 0)
    }

    /// Applies the migrations the file lacks, in one transaction.
    public func migrate() throws(SQLiteError) {
        let version = try version()
        guard version <= Self.currentVersion else {
            throw SQLiteError(message: "\(database.path) has sync records of schema version \(version), newer than this qbcheck's \(Self.currentVersion): update qbcheck")
        }
        guard version < Self.currentVersion else { return }
        try database.transaction { () throws(SQLiteError) in
            for migration in Self.migrations[version...] { try database.execute(migration) }
            try database.execute("PRAGMA user_version = \(Self.currentVersion)")
        }
    }

    /// Inserts or updates the record paired by its HubSpot or QBO id; returns its row id.
    @discardableResult
    public func save(_ record: Record) throws(SQLiteError) -> Int64 {
        try database.transaction { () throws(SQLiteError) -> Int64 in
            // Its row id only: a record's states are kilobytes of text, read for nothing here.
            let existing = try database.query("SELECT id FROM records WHERE \(Self.pairedBy) LIMIT 1", Self.pairing(record.object, record.hubspotID, record.quickbooksID))
                .first?.first?.integer
            let values: [SQLiteValue] = [
                .text(record.object), record.hubspotID.map(SQLiteValue.text) ?? .null, record.quickbooksID.map(SQLiteValue.text) ?? .null,
                .text(record.status.rawValue), record.category.map(SQLiteValue.text) ?? .null, record.message.map(SQLiteValue.text) ?? .null,
                record.remedy.map(SQLiteValue.text) ?? .null, record.lastSync.map(SQLiteValue.text) ?? .null,
                record.hubspotState.map(SQLiteValue.text) ?? .null, record.quickbooksState.map(SQLiteValue.text) ?? .null,
            ]
            if let existing {
                try database.query("""
                    UPDATE records SET object = ?, hubspot_id = ?, quickbooks_id = ?, status = ?, error_category = ?, message = ?, remedy = ?,
                    last_sync = ?, hubspot_state = ?, quickbooks_state = ? WHERE id = ?
                    """, values + [.integer(existing)])
                return existing
            }
            try database.query("""
                INSERT INTO records (object, hubspot_id, quickbooks_id, status, error_category, message, remedy, last_sync, hubspot_state, quickbooks_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values)
            return try database.query("SELECT last_insert_rowid()").first?.first?.integer ?? 0
        }
    }

    /// The record paired by either id.
    public func find(object: String, hubspotID: String?, quickbooksID: String?) throws(SQLiteError) -> Record? {
        try database.query("SELECT \(Self.columns) FROM records WHERE \(Self.pairedBy) LIMIT 1", Self.pairing(object, hubspotID, quickbooksID))
            .first.map(Self.record)
    }

    /// The record of an object paired by either id, with `pairing`'s values.
    private static let pairedBy = "object = ? AND ((hubspot_id IS NOT NULL AND hubspot_id = ?) OR (quickbooks_id IS NOT NULL AND quickbooks_id = ?))"

    private static func pairing(_ object: String, _ hubspotID: String?, _ quickbooksID: String?) -> [SQLiteValue] {
        [.text(object), hubspotID.map(SQLiteValue.text) ?? .null, quickbooksID.map(SQLiteValue.text) ?? .null]
    }

    /// The record view: filtered, in a stable order, one page at a time.
    public func records(object: String? = nil, status: Status? = nil, category: String? = nil, limit: Int = 50, offset: Int = 0) throws(SQLiteError) -> [Record] {
        try database.query("""
            SELECT \(Self.columns) FROM records
            WHERE (?1 IS NULL OR object = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR error_category = ?3)
            ORDER BY object, id LIMIT ?4 OFFSET ?5
            """, [object.map(SQLiteValue.text) ?? .null, status.map { .text($0.rawValue) } ?? .null, category.map(SQLiteValue.text) ?? .null,
                  .integer(Int64(limit)), .integer(Int64(offset))]).map(Self.record)
    }

    /// The object view: per object, how many records synced, failed and were excluded.
    public func counts() throws(SQLiteError) -> [String: [Status: Int]] {
        var counts: [String: [Status: Int]] = [:]
        for row in try database.query("SELECT object, status, COUNT(*) FROM records GROUP BY object, status") {
            guard let object = row[0].text, let status = row[1].text.flatMap(Status.init), let count = row[2].integer else { continue }
            counts[object, default: [:]][status] = Int(count)
        }
        return counts
    }

    /// Removes a pair's records and their activity (`qbcheck sync delete`); returns how many.
    @discardableResult
    public func delete(object: String) throws(SQLiteError) -> Int {
        try database.transaction { () throws(SQLiteError) -> Int in
            let count = Int(try database.query("SELECT COUNT(*) FROM records WHERE object = ?", [.text(object)]).first?.first?.integer ?? 0)
            try database.query("DELETE FROM activity WHERE record IN (SELECT id FROM records WHERE object = ?)", [.text(object)])
            try database.query("DELETE FROM records WHERE object = ?", [.text(object)])
            try database.query("DELETE FROM outbox WHERE object = ?", [.text(object)])
            return count
        }
    }

    /// All records of an object (or of every object), in the record view's order.
    public func allRecords(object: String? = nil) throws(SQLiteError) -> [Record] {
        try records(object: object, limit: Int(Int32.max))
    }

    /// The record with this row number.
    public func record(id: Int64) throws(SQLiteError) -> Record? {
        try database.query("SELECT \(Self.columns) FROM records WHERE id = ?", [.integer(id)]).first.map(Self.record)
    }

    /// Records whose HubSpot or QBO id is `id`, of any object.
    public func records(withID id: String) throws(SQLiteError) -> [Record] {
        try database.query("SELECT \(Self.columns) FROM records WHERE hubspot_id = ?1 OR quickbooks_id = ?1 ORDER BY object, id", [.text(id)])
            .map(Self.record)
    }

    /// When a record last synced, per object.
    public func lastSync() throws(SQLiteError) -> [String: String] {
        var times: [String: String] = [:]
        for row in try database.query("SELECT object, MAX(last_sync) FROM records WHERE last_sync IS NOT NULL GROUP BY object") {
            if let object = row[0].text, let time = row[1].text { times[object] = time }
        }
        return times
    }

    /// Failed records per object and error category, most first.
    public func failedByCategory() throws(SQLiteError) -> [(object: String, category: String, records: Int)] {
        try database.query("""
            SELECT object, COALESCE(error_category, ''), COUNT(*) FROM records WHERE status = 'failed'
            GROUP BY object, error_category ORDER BY object, COUNT(*) DESC, error_category
            """).map { ($0[0].text ?? "", $0[1].text ?? "", Int($0[2].integer ?? 0)) }
    }

    /// How many records match a filter (the record view's total).
    public func count(object: String? = nil, status: Status? = nil, category: String? = nil) throws(SQLiteError) -> Int {
        Int(try database.query("""
            SELECT COUNT(*) FROM records WHERE (?1 IS NULL OR object = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR error_category = ?3)
            """, [object.map(SQLiteValue.text) ?? .null, status.map { .text($0.rawValue) } ?? .null, category.map(SQLiteValue.text) ?? .null])
            .first?.first?.integer ?? 0)
    }

    public func log(_ activity: Activity, for record: Int64) throws(SQLiteError) {
        try database.query("INSERT INTO activity (record, time, action, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                           [.integer(record), .text(activity.time), .text(activity.action), .text(activity.outcome), activity.detail.map(SQLiteValue.text) ?? .null])
    }

    /// A record's sync activity, oldest first.
    public func activity(of record: Int64) throws(SQLiteError) -> [Activity] {
        try database.query("SELECT time, action, outcome, detail FROM activity WHERE record = ? ORDER BY id", [.integer(record)]).map { row in
            Activity(time: row[0].text ?? "", action: row[1].text ?? "", outcome: row[2].text ?? "", detail: row[3].text)
        }
    }

    // MARK: The outbox

    /// An accepted change waiting for the connector's answer.
    public struct OutboxEntry: Sendable, Equatable {
        public var requestID: String
        public var object: String
        public var side: String
        /// The connector operation, as JSON.
        public var operation: String
        /// What to record when it is answered, as JSON.
        public var change: String

        public init(requestID: String, object: String, side: String, operation: String, change: String) {
            self.requestID = requestID
            self.object = object
            self.side = side
            self.operation = operation
            self.change = change
        }
    }

    public func enqueue(_ entries: [OutboxEntry]) throws(SQLiteError) {
        try database.transaction { () throws(SQLiteError) in
            var position = try database.query("SELECT COALESCE(MAX(position), 0) FROM outbox").first?.first?.integer ?? 0
            for entry in entries {
                position += 1
                try database.query("INSERT OR IGNORE INTO outbox (request_id, position, object, side, operation, change) VALUES (?, ?, ?, ?, ?, ?)",
                                   [.text(entry.requestID), .integer(position), .text(entry.object), .text(entry.side), .text(entry.operation), .text(entry.change)])
            }
        }
    }

    /// The changes waiting for an answer, oldest first.
    public func outbox(object: String? = nil) throws(SQLiteError) -> [OutboxEntry] {
        try database.query("SELECT request_id, object, side, operation, change FROM outbox WHERE (?1 IS NULL OR object = ?1) ORDER BY position",
                           [object.map(SQLiteValue.text) ?? .null]).map { row in
            OutboxEntry(requestID: row[0].text ?? "", object: row[1].text ?? "", side: row[2].text ?? "", operation: row[3].text ?? "", change: row[4].text ?? "")
        }
    }

    public func dequeue(_ requestID: String) throws(SQLiteError) {
        try database.query("DELETE FROM outbox WHERE request_id = ?", [.text(requestID)])
    }

    private static let columns = "id, object, hubspot_id, quickbooks_id, status, error_category, message, remedy, last_sync, hubspot_state, quickbooks_state"

    private static func record(_ row: [SQLiteValue]) -> Record {
        Record(id: row[0].integer, object: row[1].text ?? "", hubspotID: row[2].text, quickbooksID: row[3].text,
               status: row[4].text.flatMap(Status.init) ?? .failed, category: row[5].text, message: row[6].text, remedy: row[7].text,
               lastSync: row[8].text, hubspotState: row[9].text, quickbooksState: row[10].text)
    }
}
