import QBCheckCore

/// QBO: `DocNumber` "Max length: maximum of 21 chars"; longer numbers fail with error 2050
/// ("String length specified does not match the supported length. Min:0 Max:21 supported.").
public struct DocNumberTooLongRule: Rule {
    public let id = "doc-number-too-long"
    public static let limit = 21

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        let number: Located<String>?
        switch document.content {
        case .quickbooks(.transaction(let transaction)): number = transaction.docNumber
        case .hubspot(let invoice) where invoice.type == .invoices:
            guard context.isInvoiceBoundForQuickBooks(document) == true else { return }
            number = invoice["hs_number"]
        default: return
        }
        guard let number, number.value.count > Self.limit else { return }
        output.report(number.location, in: document,
            "the document number \"\(number.value)\" has \(number.value.count) characters, but QuickBooks allows at most \(Self.limit) (error 2050, \"String length specified does not match the supported length\")",
            remedy: "Shorten the invoice number (or the HubSpot invoice prefix) to \(Self.limit) characters or fewer.")
    }
}
