import QBCheckCore
import Synchronization

/// The in-memory form of the connector, for tests: an offline connector over files held in
/// memory, which remembers every batch it was sent and fails the operations (or whole batches)
/// a test asks it to, as QBO's batch endpoint can: one item's fault in a batch of successes.
public final class InMemoryConnector: Sendable {
    public typealias Fault = (code: String, message: String)

    public let files: InMemoryFiles
    public let directory: String
    private let inner: SnapshotConnector
    private let state = Mutex(State())

    struct State {
        var batches: [[ConnectorOperation]] = []
        var faults: [@Sendable (ConnectorOperation) -> Fault?] = []
        var unreachable: String?
    }

    public init(directory: String, files: InMemoryFiles, now: @escaping @Sendable () -> String) throws {
        self.files = files
        self.directory = directory
        inner = try SnapshotConnector(directory: directory, fileSystem: .inMemory(files), journal: SQLiteDatabase(path: ":memory:"), now: now)
    }

    /// Every batch sent, in order.
    public var batches: [[ConnectorOperation]] { state.withLock { $0.batches } }

    /// Operations for which `rule` gives a fault are refused with it; the others of their batch commit.
    public func fail(when rule: @escaping @Sendable (ConnectorOperation) -> Fault?) {
        state.withLock { $0.faults.append(rule) }
    }

    /// Every batch fails as a whole (the system cannot be reached) until `reachable()`.
    public func unreachable(_ message: String) {
        state.withLock { $0.unreachable = message }
    }

    public func reachable() {
        state.withLock {
            $0.unreachable = nil
            $0.faults = []
        }
    }

    public var connector: Connector {
        Connector(name: "in-memory", commit: { [self] (operations) throws(ConnectorError) -> [ConnectorResult] in
            let (faults, unreachable) = state.withLock { state in
                state.batches.append(operations)
                return (state.faults, state.unreachable)
            }
            if let unreachable { throw ConnectorError(unreachable) }
            var results = [ConnectorResult?](repeating: nil, count: operations.count)
            var passed: [(Int, ConnectorOperation)] = []
            for (index, operation) in operations.enumerated() {
                if let fault = faults.lazy.compactMap({ $0(operation) }).first {
                    results[index] = .fault(code: fault.code, message: fault.message)
                } else {
                    passed.append((index, operation))
                }
            }
            let answers = try inner.commit(passed.map(\.1))
            for ((index, _), answer) in zip(passed, answers) { results[index] = answer }
            return results.map { $0 ?? .fault(code: "no-answer", message: "no answer") }
        }, finish: { [inner] () throws(ConnectorError) in try inner.finish() })
    }
}
