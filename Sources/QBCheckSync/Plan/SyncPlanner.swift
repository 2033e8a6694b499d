import QBCheckCore
import QBCheckPreflight
import QBCheckRules

/// Plans the sync of one object pair and has the validator judge every change: a change with an
/// error finding (on the proposed record, on its source, or on the source's own edit since the
/// last sync) is rejected, and nothing of it is written.
public struct SyncPlanner: Sendable {
    public var engine: RuleEngine

    public init(engine: RuleEngine = RuleRegistry.engine) {
        self.engine = engine
    }

    /// The settings the sync runs with: `qbcheck.json`, and HubSpot's recommended setup for
    /// the pairs it leaves out.
    public static func effectiveSettings(_ account: AccountSnapshot) -> SyncSettings {
        Preflight.settingsWithRecommendedDefaults(account.settingsDocument?.settings ?? .defaults)
    }

    /// What `qbcheck.json` asks that the sync cannot do: its error findings, each with its effect.
    public func reviewSettings(_ account: AccountSnapshot) -> [SettingsNote] {
        guard let document = account.settingsDocument else { return [] }
        let context = RuleContext(account: account, settings: Self.effectiveSettings(account))
        let report = engine.run(account.allDocuments.map(Subject.document), in: context)
        return report.findings.filter { $0.file == document.file.name && $0.severity == .error }.map { finding in
            SettingsNote(finding: finding, effect: Self.effect(of: finding.pointer.tokens))
        }
    }

    static func effect(of tokens: [String]) -> SettingsNote.Effect {
        guard tokens.count >= 2, tokens[0] == "sync", let object = SyncPair.Object(rawValue: tokens[1]) else { return .syncStopped }
        if tokens.count >= 4, ["customMappings", "customFieldMappings"].contains(tokens[2]) {
            return .mappingLeftOut(object: object, mapping: "\(tokens[2])/\(tokens[3])")
        }
        if tokens.count >= 3, tokens[2] == "filters" { return .filterNotApplied(object: object) }
        return .pairStopped(object: object)
    }

    /// The changes of one object pair, judged. `records` are the sync records of every pair.
    public func plan(_ object: SyncPair.Object, account: AccountSnapshot, records: [SyncRecordStore.Record],
                     notes: [SettingsNote]) -> [PlannedChange] {
        var settings = Self.effectiveSettings(account)
        guard var objectSync = settings.objectSync(object), objectSync.enabled,
              !notes.contains(where: { $0.effect == .syncStopped || $0.effect == .pairStopped(object: object) }) else { return [] }
        // Mappings the validator rejected are left out; a filter it rejected is not applied.
        let leftOut = Set(notes.compactMap { note -> String? in
            if case .mappingLeftOut(object, let mapping) = note.effect { return mapping }
            return nil
        })
        objectSync.customMappings = objectSync.customMappings.enumerated().filter { !leftOut.contains("customMappings/\($0.offset)") }.map(\.element)
        if notes.contains(where: { $0.effect == .filterNotApplied(object: object) }) {
            objectSync.quickbooksToHubSpotFilter = nil
            objectSync.hubspotToQuickBooksFilter = nil
        }
        if object == .invoices {
            settings.invoiceCustomFieldMappings = settings.invoiceCustomFieldMappings.enumerated()
                .filter { !leftOut.contains("customFieldMappings/\($0.offset)") }.map(\.element)
        }
        settings.setObjectSync(objectSync, for: object)

        var fields = DefaultMapping.of(object.rawValue).filter { objectSync.maps($0.name) }.map(MappedField.init)
        fields += objectSync.customMappings.map { MappedField($0, pairDirection: objectSync.direction) }
        if object == .invoices {
            fields += settings.invoiceCustomFieldMappings.map(MappedField.init)
            fields.append(.invoiceStatus)
        }

        let context = RuleContext(account: account, settings: settings)
        var pairRecords = PairRecords(object: object, account: account)
        if object == .invoices {
            let lineItems = pairRecords.related[.lineItems] ?? [:]
            for index in pairRecords.hubspot.indices {
                let ids = pairRecords.hubspot[index].tree[path: ["associations", "line items", "results"]]?.array
                    ?? pairRecords.hubspot[index].tree[path: ["associations", "line_items", "results"]]?.array ?? []
                pairRecords.hubspot[index].tree[InvoiceLines.embeddedKey] = .array(ids.compactMap { $0["id"]?.text.flatMap { lineItems[$0] } })
            }
        }
        var customerOfContact: [String: String] = [:]
        var contactOfCustomer: [String: String] = [:]
        for record in records where record.object == SyncPair.Object.contacts.rawValue && record.lastSync != nil {
            guard let hubspot = record.hubspotID, let quickbooks = record.quickbooksID else { continue }
            customerOfContact[hubspot] = quickbooks
            contactOfCustomer[quickbooks] = hubspot
        }
        let planner = PairPlanner(
            object: object, settings: settings, objectSync: objectSync, fields: fields, records: pairRecords,
            stored: records.filter { $0.object == object.rawValue }, customerOfContact: customerOfContact, contactOfCustomer: contactOfCustomer,
            context: context, filters: FilterEvaluator(context: context, account: account, setupDate: settings.setupDate?.value),
            quickbooksItems: Self.quickbooksRecords(account) { $0.isItem },
            quickbooksCustomers: Self.quickbooksRecords(account) { $0.nameEntity?.entity == "Customer" })
        var drafts = planner.plan()
        if object == .products, let draft = customLineItemDraft(account: account, settings: settings, pairRecords: pairRecords) {
            drafts.append(draft)
        }
        return judge(drafts, object: object, account: account, settings: settings)
    }

