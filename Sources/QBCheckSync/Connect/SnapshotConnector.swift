import QBCheckCore
import Synchronization

/// The offline connector: commits into the snapshot folder itself, rewriting the exported files
/// as a fresh export would show the result (new ids, SyncTokens and timestamps), so the whole
/// sync loop runs on one machine with no account. It answers as QBO and HubSpot would: a stale
/// SyncToken is error 5010, a display name already used is 6240, a missing record is 610.
///
/// Its journal (`DIR/.qbcheck/connector.sqlite`) is a write-ahead log: each batch's answers (the
/// records as written, by request id) are committed there before they are returned, and the
/// files are rewritten once per sync step (`finish`), not once per batch, so a large first sync
/// stays linear. A run stopped before the files were written replays the unwritten answers into
/// them the next time the connector opens; a repeated request id gets its first answer again.
public final class SnapshotConnector: Sendable {
    public let directory: String
    public let fileSystem: FileSystem
    public let journal: SQLiteDatabase
    public let now: @Sendable () -> String
    /// Called at each durable step (for the crash tests).
    public let checkpoint: @Sendable (String) -> Void
    /// The two sides' files as this connector last left them (it is their only writer while
    /// the account is locked).
    private let folders: Mutex<[SyncSide: ExportFolder]>

    public init(directory: String, fileSystem: FileSystem, journal: SQLiteDatabase, now: @escaping @Sendable () -> String,
                checkpoint: @escaping @Sendable (String) -> Void = { _ in }) throws(ConnectorError) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.journal = journal
        self.now = now
        self.checkpoint = checkpoint
        folders = Mutex(Self.load(directory: directory, fileSystem: fileSystem))
        do {
            try journal.execute("""
                CREATE TABLE IF NOT EXISTS answers (
                    request_id TEXT PRIMARY KEY, side TEXT NOT NULL, entity TEXT NOT NULL, answer TEXT NOT NULL,
                    removed TEXT, written INTEGER NOT NULL DEFAULT 0
                );
                """)
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
        try replay(writing: true)
    }

    private static func load(directory: String, fileSystem: FileSystem) -> [SyncSide: ExportFolder] {
        [.quickbooks: ExportFolder(folder: ExportFolder.join(directory, "quickbooks"), fileSystem: fileSystem),
         .hubspot: ExportFolder(folder: ExportFolder.join(directory, "hubspot"), fileSystem: fileSystem)]
    }

    public var connector: Connector {
        Connector(name: "offline snapshot", batchLimit: Connector.defaultBatchLimit,
                  commit: { (operations) throws(ConnectorError) -> [ConnectorResult] in try self.commit(operations) },
                  finish: { () throws(ConnectorError) in try self.finish() })
    }

