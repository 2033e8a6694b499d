import QBCheckCore

/// "HubSpot invoices don't support adding a Service Date to line items, which is required when
/// using QuickBooks' Revenue Recognition": QBO answers "Business Validation Error: Enter a
/// service date…".
public struct RevenueRecognitionServiceDateRule: Rule {
    public let id = "revenue-recognition-service-date"
    public let requirements: [Requirement] = [.preferences]

    public init() {}

    private static let remedy =
        "Turn off revenue recognition in QuickBooks and recognise revenue separately, or create these invoices in QuickBooks with service dates on every line."

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard context.account?.preferences?.preferences.revenueRecognitionEnabled?.value == true else { return }
        guard let bound = context.isInvoiceBoundForQuickBooks(document) else {
            output.skip(RuleContext.unknownOriginReason)
            return
        }
        guard bound else { return }
        if let invoice = document.transaction {
            for line in invoice.allLines where line.kind == .salesItem && line.serviceDate == nil {
                output.report(line.location, in: document,
                    "line \(document.text(line.id) ?? "") of \(document.label) has no service date, but QuickBooks' revenue recognition is on and requires one on every line (\"Business Validation Error: Enter a service date…\"); HubSpot invoices cannot carry service dates",
                    remedy: Self.remedy)
            }
        } else {
            output.report(document.location, in: document,
                "\(document.label) will reach QuickBooks without service dates (HubSpot line items cannot carry them), but QuickBooks' revenue recognition is on and rejects it (\"Business Validation Error: Enter a service date…\")",
                remedy: Self.remedy)
        }
    }
}
