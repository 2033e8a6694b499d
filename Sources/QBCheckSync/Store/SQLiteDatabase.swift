import CSQLite
import Synchronization

/// The system's SQLite behind a lock: one connection, used from any thread, one statement at a
/// time. Values go in and out as `SQLiteValue`s, never as interpolated SQL.
public final class SQLiteDatabase: Sendable {
    private let connection: Mutex<Connection>
    /// How many transactions are open: inner ones are savepoints.
    private let depth = Mutex(0)
    public let path: String

    /// Opens (creating it if needed) the database at `path`; `:memory:` is an in-memory one.
    public init(path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            sqlite3_close(handle)
            throw SQLiteError(message: "\(path): \(message)")
        }
        // Another process holding the write lock makes us wait, not fail, for a while.
        sqlite3_busy_timeout(handle, 5_000)
        connection = Mutex(Connection(handle: handle))
        self.path = path
    }

    deinit {
        connection.withLock { connection in
            connection.forgetStatements()
            sqlite3_close(connection.handle)
            connection.handle = nil
        }
    }

    /// The open connection and its prepared statements, by their SQL.
    ///
    /// A statement is prepared once and kept: the sync asks the same few questions for every
    /// record, and compiling the SQL each time was a sixth of a whole sync's time.
    private struct Connection {
        var handle: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]

        mutating func statement(_ sql: String) throws(SQLiteError) -> OpaquePointer {
            if let statement = statements[sql] { return statement }
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                sqlite3_finalize(statement)
                throw SQLiteError(message: String(cString: sqlite3_errmsg(handle)))
            }
            // The store's SQL is a few dozen fixed texts; a caller building SQL from values
            // must not make the cache grow without end.
            if statements.count >= Self.statementsKept { forgetStatements() }
            statements[sql] = statement
            return statement
        }

        mutating func forgetStatements() {
            for statement in statements.values { sqlite3_finalize(statement) }
            statements = [:]
        }

        static let statementsKept = 64
    }

    /// Runs statements without results (several, separated by semicolons, for schemas).
    public func execute(_ sql: String) throws(SQLiteError) {
        try connection.withLock { (connection) throws(SQLiteError) in
            var error: UnsafeMutablePointer<CChar>?
            guard sqlite3_exec(connection.handle, sql, nil, nil, &error) == SQLITE_OK else {
                let message = error.map { String(cString: $0) } ?? "statement failed"
                sqlite3_free(error)
                throw SQLiteError(message: message)
            }
        }
    }

    /// Runs one statement with bound values and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        try connection.withLock { (connection) throws(SQLiteError) -> [[SQLiteValue]] in
            let handle = connection.handle
            let statement = try connection.statement(sql)
            // Ready for the next use, and its read or write lock let go, whatever happens here.
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                let status: Int32 = switch value {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let number): sqlite3_bind_int64(statement, position, number)
                case .text(let text): sqlite3_bind_text(statement, position, text, -1, SQLiteDatabase.transient)
                }
                guard status == SQLITE_OK else { throw SQLiteError(message: String(cString: sqlite3_errmsg(handle))) }
            }
            var rows: [[SQLiteValue]] = []
            while true {
                let step = sqlite3_step(statement)
                if step == SQLITE_DONE { return rows }
                guard step == SQLITE_ROW else { throw SQLiteError(message: String(cString: sqlite3_errmsg(handle))) }
                rows.append((0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_NULL: .null
                    case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                    default: .text(String(cString: sqlite3_column_text(statement, column)))
                    }
                })
            }
        }
    }

    /// Runs `body` in one transaction: all of it is committed, or none of it. A transaction
    /// inside another is a savepoint of it, so larger steps can be made of smaller ones.
    public func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        let level = depth.withLock { level in
            level += 1
            return level
        }
        defer { depth.withLock { $0 -= 1 } }
        // Prepared once and kept, as every query is: the store saves each record in a
        // savepoint of its own, and compiling these texts each time cost 3 % of a first sync.
        try query(level == 1 ? "BEGIN IMMEDIATE" : "SAVEPOINT level\(level)")
        do {
            let result = try body()
            try query(level == 1 ? "COMMIT" : "RELEASE level\(level)")
            return result
        } catch {
            try? execute(level == 1 ? "ROLLBACK" : "ROLLBACK TO level\(level); RELEASE level\(level)")
            throw error
        }
    }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(Int(-1), to: sqlite3_destructor_type.self)
}

/// A value SQLite stores: qbcheck keeps integers, text and nulls.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }
}

public struct SQLiteError: Error, Sendable, Equatable {
    public var message: String
}
