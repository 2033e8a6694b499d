import QBCheckCore
import QBCheckPreflight
import QBCheckSync

/// Changes `qbcheck.json` for `sync pause`, `resume` and `delete`, keeping everything else of
/// it as it was (members in their order, values as written).
enum SettingsEditor {
    struct Failure: Error {
        var message: String
    }

    static func path(of account: String) -> String {
        account.hasSuffix("/") ? account + "qbcheck.json" : account + "/qbcheck.json"
    }

    /// The settings as a tree (a new file's when there is none), refusing an invalid one.
    static func read(_ account: String, fileSystem: FileSystem) throws(Failure) -> JSONTree {
        let path = path(of: account)
        guard fileSystem.listFolder(account)?.contains("qbcheck.json") == true else {
            return ["qbcheck": .number(String(SyncSettings.formatVersion)), "sync": .object([])]
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.read(path)
        } catch {
            throw Failure(message: "\(path): error: \((error as? FileSystemError)?.message ?? "cannot read the file")")
        }
        let file = SourceFile(name: path, bytes: bytes)
        if case .failure(let error) = SettingsLoader.read(file) {
            throw Failure(message: ReportRenderer.line(error) + "error: qbcheck.json was not changed: fix it first")
        }
        guard case .success(let value) = JSONReader.readSingle(file) else { throw Failure(message: "\(path): error: cannot read the settings") }
        return JSONTree(value)
    }

    static func write(_ tree: JSONTree, to account: String, fileSystem: FileSystem) throws(Failure) {
        do {
            try fileSystem.write(path(of: account), Array((tree.written() + "\n").utf8))
        } catch {
            throw Failure(message: "\(path(of: account)): error: \((error as? FileSystemError)?.message ?? "cannot write the file")")
        }
    }

    /// Pauses or resumes a pair. A pair the file does not name gets HubSpot's recommended
    /// direction written, so pausing changes nothing else.
    static func setEnabled(_ enabled: Bool, _ object: SyncPair.Object, in tree: inout JSONTree) {
        var pair = tree[path: ["sync", object.rawValue]] ?? ["direction": .string(RecommendedSetup.direction(of: object).rawValue)]
        pair["enabled"] = enabled ? nil : false
        if enabled, pair[SettingsEditor.deletedMarker] != nil {
            pair[SettingsEditor.deletedMarker] = nil
            pair["direction"] = pair["direction"] ?? .string(RecommendedSetup.direction(of: object).rawValue)
        }
        tree[path: ["sync", object.rawValue]] = pair
    }

    static let deletedMarker = "$comment"

    /// Removes a pair's settings; it stays off (HubSpot's deleted pair does not sync) until
    /// `sync resume` sets it up again with the recommended direction.
    static func delete(_ object: SyncPair.Object, in tree: inout JSONTree) {
        tree[path: ["sync", object.rawValue]] = [
            "enabled": false,
            deletedMarker: .string("deleted by qbcheck sync delete: `qbcheck sync resume \(object.rawValue)` sets it up again"),
        ]
    }
}
