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
    /// Every line, group lines' nested lines included, in file order: each group line is
    /// followed by its own. One array of values: lines had been objects, a heap allocation
    /// each (six per invoice) freed one by one.
    public let allLines: [QBOLine]
    /// How many lines stand at the top level (nested lines are not counted).
    public let lineCount: Int
    public let taxDetail: QBOTaxDetail?
    public let linkedTransactions: [QBOLinkedTransaction]
    public let globalTaxCalculation: Located<String>?
    public let totalAmount: Located<ExactDecimal>?
    public let currency: Located<String>?
    /// `MetaData.CreateTime`, when QBO created the record (sync filters compare it), left in
    /// the file: a date-time is too long for a string without a heap allocation.
    public let createTime: Located<FileText>?

    /// The members read, named as QBO names them.
    private enum Member: Int, MemberSlot {
        case Id, SyncToken, DocNumber, TxnDate, CustomerRef, Line, TxnTaxDetail, LinkedTxn, GlobalTaxCalculation, TotalAmt,
             CurrencyRef, MetaData
        static let names = MemberSlotTable(Self.self)
    }

    public init(_ node: FieldReader, entity: String) throws(ShapeError) {
        self.entity = entity
        location = node.location
        let member = node.members(Member.self)
        id = try member[.Id]?.asString()
        syncToken = try member[.SyncToken]?.asString()
        docNumber = try member[.DocNumber]?.asString()
        txnDate = try member[.TxnDate]?.asDate()
        customer = try member[.CustomerRef]?.asReference()
        // The lines go into an array of the thread's, used over again once its invoice is gone.
        let ring = ThreadArrays.current.transactionLines
        let lineCount = member[.Line]?.elementCount ?? 0
        var lines = ring.take(expecting: lineCount, slack: 8)
        if let lineArray = member[.Line] {
            lines.reserveCapacity(lineCount)
            var linesAfter = lineCount
            try lineArray.forEachElement { (line) throws(ShapeError) in
                linesAfter -= 1
                try QBOLine.read(line, isNested: false, into: &lines, linesAfter: linesAfter)
            }
        }
        allLines = ring.keep(lines)
        self.lineCount = lineCount
        taxDetail = try member[.TxnTaxDetail].map { (detail) throws(ShapeError) in try QBOTaxDetail(try detail.asObject()) }
        var linked: [QBOLinkedTransaction] = []
        linked.reserveCapacity(member[.LinkedTxn]?.elementCount ?? 0)
        try member[.LinkedTxn]?.forEachElement { (link) throws(ShapeError) in linked.append(try QBOLinkedTransaction(link)) }
        linkedTransactions = linked
        globalTaxCalculation = try member[.GlobalTaxCalculation]?.asString()
        totalAmount = try member[.TotalAmt]?.asDecimal()
        currency = try member[.CurrencyRef]?.asReference()
        createTime = try member[.MetaData]?.asObject().field("CreateTime")?.asFileText()
    }

    /// The top-level lines, in file order (nested lines left out).
    public var lines: [QBOLine] { allLines.filter { !$0.isNested } }
}

/// One `Line` of a sales transaction, whatever its `DetailType`.
///
/// Plain memory, with no references: its texts are left in the file (`FileText`, read with
/// `document.text(line.id)`), so an invoice's lines are made and freed as one block.
public struct QBOLine: Sendable {
    /// The line's `DetailType`; another type than these is `other`, its name in `detailType`.
    public enum Kind: Sendable, Hashable {
        case salesItem, subTotal, discount, descriptionOnly, group, other
    }

    public let location: Location
    // Variables only so that `read` can fill a line in place, in its invoice's array: a line
    // made apart and then appended was copied there (a retain and a release of each of its
    // strings), eight times per invoice. `kind` is always read.
    public private(set) var kind: Kind = .descriptionOnly
    /// `DetailType` as written.
    public private(set) var detailType: Located<FileText>?
    public private(set) var id: Located<FileText>?
    public private(set) var amount: Located<ExactDecimal>?
    public private(set) var description: Located<FileText>?
    /// `ItemRef` (a group line's `GroupItemRef`): the product or service sold.
    public private(set) var item: Located<FileText>?
    public private(set) var unitPrice: Located<ExactDecimal>?
    public private(set) var quantity: Located<ExactDecimal>?
    public private(set) var serviceDate: Located<CalendarDate>?
    public private(set) var taxCode: Located<FileText>?
    public private(set) var discountPercent: Located<ExactDecimal>?
    /// Whether the line is one of a group line's (`GroupLineDetail.Line`).
    public let isNested: Bool

    /// The known detail types, told from the bytes (literals, not a shared array: every line
    /// of every invoice asks, on every worker thread).
    private static func knownKind(_ detailType: FieldReader) -> Kind? {
        if detailType.isString("SalesItemLineDetail") { return .salesItem }
        if detailType.isString("SubTotalLineDetail") { return .subTotal }
        if detailType.isString("DiscountLineDetail") { return .discount }
        if detailType.isString("DescriptionOnly") { return .descriptionOnly }
        if detailType.isString("GroupLineDetail") { return .group }
        return nil
    }

    /// The members of a line read, named as QBO names them.
    private enum Member: Int, MemberSlot {
        case Id, Amount, Description, DetailType, SalesItemLineDetail, SubTotalLineDetail, DiscountLineDetail, DescriptionLineDetail,
             GroupLineDetail
        static let names = MemberSlotTable(Self.self)
    }

