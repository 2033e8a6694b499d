/// What rules know besides the record they judge: the account snapshot, the sync settings,
/// the origin the user declared, and the other records of the batch.
///
/// A small value over storage every copy shares: the rules are handed the context for every
/// record, and a context of most of a kilobyte held in each rule's checker was copied onto the
/// stack for every call (3 % of a check). Each field is lent in place, so reading one copies
/// that field alone, never the whole context.
public struct RuleContext: Sendable {
    /// `@unchecked Sendable`: the snapshot and the settings are written once, in `init`, and
    /// only read after, from any thread.
    private final class Storage: @unchecked Sendable {
        /// The snapshot and the settings at fixed addresses, lent by address (`unsafeAddress`):
        /// lent through a read coroutine, the snapshot was copied whole, a retain and a release
        /// for each of its parts, each time a rule asked for one of them (12 % of a preflight).
        let account: UnsafeMutablePointer<AccountSnapshot?>
        let settings: UnsafeMutablePointer<SyncSettings>
        /// The snapshot's name ledger (empty without one), searched in place: reached through
        /// the snapshot (`account?.names`), or lent by address, the ledger was copied for each
        /// search, a retain and a release of its five buffers, for every invoice of a preflight.
        let names: NameLedger
        let declaredOrigin: Origin?
        /// HubSpot records by type and id: the account's, overridden by the batch's own.
        let hubspotIndex: [CRMObjectType: [String: Document]]
        /// HubSpot invoices by invoice number (`hs_number`), to tell a QBO invoice's origin.
        let hubspotInvoicesByNumber: [String: Document]
        let itemsByID: [String: QBOItem]
        let itemsBySKU: [String: QBOItem]
        let hubspotContactsByEmail: [String: CRMObject]
        /// Asked of every record: worked out once (asked of the snapshot in place, the
        /// optional snapshot was copied whole to be unwrapped).
        let rereadFiles: Set<String>?
        let syncsInvoicesToQuickBooks: Bool
        let syncsContactsToQuickBooks: Bool

        init(account: AccountSnapshot?, settings: SyncSettings, declaredOrigin: Origin?, hubspotIndex: [CRMObjectType: [String: Document]],
             hubspotInvoicesByNumber: [String: Document], itemsByID: [String: QBOItem], itemsBySKU: [String: QBOItem],
             hubspotContactsByEmail: [String: CRMObject]) {
            self.account = .allocate(capacity: 1)
            self.account.initialize(to: account)
            self.settings = .allocate(capacity: 1)
            self.settings.initialize(to: settings)
            names = account?.names ?? NameLedger()
            self.declaredOrigin = declaredOrigin
            self.hubspotIndex = hubspotIndex
            self.hubspotInvoicesByNumber = hubspotInvoicesByNumber
            self.itemsByID = itemsByID
            self.itemsBySKU = itemsBySKU
            self.hubspotContactsByEmail = hubspotContactsByEmail
            rereadFiles = account?.rereadFiles
            syncsInvoicesToQuickBooks = SyncSettings.writesToQuickBooks(settings.invoices)
            syncsContactsToQuickBooks = SyncSettings.writesToQuickBooks(settings.contacts)
        }

        deinit {
            account.deinitialize(count: 1)
            account.deallocate()
            settings.deinitialize(count: 1)
            settings.deallocate()
        }
    }

    private let storage: Storage

    public var account: AccountSnapshot? { unsafeAddress { UnsafePointer(storage.account) } }
    public var settings: SyncSettings { unsafeAddress { UnsafePointer(storage.settings) } }
    /// `--origin`: who created the checked records, when their shape and the account cannot tell.
    public var declaredOrigin: Origin? { storage.declaredOrigin }
    /// The account's QBO items by `Id` and `Sku` (customers are found with `customer(id:)`).
    public var itemsByID: [String: QBOItem] { _read { yield storage.itemsByID } }
    public var itemsBySKU: [String: QBOItem] { _read { yield storage.itemsBySKU } }
    /// HubSpot contacts by email (lowercased), from the account and the batch.
    public var hubspotContactsByEmail: [String: CRMObject] { _read { yield storage.hubspotContactsByEmail } }

