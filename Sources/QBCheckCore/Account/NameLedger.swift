/// What an account snapshot keeps of a QBO customer, vendor or employee: the few fields other
/// records are checked against (a referenced customer's currency and whether it is active, a
/// display name already taken, the email a HubSpot contact is matched by).
///
/// An account holds a million customers, so they are kept as these plain values, about a
/// hundred bytes each, not as documents with their files.
public struct NameRecord: Sendable, Hashable {
    /// `Customer`, `Vendor` or `Employee`.
    public var entity: String
    public var id: String?
    /// The display name QBO holds (`QBONameEntity.effectiveDisplayName`).
    public var displayName: String?
    /// `PrimaryEmailAddr.Address`, as written.
    public var email: String?
    /// `CurrencyRef.value`.
    public var currency: String?
    public var active: Bool

    public init(entity: String, id: String?, displayName: String?, email: String?, currency: String?, active: Bool) {
        self.entity = entity
        self.id = id
        self.displayName = displayName
        self.email = email
        self.currency = currency
        self.active = active
    }

    public init(_ entity: QBONameEntity) {
        self.init(entity: entity.entity, id: entity.id?.value, displayName: entity.effectiveDisplayName?.value,
                  email: entity.email?.value, currency: entity.currency?.value, active: entity.active)
    }

    /// The email as contacts are matched by it: trimmed and lowercased; nil when empty.
    public var matchingEmail: String? {
        guard let email = email?.trimmingSpaces.lowercased(), !email.isEmpty else { return nil }
        return email
    }
}

/// The customers, vendors and employees of an account, in file order, with the customers
/// found by `Id` and by email, and every record by its display name (as written, and folded).
public struct NameLedger: Sendable {
    public private(set) var records: [NameRecord] = []
    /// Positions in `records`; a later customer with the same `Id` replaces an earlier one.
    private var customerByID: [String: Int32] = [:]
    /// Positions in `records`, by `matchingEmail`; the first customer with an email keeps it.
    private var customerByEmail: [String: Int32] = [:]
    /// Positions in `records`, by display name and by folded display name; the first record
    /// with a name keeps it.
    private var byDisplayName: [String: Int32] = [:]
    private var byFoldedName: [String: Int32] = [:]

    public init() {}

    /// A record with the keys it is found by, worked out where it is read (on a worker
    /// thread), so that adding it is only the insertions.
    public struct Entry: Sendable {
        public var record: NameRecord
        var matchingEmail: String?
        var foldedName: String?

        public init(_ record: NameRecord) {
            self.record = record
            matchingEmail = record.entity == "Customer" ? record.matchingEmail : nil
            foldedName = record.displayName.map(DisplayName.folded)
        }
    }

    public mutating func add(_ entry: Entry) {
        let position = Int32(records.count)
        records.append(entry.record)
        if let name = entry.record.displayName, byDisplayName[name] == nil { byDisplayName[name] = position }
        if let folded = entry.foldedName, byFoldedName[folded] == nil { byFoldedName[folded] = position }
        guard entry.record.entity == "Customer" else { return }
        if let id = entry.record.id { customerByID[id] = position }
        if let email = entry.matchingEmail, customerByEmail[email] == nil { customerByEmail[email] = position }
    }

    /// Adds many records at once (a million customers): each index is built in one go, sized
    /// for them, and the four are built on `workers` threads.
    public mutating func add(contentsOf entries: [Entry], workers: Int) {
        guard !entries.isEmpty else { return }
        let base = records.count
        records.append(contentsOf: entries.lazy.map(\.record))
        typealias Index = [String: Int32]
        /// Adds each entry's key to the index; the first entry with a key keeps it, unless
        /// `latestWins`. Keys are read in place: a copied entry is seven strings retained.
        func indexing(_ index: Index, latestWins: Bool = false,
                      _ key: @escaping @Sendable (UnsafePointer<Entry>) -> String?) -> @Sendable () -> Index {
            { [entries] in
                var index = index
                index.reserveCapacity(index.count + entries.count)
                entries.withUnsafeBufferPointer { entries in
                    for offset in entries.indices {
                        guard let key = key(entries.baseAddress! + offset) else { continue }
                        let position = Int32(base + offset)
                        if latestWins {
                            index[key] = position
                        } else if index[key] == nil {
                            index[key] = position
                        }
                    }
                }
                return index
            }
        }
        let jobs = [
            indexing(byDisplayName) { $0.pointee.record.displayName },
            indexing(byFoldedName) { $0.pointee.foldedName },
            indexing(customerByID, latestWins: true) { $0.pointee.record.entity == "Customer" ? $0.pointee.record.id : nil },
            indexing(customerByEmail) { $0.pointee.record.entity == "Customer" ? $0.pointee.matchingEmail : nil },
        ]
        var built: [Index] = []
        let work = OrderedWork<Index>(workers: workers, name: "names") { built.append($0) }
        for job in jobs { work.submit(job) }
        work.finish()
        (byDisplayName, byFoldedName, customerByID, customerByEmail) = (built[0], built[1], built[2], built[3])
    }

    /// The customer with this `Id`.
    public func customer(id: String) -> NameRecord? {
        customerByID[id].map { records[Int($0)] }
    }

    /// The first customer with this email (trimmed and lowercased, as `matchingEmail`).
    public func customer(email: String) -> NameRecord? {
        customerByEmail[email].map { records[Int($0)] }
    }

    /// The first record with this display name.
    public func first(withDisplayName name: String) -> NameRecord? {
        byDisplayName[name].map { records[Int($0)] }
    }

    /// The first record whose display name folds to `folded` (`DisplayName.folded`).
    public func first(withFoldedName folded: String) -> NameRecord? {
        byFoldedName[folded].map { records[Int($0)] }
    }
}
