import QBCheckCore

/// A line's amount is its quantity × unit price, and an invoice's total the sum of its lines,
/// less discounts, plus tax. QBO rounds amounts half-up to the currency's minor unit (the cent;
/// none for JPY, a thousandth for KWD); a document whose numbers disagree is rejected or
/// silently recomputed, so the synced invoice is not the one sent.
public struct InvoiceArithmeticRule: Rule {
    public let id = "invoice-arithmetic"

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        switch document.content {
        case .quickbooks(.transaction(let transaction)):
            let places = CurrencyMinorUnits.places(for: transaction.currency?.value)
            checkLines(transaction, places: places, in: document, into: &output)
            checkTotal(transaction, places: places, in: document, into: &output)
        case .hubspot(let line) where line.type == .lineItems:
            checkLineItem(line, in: document, into: &output)
        default:
            return
        }
    }

    private func checkLines(_ transaction: QBOTransaction, places: Int, in document: Document, into output: inout RuleOutput) {
        for line in transaction.allLines where line.kind == .salesItem {
            guard let quantity = line.quantity?.value, let price = line.unitPrice?.value, let amount = line.amount,
                  let product = try? quantity * price else { continue }
            let expected = product.rounded(toPlaces: places)
            guard amount.value.rounded(toPlaces: places) != expected else { continue }
            output.report(amount.location, in: document,
                "line \(document.text(line.id) ?? "") of \(document.label) has amount \(amount.value), but its quantity \(quantity) × unit price \(price) is \(expected.formatted(minimumPlaces: places)); QuickBooks recomputes or rejects the line, so the synced invoice differs from this one",
                remedy: "Set the line's Amount to Qty × UnitPrice, rounded half-up to the currency's minor unit (\(expected.formatted(minimumPlaces: places))).")
        }
    }

    private func checkTotal(_ transaction: QBOTransaction, places: Int, in document: Document, into output: inout RuleOutput) {
        guard let total = transaction.totalAmount else { return }
        var sum = ExactDecimal.zero
        for line in transaction.allLines {
            guard let amount = line.amount?.value else { continue }
            let next: ExactDecimal?
            switch line.kind {
            case .salesItem: next = try? sum + amount
            case .discount: next = try? sum - amount
            default: next = sum
            }
            guard let next else { return }
            sum = next
        }
        if let tax = transaction.taxDetail?.totalTax?.value {
            guard let taxed = try? sum + tax else { return }
            sum = taxed
        }
        let expected = sum.rounded(toPlaces: places)
        guard total.value.rounded(toPlaces: places) != expected else { return }
        output.report(total.location, in: document,
            "\(document.label) has total \(total.value), but its lines, less discounts, plus tax come to \(expected.formatted(minimumPlaces: places)); QuickBooks overwrites TotalAmt, so the synced total is not this one",
            remedy: "Correct the line amounts, discounts or tax so that they add up to the total (\(expected.formatted(minimumPlaces: places))).")
    }

    private func checkLineItem(_ line: CRMObject, in document: Document, into output: inout RuleOutput) {
        guard let quantity = line.decimal("quantity")?.value, let price = line.decimal("price")?.value,
              let amount = line.decimal("amount") else { return }
        var unit = price
        if let discount = line.decimal("discount")?.value, !discount.isZero {
            guard let discounted = try? price - discount else { return }
            unit = discounted
        }
        guard var expected = try? quantity * unit else { return }
        if let percent = line.decimal("hs_discount_percentage")?.value, !percent.isZero {
            guard let share = try? ExactDecimal(100) - percent, let scaled = try? expected * share else { return }
            expected = ExactDecimal(significand: scaled.significand, exponent: scaled.exponent - 2)
        }
        let places = CurrencyMinorUnits.places(for: line["hs_line_item_currency_code"]?.value)
        let rounded = expected.rounded(toPlaces: places)
        guard amount.value.rounded(toPlaces: places) != rounded else { return }
        output.report(amount.location, in: document,
            "line item \"\(line["name"]?.value ?? line.id?.value ?? "")\" has amount \(amount.value), but quantity \(quantity) × unit price \(price)\(unit == price ? "" : " less its discount") is \(rounded.formatted(minimumPlaces: places)); QuickBooks computes the line from quantity and price, so the synced invoice would not match HubSpot's",
            remedy: "Correct the line item's quantity, unit price or discount so that the net price is \(rounded.formatted(minimumPlaces: places)), or correct the amount.")
    }
}
