import QBCheckCore
import QBCheckRules

/// `qbcheck preflight`: a readiness audit of both accounts before the sync is switched on.
///
/// Decides, as the sync would, which records of the snapshot would sync in which direction
/// (the pair's direction, HubSpot's rules for email and SKU, the filters) and runs every rule
/// over the whole snapshot, its settings and its pending changes; a record with an error
/// finding would fail.
public struct Preflight: Sendable {
    public var engine: RuleEngine
    /// Whether the report keeps every record's outcome (`PreflightReport.outcomes`), not only
    /// the failing records' and the counts.
    public var keepsEveryOutcome: Bool
    /// How many threads read and judge the QBO records (`--jobs`); the rules that compare a
    /// record with others, and the judging of each record, run on the caller's, in file order.
    public var workers: Int

    public init(engine: RuleEngine = RuleRegistry.engine, keepsEveryOutcome: Bool = false, workers: Int = 1) {
        self.engine = engine
        self.keepsEveryOutcome = keepsEveryOutcome
        self.workers = workers
    }

    /// Judges every record of the snapshot as it is read, so that a snapshot loaded with
    /// `keepingRecords: false` is read again one record at a time: memory holds the account's
    /// compact records (`AccountSnapshot.names`), the HubSpot records and the failing records'
    /// outcomes, not a million invoices.
    public func run(_ account: AccountSnapshot, changes: [Subject] = []) -> PreflightReport {
        if let report = attempt(account, changes: changes) { return report }
        // A page of the snapshot held records the first look needed after the list it opened
        // with (the API returns one entity a page; a file put together by hand may not): the
        // snapshot is read again with every page whole, and checked again.
        // (Only a snapshot read again can have pages read no further; read whole, it has none.)
        let whole = AccountLoader(fileSystem: account.rereadsFrom ?? .live)
            .load(account.directory, keepingRecords: false, workers: workers, trustingPages: false).snapshot
        return attempt(whole, changes: changes)!
    }

