/// What qbcheck knows of the two accounts: the QBO API responses and HubSpot CRM exports of a
/// snapshot folder, the account descriptions and the sync settings.
///
/// The singletons (CompanyInfo, Preferences) and the kinds of records held are indexed as
/// records are added, so rules ask for them in constant time, however large the snapshot.
public struct AccountSnapshot: Sendable {
    public var directory: String
    /// Every QBO record of `DIR/quickbooks/`, in file order.
    public private(set) var quickbooks: [Document] = []
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

    /// Adds a QBO or HubSpot record.
    public mutating func add(_ document: Document) {
        switch document.content {
        case .quickbooks(let entity):
            quickbooks.append(document)
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

    public var hubspotAccount: HubSpotAccount? { hubspotAccountDocument?.hubspotAccount }

    /// Every document of the snapshot: QBO records, HubSpot records, account descriptions, settings.
    public var allDocuments: [Document] {
        quickbooks + hubspot + [hubspotAccountDocument, settingsDocument].compactMap { $0 }
    }

    /// QBO customers, vendors and employees: the records that share one display-name space.
    public var nameEntities: [(document: Document, entity: QBONameEntity)] {
        quickbooks.compactMap { document in document.nameEntity.map { (document, $0) } }
    }
}