    public init(account: AccountSnapshot? = nil, settings: SyncSettings? = nil, declaredOrigin: Origin? = nil, batch: [Subject] = []) {
        let batchDocuments = batch.flatMap { subject -> [Document] in
            switch subject {
            case .document(let document): [document]
            case .edit(let edit): [edit.after ?? edit.before].compactMap { $0 }
            }
        }
        var itemsByID: [String: QBOItem] = [:]
        var itemsBySKU: [String: QBOItem] = [:]
        for document in account?.quickbooks ?? [] {
            guard case .quickbooks(.item(let item)) = document.content else { continue }
            if let id = item.id?.value { itemsByID[id] = item }
            if let sku = item.sku?.value, !sku.isEmpty, itemsBySKU[sku] == nil { itemsBySKU[sku] = item }
        }
        var hubspotIndex: [CRMObjectType: [String: Document]] = [:]
        var hubspotInvoicesByNumber: [String: Document] = [:]
        var hubspotContactsByEmail: [String: CRMObject] = [:]
        for document in (account?.hubspot ?? []) + batchDocuments {
            guard let object = document.crmObject, let id = object.id?.value else { continue }
            hubspotIndex[object.type, default: [:]][id] = document
            if object.type == .invoices, let number = object["hs_number"]?.value {
                hubspotInvoicesByNumber[number] = document
            }
            if object.type == .contacts, let email = object["email"]?.value.trimmingSpaces.lowercased(), !email.isEmpty {
                hubspotContactsByEmail[email] = object
            }
        }
        storage = Storage(account: account, settings: settings ?? account?.settingsDocument?.settings ?? .defaults, declaredOrigin: declaredOrigin,
                          hubspotIndex: hubspotIndex, hubspotInvoicesByNumber: hubspotInvoicesByNumber, itemsByID: itemsByID,
                          itemsBySKU: itemsBySKU, hubspotContactsByEmail: hubspotContactsByEmail)
    }

    /// Whether `document` is one of the account snapshot's own records, read again to be
    /// checked (`AccountSnapshot.isRereadRecord`).
    public func isRereadRecord(_ document: Document) -> Bool {
        storage.rereadFiles?.contains(document.file.name) ?? false
    }

    /// The HubSpot record of this type and id, from the batch or the account.
    public func hubspot(_ type: CRMObjectType, id: String) -> Document? {
        storage.hubspotIndex[type]?[id]
    }

    /// Whether the account snapshot holds QBO customers, vendors or employees, or products and
    /// services: what a record's references are checked against. Asked of every record by the
    /// rules that check references, worked out without a lookup.
    public var knowsQuickBooksNamesOrItems: Bool {
        !storage.names.records.isEmpty || !storage.itemsByID.isEmpty
    }

    /// Whether the account snapshot holds QBO records of this entity (`Customer`, `Item`).
    public func knowsQuickBooks(_ entity: String) -> Bool {
        account?.quickbooksEntities.contains(entity) ?? false
    }

    /// The account's QBO customer with this `Id`.
    public func customer(id: String) -> NameRecord? {
        storage.names.customer(id: id)
    }

    /// The QBO customer a HubSpot contact is matched to: the one with the contact's email.
    public func customer(matching contact: CRMObject) -> NameRecord? {
        guard let email = contact["email"]?.value.trimmingSpaces.lowercased() else { return nil }
        return customer(email: email)
    }

    /// The account's first QBO customer with this email (trimmed and lowercased).
    public func customer(email: String) -> NameRecord? {
        storage.names.customer(email: email)
    }

