import QBCheckCore

/// The exported files of one side of a snapshot folder, as the offline connector edits them:
/// QBO records in `QueryResponse` lists or `{"Customer": {...}}` wrappers, HubSpot records in
/// `{"results": [...]}` pages or top-level arrays.
struct ExportFolder: Sendable {
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
    /// The files not read yet. A side's files are read when the connector first touches that
    /// side: a first sync that writes to HubSpot only had read every QBO export into trees it
    /// never used (30 MB, and 2 % of the run, for 5,000 customers and invoices).
    private var unread: [String]
    private(set) var changed: Set<String> = []
    /// Records by id, per QBO entity (`Q Customer`) or HubSpot file (`H path`), and the largest
    /// numeric id: built on first use, kept up to date, so a batch costs its own size and not
    /// the folder's.
    private var index: [String: (slots: [String: Slot], largest: Int)] = [:]
    private var firstListSlot: [String: Slot] = [:]
    /// Display names of QBO customers, vendors and employees (lowercased) → `Id`; HubSpot contact
    /// emails (lowercased) → `id`. Built on first use.
    private var displayNames: [String: String]?
    private var emails: [String: String]?

    init(folder: String, fileSystem: FileSystem) {
        self.folder = folder
        self.fileSystem = fileSystem
        unread = (fileSystem.listFolder(folder) ?? []).filter { ($0.hasSuffix(".json") || $0.hasSuffix(".ndjson")) && $0 != "custom-fields.json" && $0 != "account.json" }
            .sorted()
    }

