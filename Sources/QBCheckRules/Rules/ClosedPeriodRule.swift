import QBCheckCore

/// "Lock closed accounting periods … so that closed periods are protected from changes."
/// QBO refuses to create, change or delete a transaction dated on or before the books' closing
/// date (`Preferences.AccountingInfoPrefs.BookCloseDate`): error 6210, "The account period has
/// closed and the account books cannot be updated through the QBO Services API."
///
/// Judges records the sync would write into QBO, and edits on both their old and new date: an
/// edit that moves a transaction out of a closed period still changes that period.
public struct ClosedPeriodRule: Rule {
    public let id = "closed-period"
    public let requirements: [Requirement] = [.preferences]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let closing = context.account?.preferences?.preferences.bookCloseDate?.value,
              isWrittenToQuickBooks(document, in: context), let date = Self.date(of: document) else { return }
        guard date.value <= closing else { return }
        let action: String
        if document.crmObject != nil {
            action = "syncing it writes a transaction into a closed period"
        } else if document.operation == .delete {
            action = "deleting it changes a closed period"
        } else if document.operation == .create || document.recordID == nil {
            action = "creating it writes into a closed period"
        } else {
            action = "changing it changes a closed period"
        }
        output.report(date.location, in: document,
            "\(document.label) is dated \(date.value), on or before the books' closing date \(closing): \(action), which QuickBooks refuses (error 6210, \"The account period has closed\")",
            remedy: Self.remedy(closing))
    }

    public func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput) {
        guard let closing = context.account?.preferences?.preferences.bookCloseDate?.value,
              let primary = edit.primary, Self.date(of: primary) != nil || edit.before.flatMap(Self.date) != nil else { return }
        let old = edit.before.flatMap(Self.date)
        let new = edit.after.flatMap(Self.date)
        let label = primary.label
        if let new, let after = edit.after, new.value <= closing {
            let verb = edit.before == nil ? "creating" : "editing"
            output.report(new.location, in: after,
                "\(verb) \(label) dated \(new.value) changes the closed period: it is on or before the books' closing date \(closing), and QuickBooks refuses changes there (error 6210, \"The account period has closed\")",
                remedy: Self.remedy(closing))
        } else if let old, let before = edit.before, old.value <= closing {
            let change = edit.after == nil ? "deleting" : "editing"
            output.report(old.location, in: before,
                "\(change) \(label) changes the closed period: its current date \(old.value) is on or before the books' closing date \(closing), and QuickBooks refuses changes there (error 6210, \"The account period has closed\")",
                remedy: Self.remedy(closing))
        }
    }

    private static func remedy(_ closing: CalendarDate) -> String {
        "Leave transactions dated on or before \(closing) unchanged; record a correction dated after \(closing) instead, or have your accountant reopen the period in QuickBooks (Settings › Advanced › Close the books) first."
    }

    /// A stored QBO record read from an export is no change; the sync writes create requests,
    /// batch operations, and invoices created in HubSpot.
    private func isWrittenToQuickBooks(_ document: Document, in context: RuleContext) -> Bool {
        switch document.content {
        case .quickbooks(.transaction), .quickbooks(.payment):
            return document.operation != nil || document.recordID == nil || context.origin(of: document) == .hubspot
        case .hubspot(let object) where object.type == .invoices:
            return context.syncsInvoicesToQuickBooks && context.origin(of: document) == .hubspot
                && object["hs_invoice_status"]?.value.lowercased() != "draft"
        default:
            return false
        }
    }

    /// The transaction date: QBO `TxnDate`, HubSpot `hs_invoice_date`.
    static func date(of document: Document) -> Located<CalendarDate>? {
        switch document.content {
        case .quickbooks(.transaction(let transaction)): return transaction.txnDate
        case .quickbooks(.payment(let payment)): return payment.txnDate
        case .hubspot(let object) where object.type == .invoices:
            guard let text = object["hs_invoice_date"], let date = CalendarDate(text.value) else { return nil }
            return Located(date, at: text.location)
        default: return nil
        }
    }
}