    /// The account's first customer, vendor or employee with this display name.
    public func accountRecord(withDisplayName name: String) -> NameRecord? {
        storage.names.first(withDisplayName: name)
    }

    /// The account's first customer, vendor or employee whose display name folds to `folded`.
    public func accountRecord(withFoldedName folded: String) -> NameRecord? {
        storage.names.first(withFoldedName: folded)
    }

    /// Whether the account's customers, vendors and employees with this `Id` each hold their
    /// display name first, as written and folded (`NameLedger.holdsItsNamesFirst`).
    public func accountRecordsHoldTheirNamesFirst(id: String) -> Bool {
        storage.names.holdsItsNamesFirst(id: id)
    }

    /// Whether the account snapshot holds HubSpot records of this type.
    public func knowsHubSpot(_ type: CRMObjectType) -> Bool {
        account?.hubspotTypes.contains(type) ?? false
    }

    /// Which system created the record, or nil when nothing tells.
    ///
    /// `--origin` decides when given. A HubSpot invoice is HubSpot's unless its *Invoice source*
    /// (`hs_invoice_source`) names the data sync or the QuickBooks integration. A QBO invoice's
    /// origin is that of the HubSpot invoice with the same number, if the snapshot holds one, and
    /// QuickBooks' when the snapshot's HubSpot invoice export holds none.
    public func origin(of document: Document) -> Origin? {
        if let declaredOrigin { return declaredOrigin }
        switch document.content {
        case .hubspot(let object) where object.type == .invoices:
            return Self.origin(ofHubSpotInvoice: object)
        case .quickbooks(.transaction(let transaction)):
            if let number = transaction.docNumber?.value, let twin = storage.hubspotInvoicesByNumber[number]?.crmObject {
                return Self.origin(ofHubSpotInvoice: twin)
            }
            // A stored QBO invoice that the snapshot's HubSpot invoice export does not hold was
            // not created in HubSpot (HubSpot keeps every invoice it creates).
            if transaction.id != nil, document.operation == nil, knowsHubSpot(.invoices) { return .quickbooks }
            return nil
        default:
            return nil
        }
    }

    /// Who created a HubSpot invoice, by its *Invoice source* (`hs_invoice_source`).
    public static func origin(ofHubSpotInvoice object: CRMObject) -> Origin {
        guard let source = object["hs_invoice_source"]?.value.lowercased() else { return .hubspot }
        return externalSources.contains { source.containsBytes(of: $0) } ? .quickbooks : .hubspot
    }

    /// Invoice sources that mean the invoice came from outside HubSpot (the sync, QuickBooks).
    private static let externalSources = ["data_sync", "data sync", "datasync", "quickbooks", "integration", "legacy"]

    /// Why a rule that needs the origin could not judge a record.
    public static let unknownOriginReason =
        "the invoice's origin is unknown: pass --origin hubspot|quickbooks, or include the HubSpot invoice export (hubspot/invoices.json) in the account snapshot"

    /// Whether a requirement is met by this context.
    public func satisfies(_ requirement: Requirement) -> Bool {
        switch requirement {
        case .companyInfo: account?.companyInfo != nil
        case .preferences: account?.preferences != nil
        case .customFieldDefinitions: account?.customFieldDefinitions != nil || account?.preferences != nil
        case .hubspotAccount: account?.hubspotAccount != nil
        case .quickbooksItems: knowsQuickBooks("Item")
        case .quickbooksCustomers: knowsQuickBooks("Customer")
        }
    }
}

extension RuleContext {
    /// Whether the settings let the sync write invoices into QBO (on, and not QBO → HubSpot only).
    public var syncsInvoicesToQuickBooks: Bool { storage.syncsInvoicesToQuickBooks }
    /// Whether the settings let the sync create and update QBO customers from HubSpot contacts.
    public var syncsContactsToQuickBooks: Bool { storage.syncsContactsToQuickBooks }
}
