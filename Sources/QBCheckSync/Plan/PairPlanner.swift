import QBCheckCore
import QBCheckPreflight
import QBCheckRules

/// A change before the validator has judged it: what would be written, and the edits to show
/// the validator (the proposed record, and the source's own edit since the last sync).
struct DraftChange: Sendable {
    var change: PlannedChange
    /// The target record as it would stand, for creates and updates.
    var proposed: JSONTree?
    /// The target record as it stands now (updates).
    var currentTarget: Document?
    /// The source record as it stood at the last sync, when it changed since.
    var sourceBefore: JSONTree?
    var sourceDocument: Document
    /// HubSpot invoices: the line items the invoice should have, when they change.
    var lineItems: [JSONTree]?
}

/// Plans one object pair: matches records across the sides (recorded pairing first, then email,
/// SKU or invoice number), sees which side changed since the last sync, and drafts the creates
/// and updates the direction, filters, mappings and conflict resolution call for.
struct PairPlanner {
    var object: SyncPair.Object
    var settings: SyncSettings
    var objectSync: SyncSettings.ObjectSync
    var fields: [MappedField]
    var records: PairRecords
    let stored: [SyncRecordStore.Record]
    /// The sync records by HubSpot id and by QBO id.
    private var storedByHubSpotID: [String: SyncRecordStore.Record] = [:]
    private var storedByQuickBooksID: [String: SyncRecordStore.Record] = [:]
    /// QBO items by SKU (the first of each), and the Custom line item, for invoice lines.
    private var itemsBySKU: [String: (id: String, name: String)] = [:]
    private var customLineItem: (id: String, name: String)?
    /// Recorded pairings of the objects invoices refer to: HubSpot contact → QBO customer, and back.
    var customerOfContact: [String: String]
    var contactOfCustomer: [String: String]
    var context: RuleContext
    var filters: FilterEvaluator
    /// QBO records invoices refer to, by `Id`.
    var quickbooksItems: [String: JSONTree]
    var quickbooksCustomers: [String: JSONTree]

    var winner: Origin { objectSync.conflictResolution ?? .hubspot }

    init(object: SyncPair.Object, settings: SyncSettings, objectSync: SyncSettings.ObjectSync, fields: [MappedField], records: PairRecords,
         stored: [SyncRecordStore.Record], customerOfContact: [String: String], contactOfCustomer: [String: String], context: RuleContext,
         filters: FilterEvaluator, quickbooksItems: [String: JSONTree], quickbooksCustomers: [String: JSONTree]) {
        self.object = object
        self.settings = settings
        self.objectSync = objectSync
        self.fields = fields
        self.records = records
        self.stored = stored
        self.customerOfContact = customerOfContact
        self.contactOfCustomer = contactOfCustomer
        self.context = context
        self.filters = filters
        self.quickbooksItems = quickbooksItems
        self.quickbooksCustomers = quickbooksCustomers
        for record in stored {
            if let id = record.hubspotID, storedByHubSpotID[id] == nil { storedByHubSpotID[id] = record }
            if let id = record.quickbooksID, storedByQuickBooksID[id] == nil { storedByQuickBooksID[id] = record }
        }
        for (id, item) in quickbooksItems.sorted(by: { $0.key < $1.key }) {
            let name = item["Name"]?.text ?? ""
            if let sku = item["Sku"]?.text, itemsBySKU[sku] == nil { itemsBySKU[sku] = (id, name) }
            if name == InvoiceLines.customLineItemName { customLineItem = (id, name) }
        }
    }

