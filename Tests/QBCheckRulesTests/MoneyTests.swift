import QBCheckCore
import QBCheckRules
import Testing

/// Money through the rules: exact decimals, negative lines, fractional quantities, currencies
/// with no or three minor digits, very large totals, and QBO's half-up rounding.
@Suite struct MoneyTests {
    func findings(_ json: String, name: String = "invoice.json") -> [Finding] {
        let file = SourceFile(name: name, text: json)
        let subjects = DocumentReader.read(file).compactMap { try? $0.get() }
        #expect(!subjects.isEmpty, "not read: \(json)")
        return RuleRegistry.engine.run(subjects, in: RuleContext(declaredOrigin: .quickbooks, batch: subjects)).findings
            .filter { $0.rule == "invoice-arithmetic" }
    }

    func invoice(currency: String, lines: [(qty: String, price: String, amount: String)], discount: String? = nil, tax: String? = nil, total: String) -> String {
        var items = lines.enumerated().map { index, line in
            #"{"Id": "\#(index + 1)", "DetailType": "SalesItemLineDetail", "Amount": \#(line.amount), "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "Qty": \#(line.qty), "UnitPrice": \#(line.price)}}"#
        }
        if let discount { items.append(#"{"DetailType": "DiscountLineDetail", "Amount": \#(discount), "DiscountLineDetail": {"PercentBased": false}}"#) }
        let taxDetail = tax.map { #", "TxnTaxDetail": {"TotalTax": \#($0)}"# } ?? ""
        return #"{"Invoice": {"Id": "7", "CurrencyRef": {"value": "\#(currency)"}, "CustomerRef": {"value": "1"}, "Line": [\#(items.joined(separator: ", "))], "TotalAmt": \#(total)\#(taxDetail)}}"#
    }

    @Test func amountsWithMoreThanTwoDecimalsRoundHalfUpToTheCent() {
        // 2.5 × 9.99 = 24.975 → 24.98; 3 × 0.335 = 1.005 → 1.01 (binary floating point says 1.00).
        #expect(findings(invoice(currency: "USD", lines: [("2.5", "9.99", "24.98"), ("3", "0.335", "1.01")], total: "25.99")).isEmpty)
        let wrong = findings(invoice(currency: "USD", lines: [("3", "0.335", "1.00")], total: "1.00"))
        // The total agrees with the lines as written; the line itself is wrong.
        #expect(wrong.map(\.pointer.text) == ["/Invoice/Line/0/Amount"])
        #expect(wrong.first?.message.contains("is 1.01") == true)
    }

    @Test func discountsAndCreditsAreNegativeAmounts() {
        #expect(findings(invoice(currency: "USD", lines: [("2", "50", "100.00"), ("1", "-25.50", "-25.50")], discount: "7.45", tax: "5.10", total: "72.15")).isEmpty)
        #expect(findings(invoice(currency: "USD", lines: [("2", "50", "100.00")], discount: "7.45", total: "100.00")).map(\.pointer.text) == ["/Invoice/TotalAmt"])
    }

    @Test func yenHasNoMinorUnitAndDinarHasThree() {
        // 3 × 333.5 = 1000.5 yen → 1001; 2 × 1.2345 = 2.469 dinar stays 2.469.
        #expect(findings(invoice(currency: "JPY", lines: [("3", "333.5", "1001")], total: "1001")).isEmpty)
        #expect(findings(invoice(currency: "JPY", lines: [("3", "333.5", "1000")], total: "1000")).map(\.pointer.text) == ["/Invoice/Line/0/Amount"])
        #expect(findings(invoice(currency: "JPY", lines: [("3", "333.5", "1001")], total: "1001.4")).isEmpty, "1001.4 yen is 1001")
        #expect(findings(invoice(currency: "KWD", lines: [("2", "1.2345", "2.469")], total: "2.469")).isEmpty)
        #expect(findings(invoice(currency: "KWD", lines: [("2", "1.2345", "2.47")], total: "2.47")).count == 1, "2.470 is not 2.469")
    }

    /// Currency codes arrive as QBO writes them (upper case), but a hand-made document may not.
    @Test func currencyCodesAreToldWhateverTheirCase() {
        #expect(CurrencyMinorUnits.places(for: "JPY") == 0)
        #expect(CurrencyMinorUnits.places(for: "jpy") == 0)
        #expect(CurrencyMinorUnits.places(for: "XPF") == 0, "the last of the codes without a minor unit")
        #expect(CurrencyMinorUnits.places(for: "Kwd") == 3)
        #expect(CurrencyMinorUnits.places(for: "TND") == 3)
        for code in ["USD", "eur", nil, "", "JP", "JPYY", "J1Y", "ＪＰＹ", "JP\u{0}"] as [String?] {
            #expect(CurrencyMinorUnits.places(for: code) == 2, "\(String(describing: code))")
        }
    }

    @Test func veryLargeTotalsStayExact() {
        let price = "12345678901234567.89"
        #expect(findings(invoice(currency: "USD", lines: [("3", price, "37037036703703703.67")], total: "37037036703703703.67")).isEmpty)
        #expect(findings(invoice(currency: "USD", lines: [("3", price, "37037036703703703.66")], total: "37037036703703703.66")).count == 1)
        #expect(findings(invoice(currency: "USD", lines: [("3", price, "37037036703703703.67")], total: "37037036703703703.68")).map(\.pointer.text) == ["/Invoice/TotalAmt"])
    }

    @Test func lineItemsWithPercentageDiscounts() {
        let line = #"{"id": "1", "properties": {"name": "Chair", "price": "250.00", "quantity": "3", "amount": "%@", "hs_discount_percentage": "12.5", "hs_product_id": "9"}}"#
        // 3 × 250 × 0.875 = 656.25
        #expect(findings(line.replacingOccurrences(of: "%@", with: "656.25"), name: "line_items.json").isEmpty)
        #expect(findings(line.replacingOccurrences(of: "%@", with: "656.30"), name: "line_items.json").count == 1)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
