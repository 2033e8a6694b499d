/// Where the sync's accepted changes are committed, as a value: the offline one writes into the
/// snapshot folder (`Connector.snapshot`), the in-memory one serves tests
/// (`InMemoryConnector`), and an HTTP one to the real QBO and HubSpot APIs fits the same shape.
///
/// `commit` takes at most `batchLimit` operations of one side and answers each, in order; an
/// operation whose request id was answered before gets that first answer again.
public struct Connector: Sendable {
    /// QBO's batch endpoint takes at most 30 operations per request.
    public static let defaultBatchLimit = 30

    public var name: String
    public var batchLimit: Int
    public var commit: @Sendable ([ConnectorOperation]) throws(ConnectorError) -> [ConnectorResult]
    /// Called after each step of the sync (each object pair): a connector that buffers its
    /// writes makes them visible here. What it committed is durable before `commit` returns.
    public var finish: @Sendable () throws(ConnectorError) -> Void

    public init(name: String, batchLimit: Int = Connector.defaultBatchLimit,
                commit: @escaping @Sendable ([ConnectorOperation]) throws(ConnectorError) -> [ConnectorResult],
                finish: @escaping @Sendable () throws(ConnectorError) -> Void = {}) {
        self.name = name
        self.batchLimit = batchLimit
        self.commit = commit
        self.finish = finish
    }
}
