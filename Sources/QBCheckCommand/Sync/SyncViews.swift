import QBCheckCore
import QBCheckPreflight
import QBCheckSync

/// The views of the sync records, as HubSpot's sync health shows them: the object view (counts
/// per object), the record view (filtered, paged), a record's activity, and the export.
enum SyncViews {
    static let columns = ["record", "object", "hubspot_id", "quickbooks_id", "status", "error_category", "message", "remedy", "last_sync"]

    static func status(_ counts: [String: [SyncRecordStore.Status: Int]], failedByCategory: [(String, String, Int)], waiting: Int,
                       paused: [SyncPair.Object], lastSync: [String: String], account: String, format: SyncOptions.Format) -> String {
        if format == .json {
            return JSONWriter().write(.object([
                ("account", .string(account)),
                ("objects", .array(SyncPair.Object.syncOrder.map { object in
                    let row = counts[object.rawValue] ?? [:]
                    return .object([("object", .string(object.rawValue)), ("paused", .bool(paused.contains(object))),
                                    ("lastSync", lastSync[object.rawValue].map(JSONWriter.Value.string) ?? .null),
                                    ("synced", .integer(row[.synced] ?? 0)), ("failed", .integer(row[.failed] ?? 0)), ("excluded", .integer(row[.excluded] ?? 0))])
                })),
                ("failedByCategory", .array(failedByCategory.map { .object([("object", .string($0.0)), ("category", .string($0.1)), ("records", .integer($0.2))]) })),
                ("waiting", .integer(waiting)),
            ])) + "\n"
        }
        var text = "Sync health of \(account)\n\n"
        text += "  object      synced  failed  excluded  last sync\n"
        for object in SyncPair.Object.syncOrder {
            let row = counts[object.rawValue] ?? [:]
            let name = object.rawValue.padding(to: 10) + (paused.contains(object) ? "*" : " ")
            text += "  \(name)\(pad(row[.synced] ?? 0, 6))  \(pad(row[.failed] ?? 0, 6))  \(pad(row[.excluded] ?? 0, 8))  \(lastSync[object.rawValue] ?? "never")\n"
        }
        if !paused.isEmpty { text += "  * paused: its records stop syncing until `qbcheck sync resume`\n" }
        if !failedByCategory.isEmpty {
            text += "\nFailed, by error category (qbcheck sync records --status failed --category CATEGORY lists them):\n"
            for (object, category, count) in failedByCategory { text += "  \(object.padding(to: 10)) \(category): \(count)\n" }
        }
        if waiting > 0 { text += "\n\(waiting) accepted changes wait in the outbox: the next sync sends them first\n" }
        return text
    }

    static func records(_ records: [SyncRecordStore.Record], page: Int, pageSize: Int, total: Int, format: SyncOptions.Format,
                        columns chosen: [String]? = nil) -> String {
        if format == .json {
            return JSONWriter().write(.object([
                ("page", .integer(page)), ("pageSize", .integer(pageSize)), ("total", .integer(total)),
                ("records", .array(records.map { json($0, columns: chosen ?? columns) })),
            ])) + "\n"
        }
        guard !records.isEmpty else { return total == 0 ? "no sync records match\n" : "page \(page) is past the last page (\(total) records)\n" }
        var text = ""
        if let chosen {
            text += chosen.joined(separator: "\t") + "\n"
            for record in records { text += pick(record, chosen).map { $0 ?? "" }.joined(separator: "\t") + "\n" }
        }
        for record in records where chosen == nil {
            text += "#\(record.id ?? 0)  \(record.object)  HubSpot \(record.hubspotID ?? "-")  QBO \(record.quickbooksID ?? "-")  \(record.status.rawValue)"
            if let category = record.category { text += "  \(category)" }
            text += "\n"
            if record.status == .failed, let message = record.message { text += "      \(message)\n" }
        }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        text += "page \(page) of \(pages), \(total) records\(page < pages ? " (--page \(page + 1) for more)" : "")\n"
        return text
    }

    static func activity(_ history: [(SyncRecordStore.Record, [SyncRecordStore.Activity])], format: SyncOptions.Format) -> String {
        if format == .json {
            return JSONWriter().write(.array(history.map { record, activity in
                .object([("record", json(record)), ("activity", .array(activity.map { entry in
                    .object([("time", .string(entry.time)), ("action", .string(entry.action)), ("outcome", .string(entry.outcome)),
                             ("detail", entry.detail.map(JSONWriter.Value.string) ?? .null)])
                }))])
            })) + "\n"
        }
        var text = ""
        for (record, activity) in history {
            text += "#\(record.id ?? 0) \(record.object): HubSpot \(record.hubspotID ?? "-") ⇔ QBO \(record.quickbooksID ?? "-"), \(record.status.rawValue)\n"
            for entry in activity { text += "  \(entry.time)  \(entry.action)  \(entry.outcome)\(entry.detail.map { "  \($0)" } ?? "")\n" }
        }
        return text
    }

    /// RFC 4180 CSV (CRLF line ends, quotes doubled), UTF-8 with a byte order mark so that
    /// spreadsheets read accents right.
    static func csv(_ records: [SyncRecordStore.Record], columns chosen: [String]? = nil) -> String {
        let names = chosen ?? columns
        var text = "\u{FEFF}" + names.joined(separator: ",") + "\r\n"
        for record in records {
            text += pick(record, names).map { quoteCSV($0 ?? "") }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// The values of the named columns, in their order.
    static func pick(_ record: SyncRecordStore.Record, _ names: [String]) -> [String?] {
        let all = Dictionary(uniqueKeysWithValues: zip(columns, values(record)))
        return names.map { all[$0] ?? nil }
    }

    static func quoteCSV(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    static func values(_ record: SyncRecordStore.Record) -> [String?] {
        [record.id.map(String.init), record.object, record.hubspotID, record.quickbooksID, record.status.rawValue, record.category,
         record.message, record.remedy, record.lastSync]
    }

    static func json(_ record: SyncRecordStore.Record, columns names: [String] = columns) -> JSONWriter.Value {
        .object(zip(names, pick(record, names)).map { name, value in
            (name, name == "record" ? .integer(Int(record.id ?? 0)) : value.map(JSONWriter.Value.string) ?? .null)
        })
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
