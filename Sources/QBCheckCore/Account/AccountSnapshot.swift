/// What qbcheck knows of the two accounts: the QBO API responses and HubSpot CRM exports of a
/// snapshot folder, the account descriptions and the sync settings.
///
/// The singletons (CompanyInfo, Preferences) and the kinds of records held are indexed as
/// records are added, so rules ask for them in constant time, however large the snapshot.
public struct AccountSnapshot: Sendable {
    public var directory: String
    /// Every QBO record of `DIR/quickbooks/`, in file order; when the snapshot was loaded with
    /// `keepingRecords: false`, only items and the company's settings (the others are read
    /// again from `quickbooksFiles` when needed).
    public private(set) var quickbooks: [Document] = []
    /// The QBO files of the snapshot, in the order they were read.
    public var quickbooksFiles: [String] = [] {
        didSet { quickbooksFileSet = Set(quickbooksFiles) }
    }
    private var quickbooksFileSet: Set<String> = []
    /// The file system the snapshot was read from, to read `quickbooksFiles` again; nil when
    /// every record was kept.
    public var rereadsFrom: FileSystem?
    /// The customers, vendors and employees, kept or not, as the compact records others are
    /// checked against.
    public private(set) var names = NameLedger()
    /// Every HubSpot record of `DIR/hubspot/`, in file order.
    public private(set) var hubspot: [Document] = []
    public var customFieldDefinitions: CustomFieldDefinitions?
    /// `DIR/qbcheck.json`, when present.
    public var settingsDocument: Document?
    /// `DIR/hubspot/account.json`, when present.
    public var hubspotAccountDocument: Document?
    public private(set) var companyInfo: (document: Document, info: QBOCompanyInfo)?
    public private(set) var preferences: (document: Document, preferences: QBOPreferences)?
    /// The QBO entity names (`Customer`, `Item`, …) and HubSpot object types the snapshot holds.
    public private(set) var quickbooksEntities: Set<String> = []
    public private(set) var hubspotTypes: Set<CRMObjectType> = []

    public init(directory: String, quickbooks: [Document] = [], hubspot: [Document] = [],
                customFieldDefinitions: CustomFieldDefinitions? = nil, settingsDocument: Document? = nil) {
        self.directory = directory
        self.customFieldDefinitions = customFieldDefinitions
        self.settingsDocument = settingsDocument
        for document in quickbooks + hubspot { add(document) }
    }

    /// Adds a QBO or HubSpot record. Without `keeping`, a customer, vendor, employee,
    /// transaction or payment is only noted (its name record, its kind), not kept: a snapshot
    /// of a year of invoices would not fit in memory.
    public mutating func add(_ document: Document, keeping: Bool = true) {
        switch document.content {
        case .quickbooks(let entity):
            if case .name(let name) = entity { names.add(NameLedger.Entry(NameRecord(name))) }
            if keeping || !Self.isBulk(entity) { quickbooks.append(document) }
            quickbooksEntities.insert(entity.name)
            if case .companyInfo(let info) = entity, companyInfo == nil { companyInfo = (document, info) }
            if case .preferences(let found) = entity, preferences == nil { preferences = (document, found) }
        case .hubspot(let object):
            hubspot.append(document)
            hubspotTypes.insert(object.type)
        case .settings, .hubspotAccount:
            break
        }
    }

    /// The query response pages the first look read no further than their opening, which
    /// named a list of records it does not need (`AccountLoader.lookAtQuickBooks`).
    public private(set) var pagesReadNoFurther: Set<String> = []

    /// Notes a query response page of `entity` read no further than its opening.
    mutating func notePage(_ path: String, of entity: String) {
        pagesReadNoFurther.insert(path)
        quickbooksEntities.insert(entity)
    }

    /// Notes the customers, vendors and employees that are not kept, their name records made
    /// already; `workers` threads index them.
    public mutating func note(_ names: [NameLedger.Entry], workers: Int = 1) {
        self.names.add(contentsOf: names, workers: workers)
        // A million names, most often of one entity after another: each is hashed only when it
        // is not the one before.
        var last: String?
        for name in names where name.record.entity != last {
            quickbooksEntities.insert(name.record.entity)
            last = name.record.entity
        }
    }

    /// Customers, vendors, employees, transactions, payments and the rest: the kinds an account
    /// has by the million. Items and the company's settings are what other records are checked
    /// against, and few.
    public static func isBulk(_ entity: QBOEntity) -> Bool {
        isBulk(name: entity.name)
    }

    /// Whether the first look at a snapshot that keeps no bulk records reads records of the QBO
    /// entity `name` whole: the kept kinds, and the customers, vendors and employees it notes
    /// (`names`). The others are only counted as present, and read whole when checked.
    public static func isReadOnFirstLook(name: String) -> Bool {
        switch name {
        // The name entities (`QBOEntity.nameEntityNames`), told without hashing the name.
        case "Customer", "Vendor", "Employee": true
        default: !isBulk(name: name)
        }
    }

    /// Whether records of the QBO entity `name` are of a bulk kind.
    public static func isBulk(name: String) -> Bool {
        switch name {
        case "Item", "CompanyInfo", "Preferences": false
        default: true
        }
    }

    /// Whether `document` is one of the snapshot's QBO records that were left out and are being
    /// read again: a record of the account itself, though not among `quickbooks`.
    public func isRereadRecord(_ document: Document) -> Bool {
        rereadFiles?.contains(document.file.name) ?? false
    }

    /// The files whose records are read again, when the snapshot left them out.
    public var rereadFiles: Set<String>? {
        rereadsFrom == nil ? nil : quickbooksFileSet
    }

    public var hubspotAccount: HubSpotAccount? { hubspotAccountDocument?.hubspotAccount }

    /// Every document of the snapshot: QBO records, HubSpot records, account descriptions, settings.
    public var allDocuments: [Document] {
        quickbooks + hubspot + [hubspotAccountDocument, settingsDocument].compactMap { $0 }
    }
}