    /// The members of a line's detail read, whatever its type.
    private enum Detail: Int, MemberSlot {
        case TaxCodeRef, ServiceDate, ItemRef, UnitPrice, Qty, DiscountPercent, GroupItemRef, Quantity, Line
        static let names = MemberSlotTable(Self.self)
    }

    /// Reads the line at `node` into `lines`, followed by its nested lines if it is a group;
    /// `linesAfter` top-level lines are still to come.
    static func read(_ node: FieldReader, isNested: Bool, into lines: inout [QBOLine], linesAfter: Int) throws(ShapeError) {
        var nestedLines: FieldReader?
        lines.append(QBOLine(at: node.location, isNested: isNested))
        try lines[lines.count - 1].read(node, nestedLines: &nestedLines)
        guard let nestedLines else { return }
        // Room for the group's lines and the lines still to come, made once: the array would
        // otherwise double, and an account's invoices are held by the thousand.
        lines.reserveCapacity(lines.count + nestedLines.elementCount + linesAfter)
        try nestedLines.forEachElement { (line) throws(ShapeError) in try read(line, isNested: true, into: &lines, linesAfter: 0) }
    }

    /// A line with nothing read yet.
    private init(at location: Location, isNested: Bool) {
        self.location = location
        self.isNested = isNested
    }

    /// Reads one line; a group line's nested lines are left in `nestedLines`.
    private mutating func read(_ node: FieldReader, nestedLines: inout FieldReader?) throws(ShapeError) {
        let member = node.members(Member.self)
        id = try member[.Id]?.asFileText()
        amount = try member[.Amount]?.asDecimal()
        description = try member[.Description]?.asFileText()
        // The known detail types are told from the bytes; only another one is read as text.
        let detailType = member[.DetailType]
        self.detailType = try detailType?.asFileText()
        let detail: FieldReader?
        switch detailType.flatMap(Self.knownKind) {
        case .salesItem?: (kind, detail) = (.salesItem, member[.SalesItemLineDetail])
        case .subTotal?: (kind, detail) = (.subTotal, member[.SubTotalLineDetail])
        case .discount?: (kind, detail) = (.discount, member[.DiscountLineDetail])
        // `DescriptionOnly` lines keep their detail under `DescriptionLineDetail`.
        case .descriptionOnly?: (kind, detail) = (.descriptionOnly, member[.DescriptionLineDetail])
        case .group?: (kind, detail) = (.group, member[.GroupLineDetail])
        case .other?, nil:
            let name = try detailType?.asString().value ?? ""
            kind = .other
            detail = name.isEmpty ? nil : node.field(name)
        }
        var taxCode: Located<FileText>?
        var serviceDate: Located<CalendarDate>?
        var item: Located<FileText>?
        var unitPrice: Located<ExactDecimal>?
        var quantity: Located<ExactDecimal>?
        var discountPercent: Located<ExactDecimal>?
        if let detail = try detail?.asObject() {
            let field = detail.members(Detail.self)
            taxCode = try field[.TaxCodeRef]?.asReferenceText()
            serviceDate = try field[.ServiceDate]?.asDate()
            switch kind {
            case .salesItem:
                item = try field[.ItemRef]?.asReferenceText()
                unitPrice = try field[.UnitPrice]?.asDecimal()
                quantity = try field[.Qty]?.asDecimal()
            case .discount:
                discountPercent = try field[.DiscountPercent]?.asDecimal()
            case .group:
                item = try field[.GroupItemRef]?.asReferenceText()
                quantity = try field[.Quantity]?.asDecimal()
                nestedLines = field[.Line]
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
    }
}

/// `TxnTaxDetail`: the transaction's tax total and tax lines.
public struct QBOTaxDetail: Sendable {
    public var location: Location
    public var taxCode: Located<String>?
    public var totalTax: Located<ExactDecimal>?
    public var taxLines: [(location: Location, amount: Located<ExactDecimal>?)]

    /// The members read, named as QBO names them: one walk over the detail's members, where
    /// a lookup by name walked them once for each.
    private enum Member: Int, MemberSlot {
        case TxnTaxCodeRef, TotalTax, TaxLine
        static let names = MemberSlotTable(Self.self)
    }

    public init(_ node: FieldReader) throws(ShapeError) {
        location = node.location
        let member = node.members(Member.self)
        taxCode = try member[.TxnTaxCodeRef]?.asReference()
        totalTax = try member[.TotalTax]?.asDecimal()
        var lines: [(location: Location, amount: Located<ExactDecimal>?)] = []
        if let taxLines = member[.TaxLine] {
            lines.reserveCapacity(taxLines.elementCount)
            try taxLines.forEachElement { (line) throws(ShapeError) in lines.append((line.location, try line.decimal("Amount"))) }
        }
        taxLines = lines
    }
}

/// A `LinkedTxn` entry: a payment, credit memo or estimate linked to the transaction.
public struct QBOLinkedTransaction: Sendable {
    public var location: Location
    public var id: Located<String>?
    public var type: Located<String>?

    private enum Member: Int, MemberSlot {
        case TxnId, TxnType
        static let names = MemberSlotTable(Self.self)
    }

    public init(_ node: FieldReader) throws(ShapeError) {
        location = node.location
        let member = node.members(Member.self)
        id = try member[.TxnId]?.asString()
        type = try member[.TxnType]?.asString()
    }
}
