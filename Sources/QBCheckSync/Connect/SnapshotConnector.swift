import QBCheckCore

/// The offline connector: commits into the snapshot folder itself, rewriting the exported files
/// as a fresh export would show the result (new ids, SyncTokens and timestamps), so the whole
/// sync loop runs on one machine with no account. It answers as QBO and HubSpot would: a stale
/// SyncToken is error 5010, a display name already used is 6240, a missing record is 610.
///
/// Its own journal (`DIR/.qbcheck/connector.sqlite`) makes each batch all-or-nothing and
/// idempotent: the answers and the new file contents are committed there first, then the files
/// are written; a run stopped between the two finishes the writes the next time it opens.
public struct SnapshotConnector: Sendable {
    public var directory: String
    public var fileSystem: FileSystem
    public var journal: SQLiteDatabase
    public var now: @Sendable () -> String
    /// Called at each durable step (for the crash tests).
    public var checkpoint: @Sendable (String) -> Void

    public init(directory: String, fileSystem: FileSystem, journal: SQLiteDatabase, now: @escaping @Sendable () -> String,
                checkpoint: @escaping @Sendable (String) -> Void = { _ in }) throws(ConnectorError) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.journal = journal
        self.now = now
        self.checkpoint = checkpoint
        do {
            try journal.execute("""
                CREATE TABLE IF NOT EXISTS answers (request_id TEXT PRIMARY KEY, answer TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS pending_writes (path TEXT PRIMARY KEY, content TEXT NOT NULL);
                """)
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
        try finishWrites()
    }

    public var connector: Connector {
        Connector(name: "offline snapshot") { (operations) throws(ConnectorError) -> [ConnectorResult] in
            try commit(operations)
        }
    }

    /// Writes the files a committed batch left unwritten.
    func finishWrites() throws(ConnectorError) {
        do {
            for row in try journal.query("SELECT path, content FROM pending_writes ORDER BY path") {
                guard let path = row[0].text, let content = row[1].text else { continue }
                do {
                    try fileSystem.write(path, Array(content.utf8))
                } catch {
                    throw ConnectorError("\(path): \((error as? FileSystemError)?.message ?? "cannot write the file")")
                }
                try journal.query("DELETE FROM pending_writes WHERE path = ?", [.text(path)])
            }
        } catch let error as ConnectorError {
            throw error
        } catch {
            throw ConnectorError("the offline connector's journal: \((error as? SQLiteError)?.message ?? "\(error)")")
        }
    }

