import QBCheckCore

/// QBO: "If an invoice is taxable, there is a limit of 750 lines per invoice."
public struct TaxableInvoiceLineLimitRule: Rule {
    public let id = "taxable-invoice-line-limit"
    public static let limit = 750

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let invoice = document.transaction, invoice.entity == "Invoice", invoice.lineCount > Self.limit else { return }
        let taxable = !(invoice.taxDetail?.totalTax?.value.isZero ?? true) || invoice.taxDetail?.taxCode != nil
            || invoice.allLines.contains { document.text($0.taxCode, is: "TAX") }
        guard taxable else { return }
        output.report(invoice.lines[Self.limit].location, in: document,
            "\(document.label) is taxable and has \(invoice.lineCount) lines, but QuickBooks allows at most \(Self.limit) lines on a taxable invoice; this is line \(Self.limit + 1)",
            remedy: "Split the invoice into invoices of at most \(Self.limit) lines, or group lines into bundles.")
    }
}