    /// The report, or nil when a page the first look read no further than its opening held
    /// records it needed.
    private func attempt(_ account: AccountSnapshot, changes: [Subject]) -> PreflightReport? {
        let settings = Self.settingsWithRecommendedDefaults(account.settingsDocument?.settings ?? .defaults)
        let context = RuleContext(account: account, settings: settings, batch: changes)
        var run = engine.start(in: context)
        let setupDate = settings.setupDate?.value
        let filters = FilterEvaluator(context: context, account: account, setupDate: setupDate)
        var counterparts = Counterparts(account: account, context: context)
        var tally = OutcomeTally(keepsEvery: keepsEveryOutcome)
        var findings: [Finding] = []
        var files: [String] = []

        func exclusion(of document: Document) -> (pair: SyncPair, reason: String?)? {
            SyncPair.source(of: document).map { ($0, Self.exclusion(of: document, for: $0, settings: settings, context: context, filters: filters)) }
        }
        // A record the sync leaves out cannot fail: its errors are dropped; warnings and notes
        // (why it is left out: no SKU, no email) stay. The HubSpot records are at hand, so
        // whether each is left out is known before anything is checked.
        var excludedHubSpotRecords = Set<RecordIdentity>()
        for document in account.hubspot where exclusion(of: document)?.reason != nil {
            excludedHubSpotRecords.insert(RecordIdentity(document))
        }
        /// Checks one record (`judged`: what the rules that judge records alone found on a
        /// worker); returns what was found about it (findings on other records, such as an
        /// invoice's line items, go to the report and `others`).
        func check(_ document: Document, _ record: inout RecordIdentity?, excluded: Bool, judged: [Finding]? = nil,
                   others: (Finding) -> Void = { _ in }) -> [Finding] {
            if files.last != document.file.name { files.append(document.file.name) }
            var own: [Finding] = []
            var found = run.checkTakingFindings(.document(document), onlyRulesWithMemory: judged != nil)
            if let judged, !judged.isEmpty { found = (found + judged).sorted(by: Finding.precedesInFile) }
            for finding in found {
                let isOwn = finding.record == Self.identity(of: document, &record)
                if finding.severity == .error, isOwn ? excluded : excludedHubSpotRecords.contains(finding.record) { continue }
                findings.append(finding)
                if isOwn { own.append(finding) } else { others(finding) }
            }
            return own
        }
        /// Counts the record's outcome; the outcome itself is made only for a record the report
        /// keeps (most records sync, and their identity is never worked out).
        func judge(_ document: Document, _ record: inout RecordIdentity?, _ pair: SyncPair, _ exclusion: String?, _ found: [Finding]) {
            let status: PreflightReport.Status = if let exclusion { .excluded(exclusion) } else if found.contains(where: { $0.severity == .error }) { .fails } else { .syncs }
            tally.add(pair, status) {
                PreflightReport.RecordOutcome(pair: pair, record: Self.identity(of: document, &record), status: status, findings: found,
                                              counterpart: status == .fails || keepsEveryOutcome ? counterparts.counterpart(of: document) : nil)
            }
        }

        // QBO records, each judged as soon as it is checked.
        let parallel = run.parallelPart
        let reread = AccountLoader.forEachQuickBooksRecord(of: account, workers: workers, rules: parallel,
                                                           absorb: { run.absorb($0) }) { document, judged in
            counterparts.note(document)
            var record: RecordIdentity?
            let judgement = exclusion(of: document)
            let found = check(document, &record, excluded: judgement?.reason != nil, judged: judged)
            if let (pair, reason) = judgement { judge(document, &record, pair, reason, found) }
        }
        if reread.firstLookMissed { return nil }
        // HubSpot records, all checked before any is judged: findings on an invoice's line
        // items fail the invoice.
        var hubspotFindings: [RecordIdentity: [Finding]] = [:]
        var judged: [(document: Document, record: RecordIdentity, pair: SyncPair, exclusion: String?)] = []
        for document in account.hubspot {
            var record: RecordIdentity? = RecordIdentity(document)
            let judgement = exclusion(of: document)
            let own = check(document, &record, excluded: judgement?.reason != nil) { hubspotFindings[$0.record, default: []].append($0) }
            if !own.isEmpty { hubspotFindings[record!, default: []] += own }
            if let (pair, reason) = judgement { judged.append((document, record!, pair, reason)) }
        }
        for (document, record, pair, exclusion) in judged {
            var found = (hubspotFindings[record] ?? []).sorted(by: Finding.precedesInFile)
            if let invoice = document.crmObject, invoice.type == .invoices {
                for (_, line) in context.lineItems(of: invoice) {
                    if let line { found += (hubspotFindings[RecordIdentity(line)] ?? []).sorted(by: Finding.precedesInFile) }
                }
            }
            var known: RecordIdentity? = record
            judge(document, &known, pair, exclusion, found)
        }
        // The account descriptions, the settings and the pending changes: no records to judge.
        for document in [account.hubspotAccountDocument, account.settingsDocument].compactMap({ $0 }) {
            if !files.contains(document.file.name) { files.append(document.file.name) }
            run.check(.document(document))
        }
        for subject in changes { run.check(subject) }
        var report = run.finish(fileOrder: files, adding: findings)
        report.inputErrors = reread.errors
        var preflight = PreflightReport(account: account.directory, setupDate: setupDate, summaries: tally.summaries, failing: tally.failing,
                                        outcomes: tally.every, report: report,
                                        fees: Self.fees(account, syncsInvoicesToQuickBooks: context.syncsInvoicesToQuickBooks))
        if let setupDate {
            preflight.recommendedFilters = SyncPair.all.compactMap { pair in
                let objectSync = pair.object == .contacts ? settings.contacts : pair.object == .products ? settings.products : settings.invoices
                let userFilter = pair.direction == .quickbooksToHubSpot ? objectSync?.quickbooksToHubSpotFilter : objectSync?.hubspotToQuickBooksFilter
                guard userFilter == nil, let filter = RecommendedSetup.filterDescription(pair, setupDate: setupDate) else { return nil }
                return (pair, filter)
            }
        }
        return preflight
    }

