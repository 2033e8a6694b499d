import QBCheckCore

/// HubSpot's recommended setup, as the setup screen fills it in from the setup date:
/// - Contacts: two-way. QuickBooks → HubSpot: all customers. HubSpot → QuickBooks: invoice status
///   is not Draft, and create date is after the setup date, and invoice source is any HubSpot
///   source (read here as: the contact is on such an invoice).
/// - Products: one-way QuickBooks → HubSpot, all products and services.
/// - Invoices: one-way QuickBooks → HubSpot, creation time after the setup date at 12:00.
/// A pair that `qbcheck.json` does not set takes these; noon is taken in UTC.
public enum RecommendedSetup {
    public static func direction(of object: SyncPair.Object) -> SyncSettings.Direction {
        switch object {
        case .contacts: .twoWay
        case .products, .invoices: .quickbooksToHubSpot
        }
    }

    /// The recommended filter of a pair and direction, in words, or nil when it lets all through.
    public static func filterDescription(_ pair: SyncPair, setupDate: CalendarDate) -> String? {
        switch (pair.object, pair.direction) {
        case (.contacts, .hubspotToQuickBooks):
            "invoice status is not Draft, create date is after \(setupDate), and invoice source is any HubSpot source"
        case (.invoices, .quickbooksToHubSpot):
            "creation time is after \(setupDate) at 12:00"
        default:
            nil
        }
    }
}

/// Whether a record passes a sync filter: the user's, or the recommended one.
package struct FilterEvaluator {
    let context: RuleContext
    let setupDate: CalendarDate?
    /// HubSpot invoices by the ids of their contacts, for the recommended contact filter.
    let invoicesByContact: [String: [CRMObject]]

    package init(context: RuleContext, account: AccountSnapshot, setupDate: CalendarDate?) {
        self.context = context
        self.setupDate = setupDate
        var byContact: [String: [CRMObject]] = [:]
        for document in account.hubspot {
            guard let invoice = document.crmObject, invoice.type == .invoices else { continue }
            for contact in invoice.associated(.contacts) { byContact[contact.id.value, default: []].append(invoice) }
        }
        invoicesByContact = byContact
    }

    /// Why the filter leaves the record out, or nil when it passes.
    func exclusion(of document: Document, for pair: SyncPair, settings: SyncSettings.ObjectSync?) -> String? {
        // The outbound invoice filter cannot be edited: a filter set for it does not apply.
        let editable = !(pair.object == .invoices && pair.direction == .hubspotToQuickBooks)
        let filter = pair.direction == .quickbooksToHubSpot ? settings?.quickbooksToHubSpotFilter : settings?.hubspotToQuickBooksFilter
        if let filter, editable {
            return passes(document, filter) ? nil : "sync filter"
        }
        guard let setupDate else { return nil }
        switch (pair.object, pair.direction) {
        case (.contacts, .hubspotToQuickBooks):
            guard let id = document.crmObject?.id?.value else { return "recommended filter: on no HubSpot invoice since the setup date" }
            let setup = Instant(noonOf: setupDate).seconds - 12 * 3600
            let qualifies = (invoicesByContact[id] ?? []).contains { invoice in
                invoice["hs_invoice_status"]?.value.lowercased() != "draft"
                    && (invoice["hs_createdate"].flatMap { Instant($0.value) }.map { $0.seconds > setup + 86_399 } ?? false)
                    && RuleContext.origin(ofHubSpotInvoice: invoice) == .hubspot
            }
            return qualifies ? nil : "recommended filter: on no HubSpot invoice created after the setup date"
        case (.invoices, .quickbooksToHubSpot):
            guard let created = document.text(document.transaction?.createTime).flatMap(Instant.init) else { return nil }
            return created > Instant(noonOf: setupDate) ? nil : "recommended filter: created before the setup date at 12:00"
        default:
            return nil
        }
    }

    private func passes(_ document: Document, _ filter: SyncFilter) -> Bool {
        filter.groups.isEmpty || filter.groups.contains { group in group.allSatisfy { holds($0, for: document) } }
    }

    private func holds(_ condition: SyncFilter.Condition, for document: Document) -> Bool {
        let value = Self.property(condition.property, of: document)
        let values = condition.values.map { $0.lowercased() }
        switch condition.operator {
        case .isKnown: return value != nil
        case .isUnknown: return value == nil
        case .is, .isAnyOf: return value.map { values.contains($0.lowercased()) } ?? false
        case .isNot, .isNoneOf: return !(value.map { values.contains($0.lowercased()) } ?? false)
        case .contains: return value.map { text in values.contains { text.lowercased().contains($0) } } ?? false
        case .after, .before:
            guard let value, let left = Instant(value), let bound = condition.values.first.flatMap(Instant.init) else { return false }
            return condition.operator == .after ? left > bound : left < bound
        }
    }

    /// A property of a record as filters name it: HubSpot internal names; QBO field names.
    static func property(_ name: String, of document: Document) -> String? {
        switch document.content {
        case .hubspot(let object):
            return object[name]?.value
        case .quickbooks(.transaction(let transaction)):
            switch name {
            case "TxnDate": return transaction.txnDate?.value.description
            case "DocNumber": return transaction.docNumber?.value
            case "CreateTime", "MetaData.CreateTime": return document.text(transaction.createTime)
            case "CurrencyRef": return transaction.currency?.value
            default: return nil
            }
        case .quickbooks(.name(let entity)):
            switch name {
            case "DisplayName": return entity.effectiveDisplayName?.value
            case "PrimaryEmailAddr", "Email": return entity.email?.value
            case "Active": return entity.active ? "true" : "false"
            case "CompanyName": return entity.companyName?.value
            default: return nil
            }
        case .quickbooks(.item(let item)):
            switch name {
            case "Name": return item.name?.value
            case "Sku": return item.sku?.value
            case "Type": return item.type?.value
            case "Active": return item.active ? "true" : "false"
            default: return nil
            }
        default:
            return nil
        }
    }
}