    /// Answers committed to the journal whose files were never written (a stopped run): put
    /// them into the files now, in the order they were answered.
    private func replay(writing: Bool) throws(ConnectorError) {
        let rows: [[SQLiteValue]]
        do {
            rows = try journal.query("SELECT side, entity, answer, removed FROM answers WHERE written = 0 ORDER BY rowid")
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
        guard !rows.isEmpty else { return }
        let time = now()
        folders.withLock { folders in
            for row in rows {
                guard let side = row[0].text.flatMap(SyncSide.init), let entity = row[1].text,
                      let answer = row[2].text.flatMap({ JSONTree.parse($0) }).flatMap(ConnectorResult.init(json:)),
                      case .committed(let record, let lineItems) = answer else { continue }
                let removed = Set((row[3].text.flatMap { JSONTree.parse($0) }?.array ?? []).compactMap(\.string))
                switch side {
                case .quickbooks:
                    folders[.quickbooks]?.upsertQuickBooks(record, entity: entity, time: time)
                case .hubspot:
                    folders[.hubspot]?.removeHubSpot(ids: removed, type: "line_items")
                    for line in lineItems { folders[.hubspot]?.upsertHubSpot(line, type: "line_items") }
                    folders[.hubspot]?.upsertHubSpot(record, type: entity)
                }
            }
        }
        if writing { try finish() }
    }

    func commit(_ operations: [ConnectorOperation]) throws(ConnectorError) -> [ConnectorResult] {
        let time = now()
        var results: [ConnectorResult] = []
        var answered: [(ConnectorOperation, ConnectorResult, removed: [String])] = []
        var previous: [String: ConnectorResult] = [:]
        for operation in operations {
            if let answer = try previousAnswer(operation.requestID) { previous[operation.requestID] = answer }
        }
        folders.withLock { folders in
            for operation in operations {
                if let answer = previous[operation.requestID] {
                    results.append(answer)
                    continue
                }
                var removed: [String] = []
                let result = switch operation.side {
                case .quickbooks: Self.apply(operation, to: &folders[.quickbooks]!, time: time)
                case .hubspot: Self.applyHubSpot(operation, to: &folders[.hubspot]!, time: time, removed: &removed)
                }
                results.append(result)
                if case .committed = result { answered.append((operation, result, removed)) }
            }
        }
        do {
            try journal.transaction { () throws(SQLiteError) in
                for (operation, result, removed) in answered {
                    try journal.query("INSERT OR REPLACE INTO answers (request_id, side, entity, answer, removed) VALUES (?, ?, ?, ?, ?)",
                                      [.text(operation.requestID), .text(operation.side.rawValue), .text(operation.entity),
                                       .text(result.json.written(indent: 0)), .text(JSONTree.array(removed.map(JSONTree.string)).written(indent: 0))])
                }
            }
        } catch {
            // The batch is not answered: forget what it did to the files, as they stand on disk
            // with the journal's unwritten answers.
            folders.withLock { $0 = Self.load(directory: directory, fileSystem: fileSystem) }
            try? replay(writing: false)
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
        checkpoint("connector answered a batch")
        return results
    }

    /// Writes the files the answered batches changed, each atomically, then notes in the
    /// journal that their answers are written.
    func finish() throws(ConnectorError) {
        let files = folders.withLock { folders in
            (folders[.quickbooks]?.takeChanged() ?? []) + (folders[.hubspot]?.takeChanged() ?? [])
        }
        guard !files.isEmpty else { return }
        for file in files {
            do {
                try fileSystem.write(file.path, file.bytes)
            } catch {
                // The answers stay unwritten in the journal: the next run writes them.
                throw ConnectorError("\(file.path): \((error as? FileSystemError)?.message ?? "cannot write the file")")
            }
        }
        checkpoint("connector wrote the files")
        do {
            try journal.query("UPDATE answers SET written = 1 WHERE written = 0")
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
    }

    private func previousAnswer(_ requestID: String) throws(ConnectorError) -> ConnectorResult? {
        do {
            return try journal.query("SELECT answer FROM answers WHERE request_id = ?", [.text(requestID)]).first?.first?.text
                .flatMap { JSONTree.parse($0) }.flatMap(ConnectorResult.init(json:))
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
    }

    // MARK: QuickBooks Online

    static func apply(_ operation: ConnectorOperation, to folder: inout ExportFolder, time: String) -> ConnectorResult {
        let entity = operation.entity
        var record = operation.record
        let named = ["Customer", "Vendor", "Employee"].contains(entity)
        let name = named ? record["DisplayName"]?.text : nil
        if let name, let holder = folder.displayNameHolder(name), holder != operation.id {
            return .fault(code: "6240", message: "Duplicate Name Exists Error: The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.")
        }
        let quickbooksTime = time.replacingOccurrences(ofSuffix: "Z", with: "+00:00")
        if var lines = record["Line"]?.array {
            // QBO numbers the lines of a transaction it saves.
            var next = (lines.compactMap { $0["Id"]?.text.flatMap { Int($0) } }.max() ?? 0) + 1
            for index in lines.indices where lines[index]["Id"] == nil && lines[index]["DetailType"]?.string != "SubTotalLineDetail" {
                lines[index]["Id"] = .string(String(next))
                next += 1
            }
            record["Line"] = .array(lines)
        }
        switch operation.action {
        case .create:
            let id = folder.nextID(quickbooks: entity)
            record["Id"] = .string(id)
            record["SyncToken"] = "0"
            record["domain"] = "QBO"
            record["sparse"] = false
            record["MetaData"] = ["CreateTime": .string(quickbooksTime), "LastUpdatedTime": .string(quickbooksTime)]
            folder.appendQuickBooks(record, entity: entity, time: quickbooksTime)
            if named { folder.noteDisplayName(name, id: id, replacing: nil) }
        case .update:
            guard let id = operation.id, let slot = folder.quickbooksSlot(entity, id: id), let current = folder[slot: slot] else {
                return .fault(code: "610", message: "Object Not Found : Another user has deleted this transaction.")
            }
            let token = current["SyncToken"]?.text ?? "0"
            if let planned = operation.syncToken, planned != token {
                return .fault(code: "5010", message: "Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.")
            }
            record["Id"] = .string(id)
            record["SyncToken"] = .string(String((Int(token) ?? 0) + 1))
            record[path: ["MetaData", "CreateTime"]] = current[path: ["MetaData", "CreateTime"]] ?? .string(quickbooksTime)
            record[path: ["MetaData", "LastUpdatedTime"]] = .string(quickbooksTime)
            folder[slot: slot] = record
            if named { folder.noteDisplayName(name, id: id, replacing: current["DisplayName"]?.text) }
        }
        return .committed(record: record, lineItems: [])
    }

    // MARK: HubSpot

    static func applyHubSpot(_ operation: ConnectorOperation, to folder: inout ExportFolder, time: String, removed: inout [String]) -> ConnectorResult {
        let type = operation.entity
        let path = ExportFolder.join(folder.folder, type + ".json")
        var record = operation.record
        let email = type == "contacts" ? record[path: ["properties", "email"]]?.text : nil
        if let email, let holder = folder.emailHolder(email), holder != operation.id {
            return .fault(code: "409", message: "Contact already exists. Existing email: \(email.lowercased())")
        }
        var current: JSONTree?
        var slot: ExportFolder.Slot?
        switch operation.action {
        case .create:
            let id = folder.nextID(hubspot: path, floor: Self.idFloor(type))
            record["id"] = .string(id)
            record[path: ["properties", "hs_object_id"]] = .string(id)
            record[path: ["properties", type == "invoices" ? "hs_createdate" : "createdate"]] = .string(time)
            record["createdAt"] = .string(time)
            record["archived"] = false
        case .update:
            guard let id = operation.id, let found = folder.hubspotSlot(path, id: id) else {
                return .fault(code: "404", message: "resource not found: \(type) \(operation.id ?? "")")
            }
            slot = found
            current = folder[slot: found]
            record["id"] = .string(id)
            record["createdAt"] = current?["createdAt"] ?? .string(time)
        }
        record[path: ["properties", type == "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate"]] = .string(time)
        record["updatedAt"] = .string(time)

        var created: [JSONTree] = []
        if let lineItems = operation.lineItems {
            // The invoice's line items are replaced by the given ones.
            removed = (current?[path: ["associations", "line items", "results"]]?.array ?? []).compactMap { $0["id"]?.text }
            folder.removeHubSpot(ids: Set(removed), type: "line_items")
            let linePath = ExportFolder.join(folder.folder, "line_items.json")
            for item in lineItems {
                var line = item
                let id = folder.nextID(hubspot: linePath, floor: Self.idFloor("line_items"))
                line["id"] = .string(id)
                line[path: ["properties", "hs_object_id"]] = .string(id)
                line[path: ["properties", "createdate"]] = .string(time)
                line["createdAt"] = .string(time)
                line["updatedAt"] = .string(time)
                line["archived"] = false
                folder.appendHubSpot(line, type: "line_items")
                created.append(line)
            }
            var associations = record["associations"] ?? .object([])
            associations["line items"] = ["results": .array(created.map { ["id": $0["id"] ?? .null, "type": "invoice_to_line_item"] })]
            record["associations"] = associations
        }
        if let slot {
            folder[slot: slot] = record
        } else {
            folder.appendHubSpot(record, type: type)
        }
        if type == "contacts", let id = record["id"]?.text {
            folder.noteEmail(email, id: id, replacing: current?[path: ["properties", "email"]]?.text)
        }
        return .committed(record: record, lineItems: created)
    }

    /// Where new HubSpot ids start when a file has none larger (HubSpot ids are large numbers).
    static func idFloor(_ type: String) -> Int {
        switch type {
        case "contacts": 1000
        case "line_items": 1_526_713_000
        case "products": 17_727_139_000
        case "invoices": 44_446_260_000
        default: 1000
        }
    }
}

extension String {
    func replacingOccurrences(ofSuffix suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
