/// A QBO sales transaction (Invoice, CreditMemo, SalesReceipt, Estimate): the fields the sync
/// rules read, each with its place in the file.
public final class QBOTransaction: Sendable {
    public let entity: String
    public let location: Location
    public let id: Located<String>?
    public let syncToken: Located<String>?
    public let docNumber: Located<String>?
    public let txnDate: Located<CalendarDate>?
    public let customer: Located<String>?
    public let customerName: String?
    public let lines: [QBOLine]
    public let taxDetail: QBOTaxDetail?
    public let customFields: [QBOCustomField]
    public let linkedTransactions: [QBOLinkedTransaction]
    public let globalTaxCalculation: Located<String>?
    public let totalAmount: Located<ExactDecimal>?
    public let currency: Located<String>?
    /// `MetaData.CreateTime`, when QBO created the record (sync filters compare it).
    public let createTime: Located<String>?

    public init(_ node: Node, entity: String) throws(ShapeError) {
        self.entity = entity
        location = node.location
        id = try node.string("Id")
        syncToken = try node.string("SyncToken")
        docNumber = try node.string("DocNumber")
        txnDate = try node.date("TxnDate")
        let customerNode = try node.object("CustomerRef")
        customer = try customerNode?.string("value")
        customerName = try customerNode?.string("name")?.value
        var lines: [QBOLine] = []
        lines.reserveCapacity(node.elementCount(of: "Line"))
        try node.forEachElement(of: "Line") { (line) throws(ShapeError) in lines.append(try QBOLine(line)) }
        self.lines = lines
        taxDetail = try node.object("TxnTaxDetail").map { (detail) throws(ShapeError) in try QBOTaxDetail(detail) }
        var fields: [QBOCustomField] = []
        try node.forEachElement(of: "CustomField") { (field) throws(ShapeError) in fields.append(try QBOCustomField(field)) }
        customFields = fields
        var linked: [QBOLinkedTransaction] = []
        try node.forEachElement(of: "LinkedTxn") { (link) throws(ShapeError) in linked.append(try QBOLinkedTransaction(link)) }
        linkedTransactions = linked
        globalTaxCalculation = try node.string("GlobalTaxCalculation")
        totalAmount = try node.decimal("TotalAmt")
        currency = try node.reference("CurrencyRef")
        createTime = try node.object("MetaData")?.string("CreateTime")
    }

    /// Every line, group lines' nested lines included, in file order. Walked when asked, not
    /// kept: preflight holds every invoice of an account in memory.
    public var allLines: QBOAllLines { QBOAllLines(lines: lines) }
}

/// A transaction's lines with each group line followed by its nested lines, walked in place.
public struct QBOAllLines: Sequence, Sendable {
    let lines: [QBOLine]

    public struct Iterator: IteratorProtocol {
        let lines: [QBOLine]
        var line = 0
        /// The next nested line of `lines[line - 1]` to hand out.
        var nested = 0

        public mutating func next() -> QBOLine? {
            if line > 0 {
                let nestedLines = lines[line - 1].nestedLines
                if nested < nestedLines.count {
                    nested += 1
                    return nestedLines[nested - 1]
                }
            }
            guard line < lines.count else { return nil }
            line += 1
            nested = 0
            return lines[line - 1]
        }
    }

    public func makeIterator() -> Iterator { Iterator(lines: lines) }
}

/// One `Line` of a sales transaction, whatever its `DetailType`.
/// A class: rules walk every line of every invoice, and a shared line costs one retain where a
/// copied value would copy a dozen located fields.
public final class QBOLine: Sendable {
    public enum Kind: Sendable, Hashable {
        case salesItem, subTotal, discount, descriptionOnly, group
        case other(String)
    }

    public let location: Location
    public let kind: Kind
    public let id: Located<String>?
    public let amount: Located<ExactDecimal>?
    public let description: Located<String>?
    public let item: Located<String>?
    public let unitPrice: Located<ExactDecimal>?
    public let quantity: Located<ExactDecimal>?
    public let serviceDate: Located<CalendarDate>?
    public let taxCode: Located<String>?
    public let discountPercent: Located<ExactDecimal>?
    public let nestedLines: [QBOLine]