    /// QBO records of one kind by `Id`, as JSON (items: categories and groups included, since
    /// invoice lines may name any item).
    private static func quickbooksRecords(_ account: AccountSnapshot, where kind: (Document) -> Bool) -> [String: JSONTree] {
        var records: [String: JSONTree] = [:]
        for document in account.quickbooks where kind(document) {
            guard let id = document.recordID, records[id] == nil, let tree = document.tree else { continue }
            records[id] = tree
        }
        return records
    }

    /// "An invoice line that matches no QBO product is mapped to a product named Custom line
    /// item, created in QBO": created with the products, before the invoices that need it.
    private func customLineItemDraft(account: AccountSnapshot, settings: SyncSettings, pairRecords: PairRecords) -> DraftChange? {
        guard SyncSettings.writesToQuickBooks(settings.invoices), let incomeAccount = settings.customLineItemIncomeAccount?.value else { return nil }
        let context = RuleContext(account: account, settings: settings)
        if account.quickbooks.contains(where: { $0.document(isItemNamed: InvoiceLines.customLineItemName) }) { return nil }
        let needed = account.hubspot.contains { document in
            guard let invoice = document.crmObject, invoice.type == .invoices, context.isInvoiceBoundForQuickBooks(document) == true else { return false }
            return context.lineItems(of: invoice).contains { _, line in
                guard let sku = line?.crmObject?["hs_sku"]?.value else { return true }
                return context.itemsBySKU[sku] == nil
            }
        }
        guard needed, let source = account.settingsDocument else { return nil }
        let proposed: JSONTree = ["Name": .string(InvoiceLines.customLineItemName), "Type": "Service", "Active": true,
                                  "IncomeAccountRef": ["name": .string(incomeAccount)]]
        let change = PlannedChange(object: .products, target: .quickbooks, action: .create, sourceID: "custom-line-item",
                                   sourceLabel: "the invoice sync setup (unmatched invoice lines)", targetID: nil,
                                   fields: [.init(name: "Name", from: nil, to: InvoiceLines.customLineItemName),
                                            .init(name: "IncomeAccountRef", from: nil, to: incomeAccount)],
                                   verdict: .accepted)
        return DraftChange(change: change, proposed: proposed, sourceDocument: source)
    }

