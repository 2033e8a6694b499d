/// One write the sync asks of a system: create or update one record.
///
/// Shaped after QBO's batch API, so an HTTP connector fits behind the same value: an idempotency
/// key per operation (QBO's `requestid`: a repeated key returns the first answer instead of
/// writing twice), the SyncToken the update was planned against (QBO refuses a stale one with
/// error 5010), and, for HubSpot invoices, the line items to create and associate with it.
public struct ConnectorOperation: Sendable, Equatable {
    public enum Action: String, Sendable {
        case create, update
    }

    /// At most 36 characters, as QBO allows for batch requests.
    public var requestID: String
    public var side: SyncSide
    /// QBO entity (`Customer`, `Item`, `Invoice`) or HubSpot object type (`contacts`, `products`, `invoices`).
    public var entity: String
    public var action: Action
    /// The record updated; nil for a creation.
    public var id: String?
    /// QBO: the SyncToken the update was planned against.
    public var syncToken: String?
    /// The whole record as it should stand (without the ids the system assigns on creation).
    public var record: JSONTree
    /// HubSpot invoices: the line items it should have (created and associated); nil leaves them.
    public var lineItems: [JSONTree]?

    public init(requestID: String, side: SyncSide, entity: String, action: Action, id: String? = nil, syncToken: String? = nil,
                record: JSONTree, lineItems: [JSONTree]? = nil) {
        self.requestID = requestID
        self.side = side
        self.entity = entity
        self.action = action
        self.id = id
        self.syncToken = syncToken
        self.record = record
        self.lineItems = lineItems
    }

    /// The operation as JSON, as the outbox keeps it until its answer is recorded.
    public var json: JSONTree {
        var tree: JSONTree = ["requestID": .string(requestID), "side": .string(side.rawValue), "entity": .string(entity),
                              "action": .string(action.rawValue), "record": record]
        if let id { tree["id"] = .string(id) }
        if let syncToken { tree["syncToken"] = .string(syncToken) }
        if let lineItems { tree["lineItems"] = .array(lineItems) }
        return tree
    }

    public init?(json: JSONTree) {
        guard let requestID = json["requestID"]?.string, let side = json["side"]?.string.flatMap(SyncSide.init),
              let entity = json["entity"]?.string, let action = json["action"]?.string.flatMap(Action.init),
              let record = json["record"] else { return nil }
        self.init(requestID: requestID, side: side, entity: entity, action: action, id: json["id"]?.string,
                  syncToken: json["syncToken"]?.string, record: record, lineItems: json["lineItems"]?.array)
    }
}

/// What a system answered for one operation.
public enum ConnectorResult: Sendable, Equatable {
    /// Written: the record as it now stands (with its id and SyncToken), and its line items.
    case committed(record: JSONTree, lineItems: [JSONTree])
    /// Refused: the system's error code and message (QBO's `Fault`), the record unchanged.
    case fault(code: String, message: String)

    public var json: JSONTree {
        switch self {
        case .committed(let record, let lineItems): ["committed": record, "lineItems": .array(lineItems)]
        case .fault(let code, let message): ["fault": ["code": .string(code), "message": .string(message)]]
        }
    }

    public init?(json: JSONTree) {
        if let record = json["committed"] {
            self = .committed(record: record, lineItems: json["lineItems"]?.array ?? [])
        } else if let fault = json["fault"], let code = fault["code"]?.string {
            self = .fault(code: code, message: fault["message"]?.string ?? "")
        } else {
            return nil
        }
    }
}

/// A failure of the whole batch (the system could not be reached, the disk is full): no
/// operation of it is known to be written, and all of them are tried again on the next run.
public struct ConnectorError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
