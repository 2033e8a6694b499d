/// A QBO Payment and the invoices it pays.
public final class QBOPayment: Sendable {
    public let location: Location
    public let id: Located<String>?
    public let txnDate: Located<CalendarDate>?
    public let totalAmount: Located<ExactDecimal>?
    public let customer: Located<String>?
    public let paidInvoices: [Located<String>]

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        id = try node.string("Id")
        txnDate = try node.date("TxnDate")
        totalAmount = try node.decimal("TotalAmt")
        customer = try node.reference("CustomerRef")
        var paid: [Located<String>] = []
        for line in try node.array("Line") {
            for link in try line.array("LinkedTxn") where try link.string("TxnType")?.value == "Invoice" {
                if let id = try link.string("TxnId") { paid.append(id) }
            }
        }
        paidInvoices = paid
    }
}
