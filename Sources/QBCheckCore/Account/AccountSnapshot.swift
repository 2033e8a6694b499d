/// What qbcheck knows of the two accounts: the QBO API responses and HubSpot CRM exports of a
/// snapshot folder, and the sync settings.
public struct AccountSnapshot: Sendable {
    public var directory: String
    /// Every QBO record of `DIR/quickbooks/`, in file order.
    public var quickbooks: [Document]
    /// Every HubSpot record of `DIR/hubspot/`, in file order.
    public var hubspot: [Document]
    public var customFieldDefinitions: CustomFieldDefinitions?
    /// `DIR/qbcheck.json`, when present.
    public var settingsDocument: Document?
    /// `DIR/hubspot/account.json`, when present.
    public var hubspotAccountDocument: Document?

    public init(directory: String, quickbooks: [Document] = [], hubspot: [Document] = [],
                customFieldDefinitions: CustomFieldDefinitions? = nil, settingsDocument: Document? = nil) {
        self.directory = directory
        self.quickbooks = quickbooks
        self.hubspot = hubspot
        self.customFieldDefinitions = customFieldDefinitions
        self.settingsDocument = settingsDocument
    }

    public var hubspotAccount: HubSpotAccount? { hubspotAccountDocument?.hubspotAccount }

    /// Every document of the snapshot: QBO records, HubSpot records, account descriptions, settings.
    public var allDocuments: [Document] {
        quickbooks + hubspot + [hubspotAccountDocument, settingsDocument].compactMap { $0 }
    }

    public var companyInfo: (document: Document, info: QBOCompanyInfo)? {
        for document in quickbooks {
            if case .quickbooks(.companyInfo(let info)) = document.content { return (document, info) }
        }
        return nil
    }

    public var preferences: (document: Document, preferences: QBOPreferences)? {
        for document in quickbooks {
            if case .quickbooks(.preferences(let preferences)) = document.content { return (document, preferences) }
        }
        return nil
    }

    /// QBO customers, vendors and employees: the records that share one display-name space.
    public var nameEntities: [(document: Document, entity: QBONameEntity)] {
        quickbooks.compactMap { document in document.nameEntity.map { (document, $0) } }
    }
}
