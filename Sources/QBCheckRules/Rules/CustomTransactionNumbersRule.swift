import QBCheckCore

/// "Turn off Custom transaction number in QuickBooks Online … If left on, invoices created in
/// QuickBooks will automatically adopt the HubSpot invoices prefix, which could lead to
/// conflicting invoice numbers" (QBO error 6140, duplicate document number).
public struct CustomTransactionNumbersRule: Rule {
    public let id = "custom-transaction-numbers"
    public var records: RecordKinds { .quickbooksPreferences }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard case .quickbooks(.preferences(let preferences)) = document.content,
              let setting = preferences.customTransactionNumbers, setting.value,
              context.settings.invoices?.enabled ?? true else { return }
        output.report(setting.location, in: document,
            "QuickBooks' Custom transaction numbers setting is on: invoices created in QuickBooks will adopt the HubSpot invoice prefix, so invoice numbers can collide and QuickBooks rejects the duplicate (error 6140, \"Duplicate Document Number Error\")",
            remedy: "In QuickBooks, turn off Custom transaction numbers (Settings › Account and settings › Sales › Sales form content) before switching on invoice sync.")
    }
}
