import Foundation
import QBCheckCommand
import QBCheckCore
import QBCheckSync
import Testing

/// Example accounts of `corpus/accounts`, copied where a test may change them, and the command
/// run in process as a user runs it, with the clock fixed.
enum SyncFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let clock = "2025-01-12T12:00:00Z"

    /// A fresh copy of `corpus/accounts/NAME` in a temporary folder; its path.
    static func copy(_ name: String) throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-sync-\(UUID().uuidString)").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("corpus/accounts/\(name)"), to: target)
        return target.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// The account's files in memory under `root`.
    static func inMemory(_ name: String, at root: String = "/account") throws -> InMemoryFiles {
        let folder = repository.appendingPathComponent("corpus/accounts/\(name)")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = String(url.path.dropFirst(folder.path.count))
            files[root + relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return InMemoryFiles(files)
    }

    static func environment(clock: String = SyncFixture.clock) -> CommandEnvironment {
        var environment = CommandEnvironment.live(currentDirectory: FileManager.default.currentDirectoryPath) { [] }
        environment.clock = { clock }
        return environment
    }

    static func run(_ arguments: [String], environment: CommandEnvironment = SyncFixture.environment()) -> CommandResult {
        QBCheckTool.run(arguments, environment: environment)
    }

    /// The JSON output of a command.
    static func json(_ result: CommandResult) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(value as? [String: Any], "expected a JSON object: \(result.standardOutput) \(result.standardError)")
    }

    /// `create hubspot contacts 1 committed`: one line per change of a `sync plan|apply --format json`.
    static func changes(_ output: [String: Any]) -> [String] {
        (output["changes"] as? [[String: Any]] ?? []).map { change in
            let id = (change["id"] as? String).map { " → \($0)" } ?? ""
            let category = (change["category"] as? String).map { " \($0)" } ?? ""
            return "\(change["object"] ?? "") \(change["action"] ?? "") \(change["target"] ?? "") from \(change["sourceId"] ?? ""): \(change["outcome"] ?? "")\(category)\(id)"
        }
    }

    /// Every file of the snapshot (not the sync's own folder) and its bytes.
    static func snapshotFiles(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: path)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == ".qbcheck" {
                enumerator?.skipDescendants()
                continue
            }
            guard url.pathExtension == "json" else { continue }
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The sync records as rows of text, in a stable order.
    static func records(_ path: String) throws -> [String] {
        let store = SyncRecordStore(database: try SQLiteDatabase(path: SyncSession.recordsPath(of: path)))
        return try store.allRecords().map { record in
            [record.object, record.hubspotID ?? "-", record.quickbooksID ?? "-", record.status.rawValue, record.category ?? "-",
             record.lastSync ?? "-", record.hubspotState ?? "-", record.quickbooksState ?? "-"].joined(separator: " | ")
        }.sorted()
    }

    /// The records of one QBO or HubSpot file's list.
    static func list(_ path: String, _ file: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(file))
        let value = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        if let results = value?["results"] as? [[String: Any]] { return results }
        let query = value?["QueryResponse"] as? [String: Any]
        return query?.values.compactMap { $0 as? [[String: Any]] }.first ?? []
    }
}