    /// The known detail types, told from the bytes (literals, not a shared array: every line
    /// of every invoice asks, on every worker thread).
    private static func knownKind(_ node: Node) -> (detailType: String, kind: Kind)? {
        if node.isString("SalesItemLineDetail") { return ("SalesItemLineDetail", .salesItem) }
        if node.isString("SubTotalLineDetail") { return ("SubTotalLineDetail", .subTotal) }
        if node.isString("DiscountLineDetail") { return ("DiscountLineDetail", .discount) }
        if node.isString("DescriptionOnly") { return ("DescriptionOnly", .descriptionOnly) }
        if node.isString("GroupLineDetail") { return ("GroupLineDetail", .group) }
        return nil
    }

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        id = try node.string("Id")
        amount = try node.decimal("Amount")
        description = try node.string("Description")
        // The known detail types are told from the bytes; only another one is read as text.
        let detailTypeNode = node.child("DetailType")
        let detailType: String
        if let detailTypeNode, let known = Self.knownKind(detailTypeNode) {
            (detailType, kind) = known
        } else {
            detailType = try node.string("DetailType")?.value ?? ""
            kind = .other(detailType)
        }
        // `DescriptionOnly` lines keep their detail under `DescriptionLineDetail`.
        let detailKey = detailType == "DescriptionOnly" ? "DescriptionLineDetail" : detailType
        var taxCode: Located<String>?
        var serviceDate: Located<CalendarDate>?
        var item: Located<String>?
        var unitPrice: Located<ExactDecimal>?
        var quantity: Located<ExactDecimal>?
        var discountPercent: Located<ExactDecimal>?
        var nestedLines: [QBOLine] = []
        if !detailKey.isEmpty, let detail = try node.object(detailKey) {
            taxCode = try detail.reference("TaxCodeRef")
            serviceDate = try detail.date("ServiceDate")
            switch kind {
            case .salesItem:
                item = try detail.reference("ItemRef")
                unitPrice = try detail.decimal("UnitPrice")
                quantity = try detail.decimal("Qty")
            case .discount:
                discountPercent = try detail.decimal("DiscountPercent")
            case .group:
                item = try detail.reference("GroupItemRef")
                quantity = try detail.decimal("Quantity")
                try detail.forEachElement(of: "Line") { (line) throws(ShapeError) in nestedLines.append(try QBOLine(line)) }
            default:
                break
            }
        }
        self.taxCode = taxCode
        self.serviceDate = serviceDate
        self.item = item
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.discountPercent = discountPercent
        self.nestedLines = nestedLines
    }
}

/// `TxnTaxDetail`: the transaction's tax total and tax lines.
public struct QBOTaxDetail: Sendable {
    public var location: Location
    public var taxCode: Located<String>?
    public var totalTax: Located<ExactDecimal>?
    public var taxLines: [(location: Location, amount: Located<ExactDecimal>?)]

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        taxCode = try node.reference("TxnTaxCodeRef")
        totalTax = try node.decimal("TotalTax")
        var lines: [(location: Location, amount: Located<ExactDecimal>?)] = []
        try node.forEachElement(of: "TaxLine") { (line) throws(ShapeError) in lines.append((line.location, try line.decimal("Amount"))) }
        taxLines = lines
    }
}

/// A transaction custom field: `{"DefinitionId": "1", "Name": "Crew #", "StringValue": "102"}`.
public struct QBOCustomField: Sendable {
    public var location: Location
    public var definitionID: Located<String>?
    public var name: Located<String>?
    public var value: Located<String>?

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        definitionID = try node.string("DefinitionId")
        name = try node.string("Name")
        value = try node.string("StringValue")
    }
}

/// A `LinkedTxn` entry: a payment, credit memo or estimate linked to the transaction.
public struct QBOLinkedTransaction: Sendable {
    public var location: Location
    public var id: Located<String>?
    public var type: Located<String>?

    public init(_ node: Node) throws(ShapeError) {
        location = node.location
        id = try node.string("TxnId")
        type = try node.string("TxnType")
    }
}