    /// Runs the validator over the snapshot with every proposed record and source edit, and
    /// turns each draft into a judged change with its connector operation.
    private func judge(_ drafts: [DraftChange], object: SyncPair.Object, account: AccountSnapshot, settings: SyncSettings) -> [PlannedChange] {
        var subjects: [Subject] = []
        var creations: [Subject] = []
        var syntheticFiles: [[String]] = []
        for (index, draft) in drafts.enumerated() {
            var names: [String] = []
            guard draft.change.action != .link, !draft.change.isExcluded else {
                syntheticFiles.append(names)
                continue
            }
            // A contact's rules already judge it as the customer it would become (its display
            // name, its names' length and characters); its proposed customer is not judged twice.
            let judgedAsSource = object == .contacts && draft.change.target == .quickbooks && draft.change.action == .create
            if let proposed = draft.proposed, !judgedAsSource {
                // The proposed record is judged as it would stand; only the source's own edit
                // since the last sync is judged as an edit (the sync's writes are not user edits).
                let name = "(sync plan #\(index + 1)) \(draft.change.summary)"
                if let document = Self.document(proposed, side: draft.change.target, object: object, name: name) {
                    names.append(name)
                    subjects.append(.document(document))
                    if draft.currentTarget == nil { creations.append(.document(document)) }
                }
            }
            if let before = draft.sourceBefore {
                let name = "(sync plan #\(index + 1)) \(draft.change.sourceLabel) at the last sync"
                if let document = Self.document(before, side: draft.change.source, object: object, name: name) {
                    names.append(name)
                    subjects.append(.edit(Edit(before: document, after: draft.sourceDocument)))
                }
            }
            syntheticFiles.append(names)
        }
        let context = RuleContext(account: account, settings: settings, batch: creations)
        let report = engine.run(account.allDocuments.map(Subject.document) + subjects, in: context)
        var byRecord: [RecordIdentity: [Finding]] = [:]
        var byFile: [String: [Finding]] = [:]
        for finding in report.findings {
            byRecord[finding.record, default: []].append(finding)
            if finding.file.hasPrefix("(sync plan") { byFile[finding.file, default: []].append(finding) }
        }

        return drafts.enumerated().map { index, draft in
            var change = draft.change
            guard change.action != .link, !change.isExcluded else { return change }
            var findings = byRecord[RecordIdentity(draft.sourceDocument)] ?? []
            if let invoice = draft.sourceDocument.crmObject, invoice.type == .invoices {
                for (_, line) in context.lineItems(of: invoice) {
                    if let line { findings += byRecord[RecordIdentity(line)] ?? [] }
                }
            }
            for name in syntheticFiles[index] { findings += byFile[name] ?? [] }
            let errors = findings.filter { $0.severity == .error }
            change.notes = findings.filter { $0.severity != .error }
            if !errors.isEmpty {
                change.verdict = .rejected(errors)
                return change
            }
            guard case .accepted = change.verdict else { return change }
            if let proposed = draft.proposed {
                var record = proposed
                record[InvoiceLines.embeddedKey] = nil
                let syncToken = change.action == .update && change.target == .quickbooks ? draft.currentTarget.flatMap(Self.syncToken) : nil
                let requestID = RequestID.of([object.rawValue, change.target.rawValue, change.action.rawValue, change.targetID ?? "", change.sourceID,
                                              record.written(indent: 0), JSONTree.array(draft.lineItems ?? []).written(indent: 0)])
                change.operation = ConnectorOperation(
                    requestID: requestID, side: change.target,
                    entity: change.target == .quickbooks ? object.quickbooksEntity : object.rawValue,
                    action: change.action == .create ? .create : .update, id: change.targetID, syncToken: syncToken,
                    record: record, lineItems: draft.lineItems)
            }
            return change
        }
    }

    private static func syncToken(_ document: Document) -> String? {
        switch document.content {
        case .quickbooks(.transaction(let transaction)): transaction.syncToken?.value
        default: nil
        }
    }

    /// Reads a proposed record as the validator reads exported ones.
    static func document(_ tree: JSONTree, side: SyncSide, object: SyncPair.Object, name: String) -> Document? {
        var record = tree
        record[InvoiceLines.embeddedKey] = nil
        let text = side == .quickbooks ? JSONTree.object([.init(object.quickbooksEntity, record)]).written(indent: 0) : record.written(indent: 0)
        let file = SourceFile(name: name, text: text)
        for entry in DocumentReader.read(file, objectType: side == .hubspot ? CRMObjectType(apiName: object.rawValue) : nil) {
            if case .success(.document(let document)) = entry { return document }
        }
        return nil
    }
}

extension Document {
    var isItem: Bool {
        if case .quickbooks(.item) = content { return true }
        return false
    }

    func document(isItemNamed name: String) -> Bool {
        if case .quickbooks(.item(let item)) = content { return item.name?.value == name }
        return false
    }
}

extension SyncSettings {
    public func objectSync(_ object: SyncPair.Object) -> ObjectSync? {
        switch object {
        case .contacts: contacts
        case .products: products
        case .invoices: invoices
        }
    }

    mutating func setObjectSync(_ value: ObjectSync, for object: SyncPair.Object) {
        switch object {
        case .contacts: contacts = value
        case .products: products = value
        case .invoices: invoices = value
        }
    }
}