    /// The record's identity, worked out the first time it is asked for.
    private static func identity(of document: Document, _ known: inout RecordIdentity?) -> RecordIdentity {
        if let known { return known }
        let made = RecordIdentity(document)
        known = made
        return made
    }

    /// The pairs `qbcheck.json` leaves out take HubSpot's recommended direction.
    package static func settingsWithRecommendedDefaults(_ settings: SyncSettings) -> SyncSettings {
        var settings = settings
        func fill(_ pair: SyncSettings.ObjectSync?, _ object: SyncPair.Object) -> SyncSettings.ObjectSync {
            pair ?? SyncSettings.ObjectSync(location: settings.location, enabled: true, direction: RecommendedSetup.direction(of: object),
                                            conflictResolution: nil, customMappings: [], quickbooksToHubSpotFilter: nil,
                                            hubspotToQuickBooksFilter: nil, hubspotToQuickBooksFilterLocation: nil)
        }
        settings.contacts = fill(settings.contacts, .contacts)
        settings.products = fill(settings.products, .products)
        settings.invoices = fill(settings.invoices, .invoices)
        return settings
    }

    /// Why the sync would leave a record out in this direction, or nil when it takes it.
    package static func exclusion(of document: Document, for pair: SyncPair, settings: SyncSettings, context: RuleContext, filters: FilterEvaluator) -> String? {
        let objectSync: SyncSettings.ObjectSync? = switch pair.object {
        case .contacts: settings.contacts
        case .products: settings.products
        case .invoices: settings.invoices
        }
        if let objectSync, !objectSync.enabled { return "the \(pair.object.rawValue) sync is paused" }
        let direction = objectSync?.direction ?? .twoWay
        let flows = pair.direction == .quickbooksToHubSpot ? direction.writesToHubSpot : direction.writesToQuickBooks
        if !flows { return "the \(pair.object.rawValue) sync runs one way, \(direction == .quickbooksToHubSpot ? "QuickBooks → HubSpot" : "HubSpot → QuickBooks")" }
        switch document.content {
        case .quickbooks(.name(let customer)):
            if !customer.active { return "inactive in QuickBooks" }
            if customer.email?.value.isEmpty ?? true { return "no email address" }
        case .hubspot(let contact) where contact.type == .contacts:
            if contact["email"] == nil { return "no email address" }
        case .quickbooks(.item(let item)):
            if !item.active { return "inactive in QuickBooks" }
            if item.sku?.value.isEmpty ?? true { return "no SKU" }
        case .hubspot(let product) where product.type == .products:
            if product["hs_sku"] == nil { return "no SKU" }
        case .quickbooks(.transaction):
            if context.origin(of: document) == .hubspot { return "created in HubSpot: its HubSpot record is the source" }
        case .hubspot(let invoice) where invoice.type == .invoices:
            if RuleContext.origin(ofHubSpotInvoice: invoice) == .quickbooks { return "created in QuickBooks: its QuickBooks record is the source" }
            if invoice["hs_invoice_status"]?.value.lowercased() == "draft" { return "draft: drafts do not sync" }
        default:
            break
        }
        return filters.exclusion(of: document, for: pair, settings: objectSync)
    }

    /// Processing and platform fees of HubSpot payments, by currency: what to book as an expense.
    static func fees(_ account: AccountSnapshot, syncsInvoicesToQuickBooks: Bool) -> [PreflightReport.FeeTotal] {
        guard syncsInvoicesToQuickBooks else { return [] }
        var totals: [String: PreflightReport.FeeTotal] = [:]
        for document in account.hubspot {
            guard let payment = document.crmObject, payment.type == .commercePayments,
                  let fees = ProcessingFeesNotExpensedRule.fees(of: payment), !fees.total.isZero else { continue }
            let currency = payment["hs_currency_code"]?.value.uppercased() ?? "?"
            var total = totals[currency] ?? PreflightReport.FeeTotal(currency: currency, total: .zero, payments: 0)
            guard let sum = try? total.total + fees.total else { continue }
            total.total = sum
            total.payments += 1
            totals[currency] = total
        }
        return totals.values.sorted { $0.currency < $1.currency }
    }
}
