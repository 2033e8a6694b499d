/// Reads a snapshot folder into an `AccountSnapshot`:
/// `DIR/quickbooks/*.json` (QBO responses, recognized by content, and `custom-fields.json`),
/// `DIR/hubspot/<objecttype>.json` (CRM exports, typed by file name) and `DIR/qbcheck.json`.
public struct AccountLoader: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = .live) {
        self.fileSystem = fileSystem
    }

    /// The snapshot, and the errors of files that could not be read (each names its file).
    ///
    /// Without `keepingRecords`, the QBO customers, vendors, employees, transactions and
    /// payments are not kept (see `AccountSnapshot.add(_:keeping:)`) and NDJSON files are read
    /// a block of lines at a time, so memory does not grow with the snapshot's records: what
    /// `preflight` needs, which reads them again one at a time (`forEachQuickBooksRecord`).
    /// `workers` threads read the QBO files. `trustingPages: false` reads every page whole on the
    /// first look (see `lookAtQuickBooks`).
    public func load(_ directory: String, keepingRecords: Bool = true, workers: Int = 1,
                     trustingPages: Bool = true) -> (snapshot: AccountSnapshot, errors: [InputError]) {
        var snapshot = AccountSnapshot(directory: directory)
        if !keepingRecords { snapshot.rereadsFrom = fileSystem }
        var errors: [InputError] = []
        guard fileSystem.isFolder(directory) else {
            return (snapshot, [InputError(file: directory, message: "the account snapshot folder does not exist")])
        }
        let quickbooksFolder = join(directory, "quickbooks")
        let hubspotFolder = join(directory, "hubspot")
        if !fileSystem.isFolder(quickbooksFolder), !fileSystem.isFolder(hubspotFolder) {
            errors.append(InputError(file: directory, message: "not an account snapshot: expected a quickbooks/ or hubspot/ folder inside (see README, \"Account snapshots\")"))
        }

        lookAtQuickBooks(jsonFiles(in: quickbooksFolder).map { join(quickbooksFolder, $0) }, keepingRecords: keepingRecords, trustingPages: trustingPages, workers: workers,
                         into: &snapshot, errors: &errors)

        for name in jsonFiles(in: hubspotFolder) {
            let path = join(hubspotFolder, name)
            if name == "account.json" {
                guard let file = read(path, into: &errors) else { continue }
                for entry in DocumentReader.read(file) {
                    switch entry {
                    case .success(.document(let document)) where document.hubspotAccount != nil:
                        snapshot.hubspotAccountDocument = document
                    case .success:
                        errors.append(InputError(file: file.name, message: "hubspot/account.json describes the HubSpot account: it needs \"qbcheckHubSpotAccount\": \(HubSpotAccount.formatVersion) (see README)"))
                    case .failure(let error):
                        errors.append(error)
                    }
                }
                continue
            }
            guard let type = DocumentReader.hubSpotType(fromFileName: name) else {
                errors.append(InputError(file: path, message: "the HubSpot object type is told by the file's name: use \(CRMObjectType.allCases.map { $0.rawValue + ".json" }.joined(separator: ", "))\(Suggestion.hint(for: name, in: CRMObjectType.allCases.map { $0.rawValue + ".json" }))"))
                continue
            }
            guard let file = read(path, into: &errors) else { continue }
            for entry in DocumentReader.read(file, objectType: type) {
                switch entry {
                case .success(.document(let document)) where document.crmObject != nil:
                    snapshot.add(document)
                case .success:
                    errors.append(InputError(file: file.name, message: "expected HubSpot CRM objects in hubspot/, found another kind of document"))
                case .failure(let error):
                    errors.append(error)
                }
            }
        }

        let settingsPath = join(directory, "qbcheck.json")
        if fileSystem.listFolder(directory)?.contains("qbcheck.json") == true, let file = read(settingsPath, into: &errors) {
            switch SettingsLoader.read(file) {
            case .success(let document): snapshot.settingsDocument = document
            case .failure(let error): errors.append(error)
            }
        }
        return (snapshot, errors)
    }

    static let customFieldsMarker = BytePattern(#""qbcheckCustomFields""#)

    private func jsonFiles(in folder: String) -> [String] {
        (fileSystem.listFolder(folder) ?? []).filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }.sorted()
    }

    private func read(_ path: String, into errors: inout [InputError]) -> SourceFile? {
        do {
            return SourceFile(name: path, bytes: try fileSystem.read(path))
        } catch let error as FileSystemError {
            errors.append(InputError(file: path, message: error.message))
        } catch {
            errors.append(InputError(file: path, message: "cannot read the file"))
        }
        return nil
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// Reads a `qbcheck.json` file.
public enum SettingsLoader {
    public static func read(_ file: SourceFile) -> Result<Document, InputError> {
        switch JSONReader.readSingleNode(file) {
        case .failure(let error):
            return .failure(InputError(error, in: file))
        case .success(let node):
            guard SyncSettings.recognizes(node) else {
                return .failure(InputError(file: file.name, position: file.position(of: node.offset), message: "qbcheck.json needs \"qbcheck\": \(SyncSettings.formatVersion), the format version"))
            }
            do throws(ShapeError) {
                return .success(Document(file: file, root: node, content: .settings(try SyncSettings(node))))
            } catch {
                return .failure(InputError(error, in: file))
            }
        }
    }
}