    func plan() -> [DraftChange] {
        var drafts: [DraftChange] = []
        var pairedHubSpot = Set<String>()
        var pairedQuickBooks = Set<String>()
        let hubspotByID = Dictionary(records.hubspot.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quickbooksByID = Dictionary(records.quickbooks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(SideRecord, SideRecord, SyncRecordStore.Record?)] = []

        // 1. Pairs the sync recorded.
        for record in stored {
            guard let hubspotID = record.hubspotID, let quickbooksID = record.quickbooksID,
                  let hubspot = hubspotByID[hubspotID], let quickbooks = quickbooksByID[quickbooksID],
                  !pairedHubSpot.contains(hubspotID), !pairedQuickBooks.contains(quickbooksID) else { continue }
            pairs.append((hubspot, quickbooks, record))
            pairedHubSpot.insert(hubspotID)
            pairedQuickBooks.insert(quickbooksID)
        }
        // 2. Pairs by email, SKU or number, as the sync matches records it has not seen.
        var hubspotByKey: [String: SideRecord] = [:]
        for record in records.hubspot where !pairedHubSpot.contains(record.id) {
            if let key = record.matchKey(object), hubspotByKey[key] == nil { hubspotByKey[key] = record }
        }
        for quickbooks in records.quickbooks where !pairedQuickBooks.contains(quickbooks.id) {
            guard let key = quickbooks.matchKey(object), let hubspot = hubspotByKey[key], !pairedHubSpot.contains(hubspot.id) else { continue }
            pairs.append((hubspot, quickbooks, storedByHubSpotID[hubspot.id] ?? storedByQuickBooksID[quickbooks.id]))
            pairedHubSpot.insert(hubspot.id)
            pairedQuickBooks.insert(quickbooks.id)
        }

        for (hubspot, quickbooks, record) in pairs {
            drafts += update(hubspot: hubspot, quickbooks: quickbooks, record: record)
        }
        for quickbooks in records.quickbooks where !pairedQuickBooks.contains(quickbooks.id) {
            if let draft = create(from: quickbooks) { drafts.append(draft) }
        }
        for hubspot in records.hubspot where !pairedHubSpot.contains(hubspot.id) {
            if let draft = create(from: hubspot) { drafts.append(draft) }
        }
        return drafts
    }

    // MARK: Pairs

    private func update(hubspot: SideRecord, quickbooks: SideRecord, record: SyncRecordStore.Record?) -> [DraftChange] {
        let synced = record?.lastSync != nil
        let storedHubSpot = synced ? record?.hubspotState.flatMap { JSONTree.parse($0) } : nil
        let storedQuickBooks = synced ? record?.quickbooksState.flatMap { JSONTree.parse($0) } : nil
        // Filters choose only the first selection: a record that synced keeps syncing.
        var mayWriteQuickBooks = objectSync.direction.writesToQuickBooks
        var mayWriteHubSpot = objectSync.direction.writesToHubSpot
        if !synced {
            mayWriteQuickBooks = mayWriteQuickBooks && exclusion(of: hubspot) == nil
            mayWriteHubSpot = mayWriteHubSpot && exclusion(of: quickbooks) == nil
        }
        if object == .invoices {
            // "Updates to mapped properties reach QBO only for invoices created in HubSpot."
            if context.origin(of: quickbooks.document) != .hubspot { mayWriteQuickBooks = false }
        }

        var toQuickBooks: [(MappedField, String)] = []
        var toHubSpot: [(MappedField, String)] = []
        for field in fields {
            let decision = FieldDecision(
                hubspot: field.hubspotValue(hubspot.tree), quickbooks: field.quickbooksValue(quickbooks.tree),
                storedHubSpot: storedHubSpot.map { field.hubspotValue($0) }, storedQuickBooks: storedQuickBooks.map { field.quickbooksValue($0) },
                mayWriteQuickBooks: mayWriteQuickBooks && field.flows(into: .quickbooks), mayWriteHubSpot: mayWriteHubSpot && field.flows(into: .hubspot),
                winner: winner)
            switch decision.outcome {
            case .none: break
            case .toQuickBooks(let value): toQuickBooks.append((field, value))
            case .toHubSpot(let value): toHubSpot.append((field, value))
            }
        }
        var linesToQuickBooks: [InvoiceLine]?
        var linesToHubSpot: [InvoiceLine]?
        if object == .invoices {
            let hubspotLines = InvoiceLines.hubspot(hubspot.tree)
            let quickbooksLines = InvoiceLines.quickbooks(quickbooks.tree, items: quickbooksItems)
            let decision = FieldDecision(
                hubspot: InvoiceLines.summary(hubspotLines), quickbooks: InvoiceLines.summary(quickbooksLines),
                storedHubSpot: storedHubSpot.map { InvoiceLines.summary(InvoiceLines.hubspot($0)) },
                storedQuickBooks: storedQuickBooks.map { InvoiceLines.summary(InvoiceLines.quickbooks($0, items: quickbooksItems)) },
                mayWriteQuickBooks: mayWriteQuickBooks, mayWriteHubSpot: mayWriteHubSpot, winner: winner)
            switch decision.outcome {
            case .none: break
            case .toQuickBooks: linesToQuickBooks = hubspotLines
            case .toHubSpot: linesToHubSpot = quickbooksLines
            }
        }

        var drafts: [DraftChange] = []
        var base = PlannedChange(object: object, target: .quickbooks, action: .update, sourceID: hubspot.id, sourceLabel: hubspot.label(object),
                                 targetID: quickbooks.id, fields: [], verdict: .accepted, hubspotID: hubspot.id, quickbooksID: quickbooks.id,
                                 hubspotState: hubspot.tree, quickbooksState: quickbooks.tree)
        if !toQuickBooks.isEmpty || linesToQuickBooks != nil {
            var proposed = quickbooks.tree
            var changes: [PlannedChange.FieldChange] = []
            for (field, value) in toQuickBooks {
                changes.append(.init(name: field.name, from: field.quickbooksValue(quickbooks.tree), to: value))
                field.write(value, into: &proposed, on: .quickbooks)
            }
            if let lines = linesToQuickBooks {
                changes.append(.init(name: "lines", from: InvoiceLines.summary(InvoiceLines.quickbooks(quickbooks.tree, items: quickbooksItems)),
                                     to: InvoiceLines.summary(lines) ?? "none"))
                if let failure = setQuickBooksLines(lines, of: &proposed, invoice: hubspot) {
                    base.verdict = failure
                }
            }
            var change = base
            change.fields = changes
            drafts.append(DraftChange(change: change, proposed: proposed, currentTarget: quickbooks.document,
                                      sourceBefore: changedSince(storedHubSpot, hubspot.tree), sourceDocument: hubspot.document))
        }
        if !toHubSpot.isEmpty || linesToHubSpot != nil {
            var proposed = hubspot.tree
            var changes: [PlannedChange.FieldChange] = []
            for (field, value) in toHubSpot {
                changes.append(.init(name: field.name, from: field.hubspotValue(hubspot.tree), to: value))
                field.write(value, into: &proposed, on: .hubspot)
            }
            var lineItems: [JSONTree]?
            if let lines = linesToHubSpot {
                changes.append(.init(name: "lines", from: InvoiceLines.summary(InvoiceLines.hubspot(hubspot.tree)), to: InvoiceLines.summary(lines) ?? "none"))
                let currency = quickbooks.tree[path: ["CurrencyRef", "value"]]?.text
                lineItems = InvoiceLines.hubspotLineItems(lines, currency: currency, places: CurrencyMinorUnits.places(for: currency))
            }
            var change = base
            change.target = .hubspot
            change.sourceID = quickbooks.id
            change.sourceLabel = quickbooks.label(object)
            change.targetID = hubspot.id
            change.fields = changes
            change.verdict = .accepted
            drafts.append(DraftChange(change: change, proposed: proposed, currentTarget: hubspot.document,
                                      sourceBefore: changedSince(storedQuickBooks, quickbooks.tree), sourceDocument: quickbooks.document,
                                      lineItems: lineItems))
        }
        if drafts.isEmpty, !synced {
            // Same values on both sides: the first sync only records the pairing.
            var change = base
            change.action = .link
            drafts.append(DraftChange(change: change, sourceDocument: hubspot.document))
        } else if drafts.isEmpty, let record, record.status != .synced {
            // A record that failed before and now has nothing left to write is in sync again.
            var change = base
            change.action = .link
            drafts.append(DraftChange(change: change, sourceDocument: hubspot.document))
        }
        if drafts.count == 2 {
            // Each write records the other side as the other write leaves it.
            drafts[0].change.hubspotState = drafts[1].proposed
            drafts[1].change.quickbooksState = drafts[0].proposed
        }
        return drafts
    }

    private func changedSince(_ stored: JSONTree?, _ current: JSONTree) -> JSONTree? {
        guard let stored, stored != current else { return nil }
        return stored
    }

    // MARK: Creates

    private func create(from source: SideRecord) -> DraftChange? {
        let target = source.side.other
        var change = PlannedChange(object: object, target: target, action: .create, sourceID: source.id, sourceLabel: source.label(object),
                                   targetID: nil, fields: [], verdict: .accepted,
                                   hubspotID: source.side == .hubspot ? source.id : nil, quickbooksID: source.side == .quickbooks ? source.id : nil,
                                   hubspotState: source.side == .hubspot ? source.tree : nil, quickbooksState: source.side == .quickbooks ? source.tree : nil)
        let previous = source.side == .hubspot ? storedByHubSpotID[source.id] : storedByQuickBooksID[source.id]
        if let reason = exclusion(of: source) {
            // Quiet for records the direction never takes (nothing to report each run).
            guard objectSync.direction.writes(into: target) || previous != nil else { return nil }
            change.verdict = .excluded(reason)
            return DraftChange(change: change, sourceDocument: source.document)
        }
        var proposed: JSONTree = target == .quickbooks ? .object([]) : ["properties": .object([])]
        for field in fields where field.flows(into: target) {
            guard let value = field.value(source.tree, on: source.side) else { continue }
            if case .invoiceStatus = field.quickbooks, target == .quickbooks { continue }
            field.write(value, into: &proposed, on: target)
            change.fields.append(.init(name: field.name, from: nil, to: value))
        }
        var lineItems: [JSONTree]?
        switch (object, target) {
        case (.contacts, .quickbooks):
            let name = displayName(of: source)
            proposed["DisplayName"] = .string(name)
            proposed["Active"] = true
            change.fields.insert(.init(name: "DisplayName", from: nil, to: name), at: 0)
        case (.products, .quickbooks):
            proposed["Type"] = "Service"
            proposed["Active"] = true
            proposed["IncomeAccountRef"] = ["name": .string(settings.customLineItemIncomeAccount?.value ?? "Sales of Product Income")]
        case (.invoices, .quickbooks):
            guard let customer = customer(of: source) else {
                change.verdict = .blocked(
                    category: "missing-customer",
                    message: "An invoice should have an associated customer: the contact of \(source.label(object)) matches no QuickBooks customer yet",
                    remedy: "Make sure the associated customer is present in both HubSpot & QuickBooks Online (sync the contact, or associate the invoice with the billing contact), then sync again.")
                return DraftChange(change: change, sourceDocument: source.document)
            }
            proposed["CustomerRef"] = ["value": .string(customer.id), "name": .string(customer.name)]
            let lines = InvoiceLines.hubspot(source.tree)
            if let failure = setQuickBooksLines(lines, of: &proposed, invoice: source) { change.verdict = failure }
            change.fields.append(.init(name: "lines", from: nil, to: InvoiceLines.summary(lines) ?? "none"))
        case (.invoices, .hubspot):
            proposed[path: ["properties", "hs_invoice_source"]] = "data_sync"
            let currency = source.tree[path: ["CurrencyRef", "value"]]?.text
            let lines = InvoiceLines.quickbooks(source.tree, items: quickbooksItems)
            lineItems = InvoiceLines.hubspotLineItems(lines, currency: currency, places: CurrencyMinorUnits.places(for: currency))
            change.fields.append(.init(name: "lines", from: nil, to: InvoiceLines.summary(lines) ?? "none"))
            if let customerID = source.tree[path: ["CustomerRef", "value"]]?.text, let contact = contactOfCustomer[customerID] {
                proposed["associations"] = ["contacts": ["results": [["id": .string(contact), "type": "invoice_to_contact"]]]]
            }
        default:
            break
        }
        return DraftChange(change: change, proposed: proposed, sourceDocument: source.document, lineItems: lineItems)
    }

    /// Why the sync leaves a never-synced record out in its direction, or nil.
    private func exclusion(of record: SideRecord) -> String? {
        Preflight.exclusion(of: record.document, for: SyncPair(object, record.side.other.incoming), settings: settings,
                            context: context, filters: filters)
    }

    /// *Display name ← Associated company name*, else first and last name, else the email.
    private func displayName(of contact: SideRecord) -> String {
        let properties = contact.tree["properties"] ?? .object([])
        if objectSync.maps(DefaultMapping.displayNameFromCompany), settings.displayNameFromCompany?.value != false,
           let company = primaryCompany(of: contact.tree), let name = company[path: ["properties", "name"]]?.text {
            return name
        }
        let person = [properties["firstname"]?.text, properties["lastname"]?.text].compactMap { $0 }.joined(separator: " ")
        return person.isEmpty ? (properties["email"]?.text ?? "HubSpot contact \(contact.id)") : person
    }

    private func primaryCompany(of contact: JSONTree) -> JSONTree? {
        let associations = contact[path: ["associations", "companies", "results"]]?.array ?? []
        let primary = associations.first { ($0["type"]?.text ?? "").contains("primary") } ?? associations.first
        return primary?["id"]?.text.flatMap { records.related[.companies]?[$0] }
    }

    /// The QBO customer of a HubSpot invoice: the customer paired with one of its contacts, or
    /// the customer with the contact's email.
    private func customer(of invoice: SideRecord) -> (id: String, name: String)? {
        let contacts = invoice.tree[path: ["associations", "contacts", "results"]]?.array ?? []
        for contact in contacts {
            guard let contactID = contact["id"]?.text else { continue }
            if let customerID = customerOfContact[contactID] {
                return (customerID, quickbooksCustomers[customerID]?["DisplayName"]?.text ?? "")
            }
            if let crm = context.hubspot(.contacts, id: contactID)?.crmObject, let customer = context.customer(matching: crm), let id = customer.id {
                return (id, customer.displayName ?? "")
            }
        }
        return nil
    }

    /// Sets a QBO invoice's lines (and totals) from HubSpot's; a verdict when it cannot.
    private func setQuickBooksLines(_ lines: [InvoiceLine], of invoice: inout JSONTree, invoice source: SideRecord) -> PlannedChange.Verdict? {
        let currency = invoice[path: ["CurrencyRef", "value"]]?.text ?? source.tree[path: ["properties", "hs_currency"]]?.text
        let places = CurrencyMinorUnits.places(for: currency)
        guard let built = InvoiceLines.quickbooksLines(lines, itemsBySKU: itemsBySKU, customLineItem: customLineItem, places: places) else {
            return .blocked(category: "custom-line-item",
                            message: "a line of \(source.label(object)) matches no QuickBooks product, and QuickBooks has no \"Custom line item\" product for it yet",
                            remedy: "Name the Custom line item's income account in the invoice sync setup (sync.invoices.customLineItemIncomeAccount) and sync again, or build the line from a product synced from QuickBooks.")
        }
        let oldTotal = invoice["TotalAmt"]?.text.flatMap(ExactDecimal.init)
        let total = InvoiceLines.total(lines, places: places)
        invoice["Line"] = .array(built)
        invoice["TotalAmt"] = .number(total.description)
        if let balance = invoice["Balance"]?.text.flatMap(ExactDecimal.init), let oldTotal, let difference = try? total - oldTotal {
            invoice["Balance"] = .number(((try? balance + difference) ?? balance).description)
        } else {
            invoice["Balance"] = .number(total.description)
        }
        return nil
    }
}

extension SyncSettings.Direction {
    func writes(into side: SyncSide) -> Bool {
        side == .quickbooks ? writesToQuickBooks : writesToHubSpot
    }
}
