import QBCheckCore

/// "Lock closed accounting periods: turn on the setting that automatically locks closed
/// accounting periods in QuickBooks", so closed periods are protected from synced edits.
public struct ClosedPeriodUnlockedRule: Rule {
    public let id = "closed-period-unlocked"
    public var records: RecordKinds { .quickbooksPreferences }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard case .quickbooks(.preferences(let preferences)) = document.content, preferences.bookCloseDate == nil else { return }
        output.report(preferences.location, in: document,
            "the QuickBooks books have no closing date (Preferences.AccountingInfoPrefs.BookCloseDate is absent), so nothing protects closed accounting periods from invoices and edits the sync writes",
            remedy: "In QuickBooks, turn on Close the books (Settings › Account and settings › Advanced › Accounting) with the date of your last closed period, before switching on the sync.")
    }
}
