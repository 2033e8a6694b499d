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

    public init(engine: RuleEngine = RuleRegistry.engine) {
        self.engine = engine
    }

    public func run(_ account: AccountSnapshot, changes: [Subject] = []) -> PreflightReport {
        let settings = Self.settingsWithRecommendedDefaults(account.settingsDocument?.settings ?? .defaults)
        let subjects = account.allDocuments.map(Subject.document) + changes
        let context = RuleContext(account: account, settings: settings, batch: subjects)
        var run = engine.start(in: context)
        for subject in subjects { run.check(subject) }
        var report = run.finish(fileOrder: account.allDocuments.map(\.file.name).uniqued)

        var findingsByRecord: [RecordIdentity: [Finding]] = [:]
        for finding in report.findings { findingsByRecord[finding.record, default: []].append(finding) }
        let setupDate = settings.setupDate?.value
        let filters = FilterEvaluator(context: context, account: account, setupDate: setupDate)

        let counterparts = Counterparts(account: account, context: context)
        var outcomes: [PreflightReport.RecordOutcome] = []
        for document in account.quickbooks + account.hubspot {
            guard let pair = SyncPair.source(of: document) else { continue }
            let record = RecordIdentity(document)
            var findings = findingsByRecord[record] ?? []
            if let invoice = document.crmObject, invoice.type == .invoices {
                // Findings on an invoice's line items fail the invoice.
                for (_, line) in context.lineItems(of: invoice) {
                    if let line { findings += findingsByRecord[RecordIdentity(line)] ?? [] }
                }
            }
            let status: PreflightReport.Status
            if let reason = Self.exclusion(of: document, for: pair, settings: settings, context: context, filters: filters) {
                status = .excluded(reason)
            } else if findings.contains(where: { $0.severity == .error }) {
                status = .fails
            } else {
                status = .syncs
            }
            outcomes.append(PreflightReport.RecordOutcome(pair: pair, record: record, status: status, findings: findings,
                                                          counterpart: counterparts.counterpart(of: document)))
        }
        // A record the sync leaves out cannot fail: its errors are dropped; warnings and notes
        // (why it is left out: no SKU, no email) stay.
        var excludedRecords = Set<RecordIdentity>()
        for index in outcomes.indices {
            guard case .excluded = outcomes[index].status else { continue }
            excludedRecords.insert(outcomes[index].record)
            outcomes[index].findings.removeAll { $0.severity == .error }
        }
        report.findings.removeAll { $0.severity == .error && excludedRecords.contains($0.record) }
        var preflight = PreflightReport(account: account.directory, setupDate: setupDate, outcomes: outcomes, report: report,
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

extension Array where Element: Hashable {
    var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Matches records across the two sides as the sync does: contacts and customers by email,
/// products by SKU, invoices by number.
struct Counterparts {
    var contactsByEmail: [String: String] = [:]
    var customersByEmail: [String: String] = [:]
    var productsBySKU: [String: String] = [:]
    var itemsBySKU: [String: String] = [:]
    var hubspotInvoicesByNumber: [String: String] = [:]
    var quickbooksInvoicesByNumber: [String: String] = [:]

    init(account: AccountSnapshot, context: RuleContext) {
        for document in account.quickbooks {
            switch document.content {
            case .quickbooks(.name(let customer)) where customer.entity == "Customer":
                if let email = customer.email?.value.lowercased(), let id = customer.id?.value { customersByEmail[email] = customersByEmail[email] ?? id }
            case .quickbooks(.item(let item)):
                if let sku = item.sku?.value, let id = item.id?.value { itemsBySKU[sku] = itemsBySKU[sku] ?? id }
            case .quickbooks(.transaction(let invoice)) where invoice.entity == "Invoice":
                if let number = invoice.docNumber?.value, let id = invoice.id?.value { quickbooksInvoicesByNumber[number] = quickbooksInvoicesByNumber[number] ?? id }
            default: break
            }
        }
        for document in account.hubspot {
            guard let object = document.crmObject, let id = object.id?.value else { continue }
            switch object.type {
            case .contacts: if let email = object["email"]?.value.lowercased() { contactsByEmail[email] = contactsByEmail[email] ?? id }
            case .products: if let sku = object["hs_sku"]?.value { productsBySKU[sku] = productsBySKU[sku] ?? id }
            case .invoices: if let number = object["hs_number"]?.value { hubspotInvoicesByNumber[number] = hubspotInvoicesByNumber[number] ?? id }
            default: break
            }
        }
    }

    func counterpart(of document: Document) -> String? {
        switch document.content {
        case .quickbooks(.name(let customer)):
            return customer.email.flatMap { contactsByEmail[$0.value.lowercased()] }.map { "HubSpot contact \($0)" }
        case .quickbooks(.item(let item)):
            return item.sku.flatMap { productsBySKU[$0.value] }.map { "HubSpot product \($0)" }
        case .quickbooks(.transaction(let invoice)):
            return invoice.docNumber.flatMap { hubspotInvoicesByNumber[$0.value] }.map { "HubSpot invoice \($0)" }
        case .hubspot(let object):
            switch object.type {
            case .contacts: return object["email"].flatMap { customersByEmail[$0.value.lowercased()] }.map { "QBO Customer \($0)" }
            case .products: return object["hs_sku"].flatMap { itemsBySKU[$0.value] }.map { "QBO Item \($0)" }
            case .invoices: return object["hs_number"].flatMap { quickbooksInvoicesByNumber[$0.value] }.map { "QBO Invoice \($0)" }
            default: return nil
            }
        default:
            return nil
        }
    }
}