    func commit(_ operations: [ConnectorOperation]) throws(ConnectorError) -> [ConnectorResult] {
        try finishWrites()
        let time = now()
        var quickbooks = ExportFolder(folder: ExportFolder.join(directory, "quickbooks"), fileSystem: fileSystem)
        var hubspot = ExportFolder(folder: ExportFolder.join(directory, "hubspot"), fileSystem: fileSystem)
        var results: [ConnectorResult] = []
        var answered: [(String, ConnectorResult)] = []
        for operation in operations {
            if let answer = try previousAnswer(operation.requestID) {
                results.append(answer)
                continue
            }
            let result = switch operation.side {
            case .quickbooks: Self.apply(operation, to: &quickbooks, time: time)
            case .hubspot: Self.apply(operation, to: &hubspot, time: time)
            }
            results.append(result)
            if case .committed = result { answered.append((operation.requestID, result)) }
        }
        let writes = (quickbooks.changed.compactMap { quickbooks.files[$0] } + hubspot.changed.compactMap { hubspot.files[$0] })
        do {
            try journal.transaction { () throws(SQLiteError) in
                for (requestID, result) in answered {
                    try journal.query("INSERT OR REPLACE INTO answers (request_id, answer) VALUES (?, ?)", [.text(requestID), .text(result.json.written(indent: 0))])
                }
                for file in writes {
                    try journal.query("INSERT OR REPLACE INTO pending_writes (path, content) VALUES (?, ?)",
                                      [.text(file.path), .text(String(decoding: file.bytes, as: UTF8.self))])
                }
            }
        } catch {
            throw ConnectorError("the offline connector's journal: \(error.message)")
        }
        checkpoint("connector answered a batch")
        try finishWrites()
        checkpoint("connector wrote the files")
        return results
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
        if operation.side == .hubspot { return applyHubSpot(operation, to: &folder, time: time) }
        let entity = operation.entity
        let slots = folder.quickbooksSlots(entity)
        let existing = slots.compactMap { folder[slot: $0] }
        var record = operation.record
        if let name = record["DisplayName"]?.text, ["Customer", "Vendor", "Employee"].contains(entity) {
            let names = ["Customer", "Vendor", "Employee"].flatMap { folder.quickbooksSlots($0).compactMap { folder[slot: $0] } }
            if names.contains(where: { $0["DisplayName"]?.text?.lowercased() == name.lowercased() && $0["Id"]?.text != operation.id }) {
                return .fault(code: "6240", message: "Duplicate Name Exists Error: The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.")
            }
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
            record["Id"] = .string(ExportFolder.nextID(after: existing, key: "Id", floor: 0))
            record["SyncToken"] = "0"
            record["domain"] = "QBO"
            record["sparse"] = false
            record["MetaData"] = ["CreateTime": .string(quickbooksTime), "LastUpdatedTime": .string(quickbooksTime)]
            folder.appendQuickBooks(record, entity: entity, time: quickbooksTime)
        case .update:
            guard let id = operation.id, let slot = slots.first(where: { folder[slot: $0]?["Id"]?.text == id }), let current = folder[slot: slot] else {
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
        }
        return .committed(record: record, lineItems: [])
    }

    // MARK: HubSpot

    static func applyHubSpot(_ operation: ConnectorOperation, to folder: inout ExportFolder, time: String) -> ConnectorResult {
        let type = operation.entity
        let path = ExportFolder.join(folder.folder, type + ".json")
        let slots = folder.hubspotSlots(path)
        var record = operation.record
        if type == "contacts", let email = record[path: ["properties", "email"]]?.text?.lowercased(),
           slots.contains(where: { folder[slot: $0]?[path: ["properties", "email"]]?.text?.lowercased() == email && folder[slot: $0]?["id"]?.text != operation.id }) {
            return .fault(code: "409", message: "Contact already exists. Existing email: \(email)")
        }
        var current: JSONTree?
        var slot: ExportFolder.Slot?
        switch operation.action {
        case .create:
            let id = ExportFolder.nextID(after: slots.compactMap { folder[slot: $0] }, key: "id", floor: Self.idFloor(type))
            record["id"] = .string(id)
            record[path: ["properties", "hs_object_id"]] = .string(id)
            record[path: ["properties", type == "invoices" ? "hs_createdate" : "createdate"]] = .string(time)
            record["createdAt"] = .string(time)
            record["archived"] = false
        case .update:
            guard let id = operation.id, let found = slots.first(where: { folder[slot: $0]?["id"]?.text == id }) else {
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
            let old = Set((current?[path: ["associations", "line items", "results"]]?.array ?? []).compactMap { $0["id"]?.text })
            folder.removeHubSpot(ids: old, type: "line_items")
            let linePath = ExportFolder.join(folder.folder, "line_items.json")
            var existing = folder.hubspotSlots(linePath).compactMap { folder[slot: $0] }
            for item in lineItems {
                var line = item
                let id = ExportFolder.nextID(after: existing, key: "id", floor: Self.idFloor("line_items"))
                line["id"] = .string(id)
                line[path: ["properties", "hs_object_id"]] = .string(id)
                line[path: ["properties", "createdate"]] = .string(time)
                line["createdAt"] = .string(time)
                line["updatedAt"] = .string(time)
                line["archived"] = false
                folder.appendHubSpot(line, type: "line_items")
                existing.append(line)
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
