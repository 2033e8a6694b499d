/// The kinds of record a rule judges. The engine hands a rule only the documents of its kinds:
/// a rule about the sync settings is not called for each of a million invoices, each call
/// copying the invoice's content out of its document to find it is no settings.
///
/// A rule that names no kinds is handed everything; edits (before → after) go to every rule.
public struct RecordKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// QBO invoices, credit memos, sales receipts, estimates and refund receipts.
    public static let quickbooksTransactions = RecordKinds(rawValue: 1 << 0)
    public static let quickbooksPayments = RecordKinds(rawValue: 1 << 1)
    /// QBO customers, vendors and employees.
    public static let quickbooksNames = RecordKinds(rawValue: 1 << 2)
    /// QBO products and services.
    public static let quickbooksItems = RecordKinds(rawValue: 1 << 3)
    public static let quickbooksCompanyInfo = RecordKinds(rawValue: 1 << 4)
    public static let quickbooksPreferences = RecordKinds(rawValue: 1 << 5)
    /// QBO entities no rule reads the fields of.
    public static let quickbooksOther = RecordKinds(rawValue: 1 << 6)
    /// HubSpot CRM objects of any type.
    public static let hubspotObjects = RecordKinds(rawValue: 1 << 7)
    /// The sync settings.
    public static let settings = RecordKinds(rawValue: 1 << 8)
    /// The description of the HubSpot account (`hubspot/account.json`).
    public static let hubspotAccount = RecordKinds(rawValue: 1 << 9)

    public static let all = RecordKinds(rawValue: .max)

    /// Edits (before → after), which every rule is handed whatever kinds it names.
    static let edits = RecordKinds(rawValue: 1 << 15)

    /// The kind of a document, or `edits`.
    init(of subject: Subject) {
        switch subject {
        case .document(let document): self = RecordKinds(of: document.content)
        case .edit: self = .edits
        }
    }

    public init(of content: Document.Content) {
        switch content {
        case .quickbooks(.transaction): self = .quickbooksTransactions
        case .quickbooks(.payment): self = .quickbooksPayments
        case .quickbooks(.name): self = .quickbooksNames
        case .quickbooks(.item): self = .quickbooksItems
        case .quickbooks(.companyInfo): self = .quickbooksCompanyInfo
        case .quickbooks(.preferences): self = .quickbooksPreferences
        case .quickbooks(.other): self = .quickbooksOther
        case .hubspot: self = .hubspotObjects
        case .settings: self = .settings
        case .hubspotAccount: self = .hubspotAccount
        }
    }
}
