import QBCheckCore

/// "Some edits can't be made to invoices created in HubSpot from within QuickBooks: adding or
/// removing line items, updating pricing, removing a payment, or adding tax information. If the
/// edit isn't made within HubSpot, the invoice will fail to sync. You can update invoice fields,
/// add payments or credits, and add service dates to line items."
///
/// Judges edits of QBO invoices created in HubSpot; edits in HubSpot, and edits of invoices
/// created in QuickBooks, are allowed.
public struct LockedInvoiceEditRule: Rule {
    public let id = "locked-invoice-edit"
    /// Edits only: it judges no document alone.
    public var records: RecordKinds { [] }

    public init() {}

    private static let remedy =
        "Revert the change in QuickBooks and make it on the invoice in HubSpot, which syncs it to QuickBooks."

    public func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput) {
        guard let before = edit.before, let after = edit.after,
              let old = before.transaction, let new = after.transaction, new.entity == "Invoice" else { return }
        guard let origin = context.origin(of: after) ?? context.origin(of: before) else {
            output.skip(RuleContext.unknownOriginReason)
            return
        }
        guard origin == .hubspot else { return }
        let label = after.label

        let oldLines = Self.keyedLines(old, in: before)
        let newLines = Self.keyedLines(new, in: after)
        let oldKeys = Set(oldLines.map(\.key))
        let newKeys = Set(newLines.map(\.key))
        for (key, line) in newLines where !oldKeys.contains(key) {
            output.report(line.location, in: after,
                "a line\(Self.describe(line, in: after)) was added in QuickBooks to \(label), which was created in HubSpot; adding line items to a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: Self.remedy)
        }
        for (key, line) in oldLines where !newKeys.contains(key) {
            output.report(line.location, in: before,
                "line\(Self.describe(line, in: before)) was removed in QuickBooks from \(label), which was created in HubSpot; removing line items of a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: Self.remedy)
        }
        let oldByKey = Dictionary(oldLines, uniquingKeysWith: { first, _ in first })
        for (key, line) in newLines {
            guard let previous = oldByKey[key] else { continue }
            checkPricing(previous, in: before, line, of: label, in: after, into: &output)
            if let code = line.taxCode, after.text(code, is: "TAX"), !before.text(previous.taxCode, is: "TAX") {
                output.report(code.location, in: after,
                    "line\(Self.describe(line, in: after)) of \(label) was made taxable in QuickBooks, but the invoice was created in HubSpot; adding tax to a HubSpot invoice in QuickBooks makes it fail to sync",
                    remedy: Self.remedy)
            }
        }
        checkTax(old, new, of: label, in: after, into: &output)
        checkPayments(old, new, of: label, in: before, into: &output)
    }

    private func checkPricing(_ old: QBOLine, in oldDocument: Document, _ new: QBOLine, of label: String, in document: Document,
                              into output: inout RuleOutput) {
        let changes: [(String, Located<ExactDecimal>?, Located<ExactDecimal>?)] = [
            ("unit price", old.unitPrice, new.unitPrice),
            ("quantity", old.quantity, new.quantity),
            ("amount", old.amount, new.amount),
            ("discount", old.discountPercent, new.discountPercent),
        ]
        // One finding per line: the first of its prices that changed.
        for (name, before, after) in changes where before?.value != after?.value {
            guard let location = after?.location ?? new.unitPrice?.location ?? Optional(new.location) else { continue }
            output.report(location, in: document,
                "the \(name) of line\(Self.describe(new, in: document)) of \(label) changed in QuickBooks from \(before.map { "\($0.value)" } ?? "none") to \(after.map { "\($0.value)" } ?? "none"), but the invoice was created in HubSpot; updating pricing of a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: Self.remedy)
            return
        }
        if let item = document.located(new.item), let previous = oldDocument.text(old.item), item.value != previous {
            output.report(item.location, in: document,
                "line\(Self.describe(new, in: document)) of \(label) now sells item \(item.value) instead of \(previous), but the invoice was created in HubSpot; changing its line items in QuickBooks makes it fail to sync",
                remedy: Self.remedy)
        }
    }

    private func checkTax(_ old: QBOTransaction, _ new: QBOTransaction, of label: String, in document: Document, into output: inout RuleOutput) {
        let oldTax = old.taxDetail?.totalTax?.value ?? .zero
        if let tax = new.taxDetail?.totalTax, !tax.value.isZero, oldTax.isZero {
            output.report(tax.location, in: document,
                "tax \(tax.value) was added in QuickBooks to \(label), which was created in HubSpot; adding tax information to a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: "Remove the tax in QuickBooks. HubSpot invoices cannot carry tax: if the customer must be taxed, void this invoice and create a taxed one in QuickBooks.")
        } else if let code = new.taxDetail?.taxCode, old.taxDetail?.taxCode == nil {
            output.report(code.location, in: document,
                "a tax code (\(code.value)) was added in QuickBooks to \(label), which was created in HubSpot; adding tax information to a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: "Remove the tax code in QuickBooks. HubSpot invoices cannot carry tax: if the customer must be taxed, void this invoice and create a taxed one in QuickBooks.")
        }
    }

    private func checkPayments(_ old: QBOTransaction, _ new: QBOTransaction, of label: String, in document: Document, into output: inout RuleOutput) {
        let kept = Set(new.linkedTransactions.filter { $0.type?.value == "Payment" }.compactMap { $0.id?.value })
        for link in old.linkedTransactions where link.type?.value == "Payment" {
            guard let id = link.id, !kept.contains(id.value) else { continue }
            output.report(link.location, in: document,
                "payment \(id.value) was removed in QuickBooks from \(label), which was created in HubSpot; removing a payment from a HubSpot invoice in QuickBooks makes it fail to sync",
                remedy: "Restore the payment in QuickBooks, and refund or remove it in HubSpot instead.")
        }
    }

    /// The invoice's lines keyed by `Id` (or position, for lines without one); QBO's automatic
    /// subtotal lines are left out, since QBO adds and drops them itself.
    static func keyedLines(_ transaction: QBOTransaction, in document: Document) -> [(key: String, line: QBOLine)] {
        transaction.allLines.enumerated().compactMap { index, line in
            guard line.kind != .subTotal else { return nil }
            return (document.text(line.id) ?? "#\(index)", line)
        }
    }

    /// ` 3 ("Gardening")`: the line's Id and description, as a message names the line.
    static func describe(_ line: QBOLine, in document: Document) -> String {
        var parts: [String] = []
        if let id = document.text(line.id) { parts.append(id) }
        if let description = document.text(line.description) { parts.append("(\"\(description)\")") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " ")
    }
}