    private mutating func readFiles() {
        guard !unread.isEmpty else { return }
        for name in unread {
            let path = Self.join(folder, name)
            if let file = ExportFile.read(path, fileSystem: fileSystem) { files[path] = file }
        }
        unread = []
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
            // Take the file, its document and the list out of their holders first, so that
            // changing one record does not copy the whole list.
            files[slot.file] = nil
            var root = file.roots[slot.root].tree
            file.roots[slot.root].tree = .null
            if let index = slot.index {
                var list = (slot.path.isEmpty ? root.array : root[path: slot.path]?.array) ?? []
                if slot.path.isEmpty { root = .null } else { root[path: slot.path] = .null }
                if list.indices.contains(index) { list[index] = newValue }
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
        readFiles()
        if let slot = firstListSlot[entity] ?? quickbooksSlots(entity).first(where: { $0.index != nil }), var file = files[slot.file] {
            firstListSlot[entity] = slot
            files[slot.file] = nil  // let the list below be changed in place
            var root = file.roots[slot.root].tree
            file.roots[slot.root].tree = .null  // let the list below be changed in place
            var list = root[path: slot.path]?.array ?? []
            root[path: slot.path] = .null
            list.append(record)
            let count = list.count
            root[path: slot.path] = .array(list)
            if root[path: ["QueryResponse", "maxResults"]] != nil { root[path: ["QueryResponse", "maxResults"]] = .number(String(count)) }
            file.roots[slot.root].tree = root
            files[slot.file] = file
            changed.insert(slot.file)
            noteAppended("Q " + entity, record, key: "Id", at: Slot(file: slot.file, root: slot.root, path: slot.path, index: count - 1))
            return
        }
        let path = Self.join(folder, entity.lowercased() + "s.json")
        let tree: JSONTree = ["QueryResponse": [entity: [record], "startPosition": .number("1"), "maxResults": .number("1")], "time": .string(time)]
        files[path] = ExportFile(path: path, roots: [.init(offset: 0, tree: tree)])
        changed.insert(path)
        index["Q " + entity] = nil
    }

    /// Appends a HubSpot record to `<type>.json` (created when missing).
    mutating func appendHubSpot(_ record: JSONTree, type: String) {
        readFiles()
        let path = Self.join(folder, type + ".json")
        var file = files[path] ?? ExportFile(path: path, roots: [.init(offset: 0, tree: ["results": []])])
        if file.roots.isEmpty { file.roots = [.init(offset: 0, tree: ["results": []])] }
        files[path] = nil  // let the file's list below be changed in place
        let last = file.roots.count - 1
        var appended: Slot?
        if file.lineDelimited {
            file.roots.append(.init(offset: 0, tree: record))
            appended = Slot(file: path, root: file.roots.count - 1, path: [], index: nil)
        } else if var list = file.roots[last].tree["results"]?.array {
            file.roots[last].tree["results"] = .null
            list.append(record)
            appended = Slot(file: path, root: last, path: ["results"], index: list.count - 1)
            file.roots[last].tree["results"] = .array(list)
        } else if var list = file.roots[last].tree.array {
            file.roots[last].tree = .null
            list.append(record)
            appended = Slot(file: path, root: last, path: [], index: list.count - 1)
            file.roots[last].tree = .array(list)
        } else {
            file.roots[last].tree = ["results": [file.roots[last].tree, record]]
            index["H " + path] = nil
        }
        files[path] = file
        changed.insert(path)
        if let appended { noteAppended("H " + path, record, key: "id", at: appended) }
    }

    /// Removes HubSpot records of a file by id.
    mutating func removeHubSpot(ids: Set<String>, type: String) {
        readFiles()
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
        index["H " + path] = nil
    }

    /// The slot of the QBO record of this entity and `Id`.
    mutating func quickbooksSlot(_ entity: String, id: String) -> Slot? {
        indexed("Q " + entity, slots: { $0.quickbooksSlots(entity) }, key: "Id").slots[id]
    }

    /// The slot of the HubSpot record of this file and `id`.
    mutating func hubspotSlot(_ path: String, id: String) -> Slot? {
        indexed("H " + path, slots: { $0.hubspotSlots(path) }, key: "id").slots[id]
    }

    /// The id after the largest numeric one of the entity (or file), at least `floor` + 1.
    mutating func nextID(quickbooks entity: String) -> String {
        String(indexed("Q " + entity, slots: { $0.quickbooksSlots(entity) }, key: "Id").largest + 1)
    }

    mutating func nextID(hubspot path: String, floor: Int) -> String {
        String(max(indexed("H " + path, slots: { $0.hubspotSlots(path) }, key: "id").largest, floor) + 1)
    }

    private mutating func indexed(_ name: String, slots: (ExportFolder) -> [Slot], key: String) -> (slots: [String: Slot], largest: Int) {
        readFiles()
        if let known = index[name] { return known }
        var byID: [String: Slot] = [:]
        var largest = 0
        for slot in slots(self) {
            guard let id = self[slot: slot]?[key]?.text else { continue }
            if byID[id] == nil { byID[id] = slot }
            largest = max(largest, Int(id) ?? 0)
        }
        index[name] = (byID, largest)
        return (byID, largest)
    }

    /// The `Id` of the QBO customer, vendor or employee that has this display name (any case).
    mutating func displayNameHolder(_ name: String) -> String? {
        readFiles()
        if displayNames == nil {
            var names: [String: String] = [:]
            for entity in ["Customer", "Vendor", "Employee"] {
                for slot in quickbooksSlots(entity) {
                    guard let record = self[slot: slot], let name = record["DisplayName"]?.text?.lowercased() else { continue }
                    if names[name] == nil { names[name] = record["Id"]?.text ?? "" }
                }
            }
            displayNames = names
        }
        return displayNames?[name.lowercased()]
    }

    mutating func noteDisplayName(_ name: String?, id: String, replacing old: String?) {
        guard displayNames != nil else { return }
        if let old, displayNames?[old.lowercased()] == id { displayNames?[old.lowercased()] = nil }
        if let name { displayNames?[name.lowercased()] = id }
    }

    /// The `id` of the HubSpot contact with this email (any case).
    mutating func emailHolder(_ email: String) -> String? {
        readFiles()
        if emails == nil {
            var byEmail: [String: String] = [:]
            for slot in hubspotSlots(Self.join(folder, "contacts.json")) {
                guard let record = self[slot: slot], let email = record[path: ["properties", "email"]]?.text?.lowercased() else { continue }
                if byEmail[email] == nil { byEmail[email] = record["id"]?.text ?? "" }
            }
            emails = byEmail
        }
        return emails?[email.lowercased()]
    }

    mutating func noteEmail(_ email: String?, id: String, replacing old: String?) {
        guard emails != nil else { return }
        if let old, emails?[old.lowercased()] == id { emails?[old.lowercased()] = nil }
        if let email { emails?[email.lowercased()] = id }
    }

    /// Notes a record appended at `slot`.
    ///
    /// The entry is changed in place: a copy of it shared its dictionary, so each record
    /// appended copied the whole index (a first sync of 5,000 customers took 17 times as long
    /// as one of 500).
    private mutating func noteAppended(_ name: String, _ record: JSONTree, key: String, at slot: Slot) {
        guard index[name] != nil, let id = record[key]?.text else { return }
        index[name]!.slots[id] = slot
        index[name]!.largest = max(index[name]!.largest, Int(id) ?? 0)
    }

    /// Puts a committed QBO record in place: over the record with its `Id`, or after the others.
    mutating func upsertQuickBooks(_ record: JSONTree, entity: String, time: String) {
        if let id = record["Id"]?.text, let slot = quickbooksSlot(entity, id: id) {
            self[slot: slot] = record
        } else {
            appendQuickBooks(record, entity: entity, time: time)
        }
    }

    /// Puts a committed HubSpot record in place: over the record with its `id`, or after the others.
    mutating func upsertHubSpot(_ record: JSONTree, type: String) {
        if let id = record["id"]?.text, let slot = hubspotSlot(Self.join(folder, type + ".json"), id: id) {
            self[slot: slot] = record
        } else {
            appendHubSpot(record, type: type)
        }
    }

    /// The files changed since the last `written()`, and forgets they were.
    mutating func takeChanged() -> [ExportFile] {
        let files = changed.sorted().compactMap { self.files[$0] }
        changed = []
        return files
    }
}
