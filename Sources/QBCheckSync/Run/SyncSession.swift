import Foundation
import QBCheckCore

/// An account's sync state on disk, opened for one command: `DIR/.qbcheck/sync.sqlite` (the sync
/// records), `DIR/.qbcheck/connector.sqlite` (the offline connector's journal) and the lock.
public struct SyncSession: Sendable {
    public var directory: String
    public var store: SyncRecordStore
    public var lock: AccountLock?

    public static func folder(of directory: String) -> String {
        directory.hasSuffix("/") ? directory + ".qbcheck" : directory + "/.qbcheck"
    }

    public static func recordsPath(of directory: String) -> String { folder(of: directory) + "/sync.sqlite" }
    public static func journalPath(of directory: String) -> String { folder(of: directory) + "/connector.sqlite" }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Opens (creating them when missing) the account's sync files; `locked` takes the lock.
    public static func open(_ directory: String, locked: Bool, wait: Bool = false) throws(Failure) -> SyncSession {
        let folder = folder(of: directory)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "\(folder): cannot create the sync folder (\(error.localizedDescription))")
        }
        var lock: AccountLock?
        if locked {
            do {
                lock = try AccountLock(path: folder + "/lock", wait: wait)
            } catch {
                throw Failure(message: "\(directory): \(error.message)")
            }
        }
        do {
            let store = SyncRecordStore(database: try SQLiteDatabase(path: recordsPath(of: directory)))
            try store.migrate()
            return SyncSession(directory: directory, store: store, lock: lock)
        } catch {
            throw Failure(message: error.message)
        }
    }

    /// The sync records, read only when they exist (views of an account never synced are empty).
    public static func existingRecords(_ directory: String) throws(Failure) -> SyncRecordStore? {
        guard FileManager.default.fileExists(atPath: recordsPath(of: directory)) else { return nil }
        return try open(directory, locked: false).store
    }

    /// A copy of the offline connector's journal in memory, for a dry run.
    public static func copyJournalInMemory(_ directory: String) throws(Failure) -> SQLiteDatabase {
        do {
            let journal = try SQLiteDatabase(path: ":memory:")
            let path = journalPath(of: directory)
            guard FileManager.default.fileExists(atPath: path) else { return journal }
            try journal.query("ATTACH DATABASE ? AS source", [.text(path)])
            try journal.execute("""
                CREATE TABLE answers AS SELECT * FROM source.answers;
                DETACH DATABASE source;
                """)
            return journal
        } catch {
            throw Failure(message: error.message)
        }
    }

    /// A copy of the sync records in memory, for a dry run.
    public static func copyInMemory(_ directory: String) throws(Failure) -> SyncRecordStore {
        do {
            let store = SyncRecordStore(database: try SQLiteDatabase(path: ":memory:"))
            try store.migrate()
            let path = recordsPath(of: directory)
            if FileManager.default.fileExists(atPath: path) {
                let source = SyncRecordStore(database: try SQLiteDatabase(path: path))
                try source.migrate()
                try store.database.query("ATTACH DATABASE ? AS source", [.text(path)])
                try store.database.execute("""
                    INSERT INTO main.records SELECT * FROM source.records;
                    INSERT INTO main.activity SELECT * FROM source.activity;
                    INSERT INTO main.outbox SELECT * FROM source.outbox;
                    DETACH DATABASE source;
                    """)
            }
            return store
        } catch {
            throw Failure(message: error.message)
        }
    }
}
