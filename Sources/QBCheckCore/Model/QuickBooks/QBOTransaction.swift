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

    /// The members read, named as QBO names them (`DirectRecordReader` reads by them too).
    enum Member: Int, MemberSlot {
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

    /// A transaction read some other way (`DirectRecordReader`), field by field.
    init(entity: String, location: Location, id: Located<String>?, syncToken: Located<String>?, docNumber: Located<String>?,
         txnDate: Located<CalendarDate>?, customer: Located<String>?, allLines: [QBOLine], lineCount: Int, taxDetail: QBOTaxDetail?,
         linkedTransactions: [QBOLinkedTransaction], globalTaxCalculation: Located<String>?, totalAmount: Located<ExactDecimal>?,
         currency: Located<String>?, createTime: Located<FileText>?) {
        self.entity = entity
        self.location = location
        self.id = id
        self.syncToken = syncToken
        self.docNumber = docNumber
        self.txnDate = txnDate
        self.customer = customer
        self.allLines = allLines
        self.lineCount = lineCount
        self.taxDetail = taxDetail
        self.linkedTransactions = linkedTransactions
        self.globalTaxCalculation = globalTaxCalculation
        self.totalAmount = totalAmount
        self.currency = currency
        self.createTime = createTime
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
    // Variables so that the readers fill a line field by field: `read` in place, in its
    // invoice's array; `DirectRecordReader` apart, appending it whole (plain memory: the
    // copy holds no reference to count). `kind` is always read.
    public internal(set) var kind: Kind = .descriptionOnly
    /// `DetailType` as written.
    public internal(set) var detailType: Located<FileText>?
    public internal(set) var id: Located<FileText>?
    public internal(set) var amount: Located<ExactDecimal>?
    public internal(set) var description: Located<FileText>?
    /// `ItemRef` (a group line's `GroupItemRef`): the product or service sold.
    public internal(set) var item: Located<FileText>?
    public internal(set) var unitPrice: Located<ExactDecimal>?
    public internal(set) var quantity: Located<ExactDecimal>?
    public internal(set) var serviceDate: Located<CalendarDate>?
    public internal(set) var taxCode: Located<FileText>?
    public internal(set) var discountPercent: Located<ExactDecimal>?
    /// Whether the line is one of a group line's (`GroupLineDetail.Line`).
    public let isNested: Bool

    /// The known detail types, told by `reads`, which says whether the `DetailType` reads a
    /// name (literals, not a shared array: every line of every invoice asks, on every worker
    /// thread).
    static func knownKind(_ reads: (StaticString) -> Bool) -> Kind? {
        if reads("SalesItemLineDetail") { return .salesItem }
        if reads("SubTotalLineDetail") { return .subTotal }
        if reads("DiscountLineDetail") { return .discount }
        if reads("DescriptionOnly") { return .descriptionOnly }
        if reads("GroupLineDetail") { return .group }
        return nil
    }

    /// The member of a line that holds the detail of `kind`.
    static func detailMember(of kind: Kind) -> Member? {
        switch kind {
        case .salesItem: .SalesItemLineDetail
        case .subTotal: .SubTotalLineDetail
        case .discount: .DiscountLineDetail
        // `DescriptionOnly` lines keep their detail under `DescriptionLineDetail`.
        case .descriptionOnly: .DescriptionLineDetail
        case .group: .GroupLineDetail
        case .other: nil
        }
    }

    /// The members of a line read, named as QBO names them.
    enum Member: Int, MemberSlot {
        case Id, Amount, Description, DetailType, SalesItemLineDetail, SubTotalLineDetail, DiscountLineDetail, DescriptionLineDetail,
             GroupLineDetail
        static let names = MemberSlotTable(Self.self)
    }

    /// The members of a line's detail read, whatever its type.
    enum Detail: Int, MemberSlot {
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
    init(at location: Location, isNested: Bool) {
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
        if let known = detailType.flatMap({ type in Self.knownKind { type.isString($0) } }), let holder = Self.detailMember(of: known) {
            (kind, detail) = (known, member[holder])
        } else {
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
    enum Member: Int, MemberSlot {
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

    /// A tax detail with nothing read yet.
    init(at location: Location) {
        self.location = location
        taxLines = []
    }
}

/// A `LinkedTxn` entry: a payment, credit memo or estimate linked to the transaction.
public struct QBOLinkedTransaction: Sendable {
    public var location: Location
    public var id: Located<String>?
    public var type: Located<String>?

    enum Member: Int, MemberSlot {
        case TxnId, TxnType
        static let names = MemberSlotTable(Self.self)
    }

    public init(_ node: FieldReader) throws(ShapeError) {
        location = node.location
        let member = node.members(Member.self)
        id = try member[.TxnId]?.asString()
        type = try member[.TxnType]?.asString()
    }

    /// A link with nothing read yet.
    init(at location: Location) {
        self.location = location
    }
}
