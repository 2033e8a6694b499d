import QBCheckCore

/// The exported files of one side of a snapshot folder, as the offline connector edits them:
/// QBO records in `QueryResponse` lists or `{"Customer": {...}}` wrappers, HubSpot records in
/// `{"results": [...]}` pages or top-level arrays.
struct ExportFolder {
    /// Where one record stands: its file, the document in it, the path to its list (or to the
    /// record itself when `index` is nil).
    struct Slot: Equatable {
        var file: String
        var root: Int
        var path: [String]
        var index: Int?
    }

    var folder: String
    var fileSystem: FileSystem
    private(set) var files: [String: ExportFile] = [:]
    private(set) var changed: Set<String> = []

    init(folder: String, fileSystem: FileSystem) {
        self.folder = folder
        self.fileSystem = fileSystem
        let names = (fileSystem.listFolder(folder) ?? []).filter { ($0.hasSuffix(".json") || $0.hasSuffix(".ndjson")) && $0 != "custom-fields.json" && $0 != "account.json" }
        for name in names.sorted() {
            let path = Self.join(folder, name)
            if let file = ExportFile.read(path, fileSystem: fileSystem) { files[path] = file }
        }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The QBO records of an entity, in file order.
    func quickbooksSlots(_ entity: String) -> [Slot] {
        var slots: [Slot] = []
        for path in files.keys.sorted() {
            guard let file = files[path] else { continue }
            for (rootIndex, root) in file.roots.enumerated() {
                if let list = root.tree[path: ["QueryResponse", entity]]?.array {
                    slots += list.indices.map { Slot(file: path, root: rootIndex, path: ["QueryResponse", entity], index: $0) }
                } else if root.tree[entity]?.members != nil {
                    slots.append(Slot(file: path, root: rootIndex, path: [entity], index: nil))
                }
            }
        }
        return slots
    }

    /// The HubSpot records of a file (`results` or a top-level array).
    func hubspotSlots(_ path: String) -> [Slot] {
        guard let file = files[path] else { return [] }
        var slots: [Slot] = []
        for (rootIndex, root) in file.roots.enumerated() {
            if let list = root.tree["results"]?.array {
                slots += list.indices.map { Slot(file: path, root: rootIndex, path: ["results"], index: $0) }
            } else if let list = root.tree.array {
                slots += list.indices.map { Slot(file: path, root: rootIndex, path: [], index: $0) }
            } else if root.tree["id"] != nil {
                slots.append(Slot(file: path, root: rootIndex, path: [], index: nil))
            }
        }
        return slots
    }

    subscript(slot slot: Slot) -> JSONTree? {
        get {
            guard let root = files[slot.file]?.roots[slot.root].tree else { return nil }
            let container = slot.path.isEmpty ? root : root[path: slot.path]
            guard let index = slot.index else { return container }
            return container?.array.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        }
        set {
            guard let newValue, var file = files[slot.file] else { return }
            var root = file.roots[slot.root].tree
            if let index = slot.index {
                var list = (slot.path.isEmpty ? root.array : root[path: slot.path]?.array) ?? []
                guard list.indices.contains(index) else { return }
                list[index] = newValue
                if slot.path.isEmpty { root = .array(list) } else { root[path: slot.path] = .array(list) }
            } else if slot.path.isEmpty {
                root = newValue
            } else {
                root[path: slot.path] = newValue
            }
            file.roots[slot.root].tree = root
            files[slot.file] = file
            changed.insert(slot.file)
        }
    }

    /// Appends a QBO record to the entity's first list, or to a new `<entities>.json`.
    mutating func appendQuickBooks(_ record: JSONTree, entity: String, time: String) {
        if let slot = quickbooksSlots(entity).first(where: { $0.index != nil }), var file = files[slot.file] {
            var root = file.roots[slot.root].tree
            var list = root[path: slot.path]?.array ?? []
            list.append(record)
            root[path: slot.path] = .array(list)
            if root[path: ["QueryResponse", "maxResults"]] != nil { root[path: ["QueryResponse", "maxResults"]] = .number(String(list.count)) }
            file.roots[slot.root].tree = root
            files[slot.file] = file
            changed.insert(slot.file)
            return
        }
        let path = Self.join(folder, entity.lowercased() + "s.json")
        let tree: JSONTree = ["QueryResponse": [entity: [record], "startPosition": .number("1"), "maxResults": .number("1")], "time": .string(time)]
        files[path] = ExportFile(path: path, roots: [.init(offset: 0, tree: tree)])
        changed.insert(path)
    }

    /// Appends a HubSpot record to `<type>.json` (created when missing).
    mutating func appendHubSpot(_ record: JSONTree, type: String) {
        let path = Self.join(folder, type + ".json")
        var file = files[path] ?? ExportFile(path: path, roots: [.init(offset: 0, tree: ["results": []])])
        if file.roots.isEmpty { file.roots = [.init(offset: 0, tree: ["results": []])] }
        let last = file.roots.count - 1
        if file.lineDelimited {
            file.roots.append(.init(offset: 0, tree: record))
        } else if var list = file.roots[last].tree["results"]?.array {
            list.append(record)
            file.roots[last].tree["results"] = .array(list)
        } else if var list = file.roots[last].tree.array {
            list.append(record)
            file.roots[last].tree = .array(list)
        } else {
            file.roots[last].tree = ["results": [file.roots[last].tree, record]]
        }
        files[path] = file
        changed.insert(path)
    }

    /// Removes HubSpot records of a file by id.
    mutating func removeHubSpot(ids: Set<String>, type: String) {
        let path = Self.join(folder, type + ".json")
        guard var file = files[path], !ids.isEmpty else { return }
        for index in file.roots.indices {
            if let list = file.roots[index].tree["results"]?.array {
                file.roots[index].tree["results"] = .array(list.filter { !ids.contains($0["id"]?.text ?? "") })
            } else if let list = file.roots[index].tree.array {
                file.roots[index].tree = .array(list.filter { !ids.contains($0["id"]?.text ?? "") })
            }
        }
        file.roots.removeAll { file.lineDelimited && ids.contains($0.tree["id"]?.text ?? "") }
        files[path] = file
        changed.insert(path)
    }

    /// The next id after the largest numeric one among the records.
    static func nextID(after records: [JSONTree], key: String, floor: Int) -> String {
        let largest = records.compactMap { $0[key]?.text.flatMap { Int($0) } }.max() ?? floor
        return String(max(largest, floor) + 1)
    }
}
