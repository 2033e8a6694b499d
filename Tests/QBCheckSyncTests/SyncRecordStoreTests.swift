import Foundation
import QBCheckSync
import Testing

/// The sync records' SQLite store: schema versions and migrations, pairing, the object and
/// record views, the activity log.
@Suite struct SyncRecordStoreTests {
    func store() throws -> SyncRecordStore {
        let store = SyncRecordStore(database: try SQLiteDatabase(path: ":memory:"))
        try store.migrate()
        return store
    }

    @Test func aNewFileGetsTheCurrentSchema() throws {
        let store = try store()
        #expect(try store.version() == SyncRecordStore.currentVersion)
        try store.migrate()
        #expect(try store.version() == SyncRecordStore.currentVersion, "migrating twice changes nothing")
    }

    @Test func anOlderFileIsMigratedWithItsRecords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-sync-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            // A file of schema version 1, as the first qbcheck with sync records wrote it.
            let database = try SQLiteDatabase(path: path)
            try database.execute(SyncRecordStoreMigrationsV1.schema + "PRAGMA user_version = 1;")
            try database.query("INSERT INTO records (object, hubspot_id, quickbooks_id, status) VALUES ('contacts', '512', '58', 'synced')")
        }
        let store = SyncRecordStore(database: try SQLiteDatabase(path: path))
        #expect(try store.version() == 1)
        try store.migrate()
        #expect(try store.version() == SyncRecordStore.currentVersion)
        #expect(try store.find(object: "contacts", hubspotID: "512", quickbooksID: nil)?.quickbooksID == "58")
        let indexes = try store.database.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'activity_by_record'")
        #expect(indexes.count == 1, "migration 2 added the activity index")
    }

    @Test func aFileFromANewerQbcheckIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("PRAGMA user_version = 99")
        #expect(throws: SQLiteError.self) { try SyncRecordStore(database: database).migrate() }
    }

    @Test func recordsArePairedByEitherIdAndCounted() throws {
        let store = try store()
        let id = try store.save(.init(object: "contacts", hubspotID: "512", quickbooksID: nil, status: .failed,
                                      category: "duplicate-display-name", message: "taken", lastSync: "2025-01-10T10:00:00Z"))
        // The retry creates the customer: same row, now paired and synced.
        let again = try store.save(.init(object: "contacts", hubspotID: "512", quickbooksID: "63", status: .synced, lastSync: "2025-01-10T10:10:00Z"))
        #expect(again == id)
        try store.save(.init(object: "contacts", hubspotID: "516", quickbooksID: nil, status: .excluded, category: "no email address"))
        try store.save(.init(object: "invoices", hubspotID: "44446244097", quickbooksID: "245", status: .synced))
        #expect(try store.counts() == ["contacts": [.synced: 1, .excluded: 1], "invoices": [.synced: 1]])
        #expect(try store.records(object: "contacts", status: .excluded).map(\.hubspotID) == ["516"])
        #expect(try store.records(category: "no email address").count == 1)
        #expect(try store.records(limit: 1, offset: 1).map(\.hubspotID) == ["516"], "pages in a stable order")
        #expect(try store.find(object: "contacts", hubspotID: nil, quickbooksID: "63")?.hubspotID == "512")
    }

    @Test func activityIsLoggedInOrder() throws {
        let store = try store()
        let id = try store.save(.init(object: "invoices", hubspotID: "1", quickbooksID: nil, status: .failed, category: "hubspot-invoice-tax"))
        try store.log(.init(time: "2025-01-10T10:00:00Z", action: "create in QuickBooks", outcome: "failed", detail: "hubspot-invoice-tax"), for: id)
        try store.log(.init(time: "2025-01-10T10:10:00Z", action: "create in QuickBooks", outcome: "synced"), for: id)
        #expect(try store.activity(of: id).map(\.outcome) == ["failed", "synced"])
    }

    @Test func aTransactionIsAllOrNothing() throws {
        let store = try store()
        #expect(throws: SQLiteError.self) {
            try store.database.transaction { () throws(SQLiteError) in
                try store.database.query("INSERT INTO records (object, hubspot_id, status) VALUES ('contacts', '1', 'synced')")
                try store.database.query("INSERT INTO records (object, hubspot_id, status) VALUES ('contacts', '2', 'unknown')")
            }
        }
        #expect(try store.records().isEmpty)
    }

    /// Statements are prepared once and kept: each use must see its own values, a failed use
    /// must leave the statement usable and no lock behind, and a changed schema must be seen.
    @Test func keptStatementsAnswerEachUseAfresh() throws {
        let store = try store()
        let database = store.database
        let insert = "INSERT INTO records (object, hubspot_id, status) VALUES ('contacts', ?, ?)"
        try database.query(insert, [.text("1"), .text("synced")])
        #expect(throws: SQLiteError.self) { try database.query(insert, [.text("2"), .text("unknown")]) }
        try database.query(insert, [.text("3"), .text("synced")])
        let select = "SELECT hubspot_id FROM records WHERE hubspot_id = ?"
        #expect(try database.query(select, [.text("1")]) == [[.text("1")]])
        #expect(try database.query(select, [.text("2")]).isEmpty, "the refused insert left nothing")
        #expect(try database.query(select, [.text("3")]) == [[.text("3")]])
        // A value left out is null, not the one the last use bound.
        #expect(try database.query("SELECT ?1 IS NULL", [.integer(1)]) == [[.integer(0)]])
        #expect(try database.query("SELECT ?1 IS NULL") == [[.integer(1)]])
        try database.transaction { () throws(SQLiteError) in _ = try database.query(insert, [.text("4"), .text("synced")]) }
        // A kept statement sees a column added after it was prepared.
        try database.query("SELECT * FROM activity")
        try database.execute("ALTER TABLE activity ADD COLUMN note TEXT")
        try database.query("INSERT INTO activity (record, time, action, outcome, note) VALUES (1, 't', 'a', 'o', 'n')")
        #expect(try database.query("SELECT * FROM activity").first?.count == 7)
        // More distinct texts than are kept: the oldest are let go, every answer still right.
        for number in 0..<200 {
            #expect(try database.query("SELECT \(number) + ?", [.integer(1)]) == [[.integer(Int64(number) + 1)]])
        }
        #expect(try database.query(select, [.text("4")]) == [[.text("4")]])
    }
}

/// Schema version 1 as it shipped, to test the migration from it.
enum SyncRecordStoreMigrationsV1 {
    static let schema = """
        CREATE TABLE records (
            id INTEGER PRIMARY KEY, object TEXT NOT NULL, hubspot_id TEXT, quickbooks_id TEXT,
            status TEXT NOT NULL CHECK (status IN ('synced', 'failed', 'excluded')), error_category TEXT, message TEXT, remedy TEXT,
            last_sync TEXT, hubspot_state TEXT, quickbooks_state TEXT, UNIQUE (object, hubspot_id), UNIQUE (object, quickbooks_id));
        CREATE TABLE activity (id INTEGER PRIMARY KEY, record INTEGER NOT NULL REFERENCES records (id), time TEXT NOT NULL,
            action TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT);

        """
}
