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
    public func load(_ directory: String, keepingRecords: Bool = true) -> (snapshot: AccountSnapshot, errors: [InputError]) {
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

        var quickbooksFiles: [String] = []
        for name in jsonFiles(in: quickbooksFolder) {
            let path = join(quickbooksFolder, name)
            if !JSONReader.isLineDelimited(name: path) {
                guard let file = read(path, into: &errors) else { continue }
                // Only a file that names the format is parsed whole to see whether it is one: the
                // query responses beside it can be hundreds of megabytes.
                if Self.customFieldsMarker.occurs(in: file.bytes[...]), case .success(let node) = JSONReader.readSingleNode(file),
                   CustomFieldDefinitions.recognizes(node) {
                    do throws(ShapeError) {
                        snapshot.customFieldDefinitions = try CustomFieldDefinitions(node, file: file)
                    } catch {
                        errors.append(InputError(error, in: file))
                    }
                    continue
                }
            }
            quickbooksFiles.append(path)
            do throws(FileSystemError) {
                try forEachDocument(in: path, skimming: !keepingRecords) { entry in
                    switch entry {
                    case .success(.document(let document)) where document.crmObject == nil && document.settings == nil:
                        snapshot.add(document, keeping: keepingRecords)
                    case .success(let subject):
                        errors.append(InputError(file: subject.resulting?.file.name ?? path, message: "expected QBO API responses in quickbooks/, found another kind of document"))
                    case .failure(let error):
                        // Records read again report their errors then (`forEachQuickBooksRecord`).
                        if keepingRecords { errors.append(error) }
                    }
                }
            } catch {
                errors.append(InputError(file: path, message: error.message))
            }
        }
        snapshot.quickbooksFiles = quickbooksFiles

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

    private static let customFieldsMarker = BytePattern(#""qbcheckCustomFields""#)

    /// How many unreadable records of one file are listed one by one.
    public static let errorsShownPerFile = 100

    /// Hands each QBO record of the snapshot's `quickbooksFiles` to `body`, in file order, read
    /// again from its file: the records `load(_:keepingRecords: false)` left out, and the others.
    /// Returns the errors of the records that could not be read (those of a snapshot that kept
    /// every record were returned by `load`).
    public static func forEachQuickBooksRecord(of snapshot: AccountSnapshot, _ body: (Document) -> Void) -> [InputError] {
        guard let fileSystem = snapshot.rereadsFrom else {
            snapshot.quickbooks.forEach(body)
            return []
        }
        let loader = AccountLoader(fileSystem: fileSystem)
        var errors: [InputError] = []
        for path in snapshot.quickbooksFiles {
            var fileErrors = 0
            // A file that cannot be read was reported by `load`.
            try? loader.forEachDocument(in: path) { entry in
                switch entry {
                case .success(.document(let document)):
                    if case .quickbooks = document.content { body(document) }
                case .success:
                    break
                case .failure(let error):
                    fileErrors += 1
                    if fileErrors <= errorsShownPerFile { errors.append(error) }
                }
            }
            if fileErrors > errorsShownPerFile {
                errors.append(InputError(file: path, message: "\(fileErrors - errorsShownPerFile) more records of this file could not be read (only the first \(errorsShownPerFile) errors are listed)"))
            }
        }
        return errors
    }

    /// Reads the documents of one file as they come: an NDJSON file a block of lines at a time
    /// (each line keeps its line number), any other file whole (a QBO query response page holds
    /// at most 1,000 records).
    func forEachDocument(in path: String, objectType: CRMObjectType? = nil, skimming: Bool = false,
                         _ body: (DocumentReader.Entry) -> Void) throws(FileSystemError) {
        let reading = DocumentReader.Reading(hint: objectType ?? DocumentReader.hubSpotType(fromFileName: path), skimsBulkRecords: skimming)
        guard JSONReader.isLineDelimited(name: path) else {
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.read(path)
            } catch let error as FileSystemError {
                throw error
            } catch {
                throw FileSystemError(message: "cannot read the file")
            }
            DocumentReader.forEach(in: SourceFile(name: path, bytes: bytes), reading: reading) { entry, _ in body(entry) }
            return
        }
        var lineNumber = 0
        var documents = 0
        do {
            try fileSystem.readLineBlocks(path) { block in
                FileSystem.forEachLine(in: block) { line in
                    lineNumber += 1
                    var bytes = line
                    while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
                    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                    documents += 1
                    DocumentReader.forEach(in: SourceFile(name: path, bytes: Array(bytes), firstLine: lineNumber), reading: reading) { entry, _ in body(entry) }
                }
            }
        } catch let error as FileSystemError {
            throw error
        } catch {
            throw FileSystemError(message: "cannot read the file")
        }
        if documents == 0 {
            body(.failure(InputError(file: path, position: SourcePosition(line: 1, column: 1), message: JSONSyntaxError(offset: 0, reason: .emptyInput).message)))
        }
    }

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
