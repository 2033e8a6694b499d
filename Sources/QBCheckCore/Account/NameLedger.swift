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
/// found by `Id` and by email.
public struct NameLedger: Sendable {
    public private(set) var records: [NameRecord] = []
    /// Positions in `records`; a later customer with the same `Id` replaces an earlier one.
    private var customerByID: [String: Int32] = [:]
    /// Positions in `records`, by `matchingEmail`; the first customer with an email keeps it.
    private var customerByEmail: [String: Int32] = [:]

    public init() {}

    public mutating func add(_ record: NameRecord) {
        let position = Int32(records.count)
        records.append(record)
        guard record.entity == "Customer" else { return }
        if let id = record.id { customerByID[id] = position }
        if let email = record.matchingEmail, customerByEmail[email] == nil { customerByEmail[email] = position }
    }

    /// The customer with this `Id`.
    public func customer(id: String) -> NameRecord? {
        customerByID[id].map { records[Int($0)] }
    }

    /// The first customer with this email (trimmed and lowercased, as `matchingEmail`).
    public func customer(email: String) -> NameRecord? {
        customerByEmail[email].map { records[Int($0)] }
    }

    public var isEmpty: Bool { records.isEmpty }
}
