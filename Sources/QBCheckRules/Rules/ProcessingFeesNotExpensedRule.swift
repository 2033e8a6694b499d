import QBCheckCore

/// "When a paid invoice syncs from HubSpot to QuickBooks, the processing fees of the payment
/// processor (Stripe or HubSpot payments) do not create an expense in QuickBooks. Sum the
/// Processing fees and Platform fees and book the total as an expense."
public struct ProcessingFeesNotExpensedRule: Rule {
    public let id = "processing-fees-not-expensed"
    public var records: RecordKinds { .hubspotObjects }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let payment = document.crmObject, payment.type == .commercePayments, context.syncsInvoicesToQuickBooks else { return }
        guard let fees = Self.fees(of: payment), !fees.total.isZero else { return }
        let currency = payment["hs_currency_code"]?.value ?? ""
        output.report(fees.location, in: document,
            "payment \(payment.id?.value ?? "") carries \(fees.total) \(currency) of processing and platform fees (hs_fees_amount, hs_platform_fee); when its invoice syncs to QuickBooks no expense is booked for them".trimmingCharacters,
            remedy: "Report the paid invoices' Processing fees and Platform fees in HubSpot and book their total as an expense in QuickBooks (qbcheck preflight prints the total).")
    }

    /// A payment's processing plus platform fees, where they stand; nil when it has none.
    public static func fees(of payment: CRMObject) -> (total: ExactDecimal, location: Location)? {
        let parts = [payment.decimal("hs_fees_amount"), payment.decimal("hs_platform_fee")].compactMap { $0 }
        guard let first = parts.first else { return nil }
        var total = ExactDecimal.zero
        for part in parts {
            guard let sum = try? total + part.value else { return nil }
            total = sum
        }
        return (total, first.location)
    }
}
