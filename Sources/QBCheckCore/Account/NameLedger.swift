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
    /// By position in `records`: the keys that are worked out from a record, kept to compare
    /// with what is searched for.
    private var foldedNames: [String?] = []
    private var matchingEmails: [String?] = []
    /// A later customer with the same `Id` replaces an earlier one.
    private var customerByID = NameIndex()
    /// The first customer with an email (`matchingEmail`) keeps it.
    private var customerByEmail = NameIndex()
    /// The first record with a name keeps it, as written and folded.
    private var byDisplayName = NameIndex()
    private var byFoldedName = NameIndex()
    /// The `Id`s of the records whose display name, as written or folded, an earlier record
    /// holds (`holdsItsNamesFirst`): few, where the records are a million.
    private var idsOfNamesHeldEarlier: Set<String> = []

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

    /// How each index finds its key in the ledger, and which records it holds.
    private enum Key: CaseIterable {
        case displayName, foldedName, customerID, customerEmail

        func of(_ position: Int32, in ledger: NameLedger) -> String? {
            let position = Int(position)
            switch self {
            case .displayName: return ledger.records[position].displayName
            case .foldedName: return ledger.foldedNames[position]
            case .customerID: return ledger.records[position].entity == "Customer" ? ledger.records[position].id : nil
            case .customerEmail: return ledger.matchingEmails[position]
            }
        }

        /// A later customer with the same `Id` is the one QBO holds.
        var latestWins: Bool { self == .customerID }

        /// Whether a record indexed after another with the same key is noted
        /// (`idsOfNamesHeldEarlier`).
        var notesNamesHeldEarlier: Bool { self == .displayName || self == .foldedName }

        /// Where the ledger keeps this index.
        var index: WritableKeyPath<NameLedger, NameIndex> {
            switch self {
            case .displayName: \.byDisplayName
            case .foldedName: \.byFoldedName
            case .customerID: \.customerByID
            case .customerEmail: \.customerByEmail
            }
        }

        /// Indexes the records from `start` on, sixteen at a time: the slots of the sixteen
        /// are prefetched first, so that their cache misses overlap (indexing a million took
        /// 14 times as long as a hundred thousand without).
        /// Returns the index and the positions of the records another record held the key
        /// before (`notesNamesHeldEarlier`).
        func indexing(_ ledger: NameLedger, from start: Int) -> (index: NameIndex, heldEarlier: [Int32]) {
            var heldEarlier: [Int32] = []
            var index = ledger[keyPath: self.index]
            index.reserve(ledger.records.count)
            var batch: [(text: String, hash: UInt32, position: Int32)] = []
            batch.reserveCapacity(16)
            var position = Int32(start)
            let end = Int32(ledger.records.count)
            while position < end {
                batch.removeAll(keepingCapacity: true)
                while position < end, batch.count < 16 {
                    if let text = of(position, in: ledger) {
                        let hash = TextHash.of(text)
                        index.prefetch(hash)
                        batch.append((text, hash, position))
                    }
                    position += 1
                }
                for (text, hash, position) in batch {
                    if index.insert(text, hash: hash, at: position, replacing: latestWins, key: { of($0, in: ledger) }), notesNamesHeldEarlier {
                        heldEarlier.append(position)
                    }
                }
            }
            return (index, heldEarlier)
        }
    }

    private mutating func append(_ entry: Entry) {
        records.append(entry.record)
        foldedNames.append(entry.foldedName)
        matchingEmails.append(entry.matchingEmail)
    }

    public mutating func add(_ entry: Entry) {
        append(entry)
        let position = Int32(records.count - 1)
        for key in Key.allCases {
            guard let text = key.of(position, in: self) else { continue }
            var index = self[keyPath: key.index]
            self[keyPath: key.index] = NameIndex()  // left empty (no array), so the index is changed in place, not copied
            let heldEarlier = index.insert(text, at: position, replacing: key.latestWins) { key.of($0, in: self) }
            self[keyPath: key.index] = index
            if heldEarlier, key.notesNamesHeldEarlier { noteNameHeldEarlier(at: position) }
        }
    }

    private mutating func noteNameHeldEarlier(at position: Int32) {
        if let id = records[Int(position)].id { idsOfNamesHeldEarlier.insert(id) }
    }

    /// Adds many records at once (a million customers): each index is sized for them once, and
    /// the four are built on `workers` threads.
    public mutating func add(contentsOf entries: [Entry], workers: Int) {
        guard !entries.isEmpty else { return }
        let start = records.count
        records.reserveCapacity(start + entries.count)
        foldedNames.reserveCapacity(start + entries.count)
        matchingEmails.reserveCapacity(start + entries.count)
        for entry in entries { append(entry) }
        var built: [(index: NameIndex, heldEarlier: [Int32])] = []
        let work = OrderedWork<(index: NameIndex, heldEarlier: [Int32])>(workers: workers, name: "names") { built.append($0) }
        for key in Key.allCases {
            work.submit { [self] in key.indexing(self, from: start) }
        }
        work.finish()
        for (key, made) in zip(Key.allCases, built) {
            self[keyPath: key.index] = made.index
            for position in made.heldEarlier { noteNameHeldEarlier(at: position) }
        }
    }

    /// Asked of every record checked (twice of each name: as written and folded), so neither
    /// through a key path, nor of a ledger that holds nothing (a check without an account).
    private func record(_ key: Key, _ text: String) -> NameRecord? {
        guard !records.isEmpty else { return nil }
        let index = switch key {
        case .displayName: byDisplayName
        case .foldedName: byFoldedName
        case .customerID: customerByID
        case .customerEmail: customerByEmail
        }
        return index.position(of: text) { key.of($0, in: self) }.map { records[Int($0)] }
    }

    /// The customer with this `Id`.
    public func customer(id: String) -> NameRecord? {
        record(.customerID, id)
    }

    /// The first customer with this email (trimmed and lowercased, as `matchingEmail`).
    public func customer(email: String) -> NameRecord? {
        record(.customerEmail, email)
    }

    /// The first record with this display name.
    public func first(withDisplayName name: String) -> NameRecord? {
        record(.displayName, name)
    }

    /// The first record whose display name folds to `folded` (`DisplayName.folded`).
    public func first(withFoldedName folded: String) -> NameRecord? {
        record(.foldedName, folded)
    }

    /// Whether the ledger's records with this `Id` are each the first to hold their display
    /// name, as written and folded: then `first(withDisplayName:)` and
    /// `first(withFoldedName:)` of such a record's names find the record itself, and a million
    /// customers read again need not look theirs up. False when any of them shares a name
    /// with an earlier record, and for an `Id` the ledger does not hold no promise is made.
    public func holdsItsNamesFirst(id: String) -> Bool {
        !idsOfNamesHeldEarlier.contains(id)
    }
}
