/// A QBO Payment and the invoices it pays.
public struct QBOPayment: Sendable {
    public var location: Location
    public var id: Located<String>?
    public var txnDate: Located<CalendarDate>?
    public var totalAmount: Located<ExactDecimal>?
    public var customer: Located<String>?
    public var paidInvoices: [Located<String>]

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
