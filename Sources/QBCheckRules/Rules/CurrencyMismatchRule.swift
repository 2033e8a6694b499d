import QBCheckCore

/// QBO: a customer's currency is set once and cannot change, and `CurrencyRef` "must be defined
/// if multicurrency is enabled"; without multicurrency every transaction is in the home currency.
/// An invoice in another currency than its customer's, or in a foreign currency while
/// multicurrency is off, is rejected.
public struct CurrencyMismatchRule: Rule {
    public let id = "currency-mismatch"
    public let requirements: [Requirement] = [.preferences]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let preferences = context.account?.preferences?.preferences,
              let home = preferences.homeCurrency?.value.uppercased() else { return }
        let multicurrency = preferences.multiCurrencyEnabled?.value ?? false
        let currency: Located<String>
        let customer: NameRecord?
        switch document.content {
        case .quickbooks(.transaction(let transaction)) where transaction.entity == "Invoice":
            guard context.isInvoiceBoundForQuickBooks(document) != false, let value = transaction.currency else { return }
            currency = value
            customer = transaction.customer.flatMap { context.customer(id: $0.value) }
        case .hubspot(let invoice) where invoice.type == .invoices:
            guard context.isInvoiceBoundForQuickBooks(document) == true, let value = invoice["hs_currency"] else { return }
            currency = value
            customer = invoice.associated(.contacts).lazy.compactMap { context.hubspot(.contacts, id: $0.id.value)?.crmObject }
                .compactMap { context.customer(matching: $0) }.first
        default:
            return
        }
        let code = currency.value.uppercased()
        if !multicurrency, code != home {
            output.report(currency.location, in: document,
                "\(document.label) is in \(code), but the QuickBooks company works only in its home currency \(home) (multicurrency is off), so QuickBooks rejects it",
                remedy: "Invoice this customer in \(home), or turn on multicurrency in QuickBooks (it cannot be turned off again).")
        } else if let customer, let customerCurrency = customer.currency?.uppercased(), customerCurrency != code {
            output.report(currency.location, in: document,
                "\(document.label) is in \(code), but its QuickBooks customer \"\(customer.displayName ?? "")\" is in \(customerCurrency), and a customer's currency cannot change, so QuickBooks rejects it",
                remedy: "Invoice the customer in \(customerCurrency), or create a separate customer for \(code) invoices.")
        }
    }
}
