/// Reads the QBO records of an export straight from their bytes into the model, with no tape:
/// an NDJSON line that holds one sales transaction (`{"Invoice": {...}, "time": "..."}`, nearly
/// every line of an export) or one customer, vendor or employee, and the same records in a
/// query response's list (a page of an account snapshot).
///
/// The usual way writes a tape entry for each of an invoice's few hundred values, and the model
/// then walks those entries and the bytes once more: the second pass cost more than the first.
/// Here the line is read once. Member names are told by the model's own tables
/// (`QBOTransaction.Member`, `QBOLine.Member`…) as they are met, the values the model keeps
/// are read where they stand, and every other value is still checked, byte by byte, by the
/// parser's own readers.
///
/// It takes only the common shape, well-formed: any other line (another shape, a repeated
/// member, a line's detail before its `DetailType`, a value of another type than the model
/// reads, a syntax error) is refused, and `DocumentReader` reads it the usual way, which
/// decides what is reported. So this reader may refuse anything, but must never take a line
/// the usual way would read otherwise: `DirectRecordReaderTests` compares the two.
package struct DirectRecordReader {
    private var parser: JSONParser
    /// Thrown for whatever this reader does not take; never reported.
    private static let refusal = JSONSyntaxError(offset: 0, reason: .invalidNumber)
    /// How deep group lines may nest here (deeper ones are read the usual way).
    private static let deepestGroup = 8

    private init(parser: JSONParser) {
        self.parser = parser
    }

    /// The line's record as a document, and the offset of the line's value; nil when the line
    /// is not one this reader takes. Without `takingTransactions` (a first look, which only
    /// notes transactions), only customers, vendors and employees are taken.
    package static func read(_ file: SourceFile, takingTransactions: Bool = true) -> (document: Document, offset: Int)? {
        file.bytes.withUnsafeBufferPointer { bytes -> (document: Document, offset: Int)? in
            guard !bytes.isEmpty else { return nil }
            var reader = DirectRecordReader(parser: JSONParser(bytes: bytes, source: file.bytes, start: 0, end: bytes.count))
            // Strings with escapes or bytes outside ASCII, and skipped objects and arrays, are
            // read by the parser, which writes their entries here; none is kept.
            reader.parser.entries = TapeEntries(capacity: 16)
            defer { reader.parser.entries.release() }
            do {
                return try reader.line(in: file, takingTransactions: takingTransactions)
            } catch {
                return nil
            }
        }
    }

    /// The record that starts at `start` in a query response's list of `entity` (`{"QueryResponse":
    /// {"Invoice": [...]}}`, a page of an account export), as a document at `pointer`, and the
    /// offset just past it; nil when this reader does not take it (the parser then reads it onto
    /// a tape, the usual way). `depthLeft` is the nesting the page's
    /// parser still allows below the list: with less than a transaction may use here (group
    /// lines, and the 48 levels of a value stepped over), the usual way decides.
    package static func readElement(of file: SourceFile, at start: Int, entity: String, pointer: JSONPointer,
                                    depthLeft: Int) -> (document: Document, end: Int)? {
        guard depthLeft >= 128 else { return nil }
        return file.bytes.withUnsafeBufferPointer { bytes -> (document: Document, end: Int)? in
            var reader = DirectRecordReader(parser: JSONParser(bytes: bytes, source: file.bytes, start: start, end: bytes.count))
            reader.parser.entries = TapeEntries(capacity: 16)
            defer { reader.parser.entries.release() }
            do {
                // The record's place is its opening brace, here, as the models take it.
                let location = reader.here
                let content = try reader.record(entity: entity)
                return (Document(file: file, location: location, pointer: pointer, content: .quickbooks(content)), reader.parser.index)
            } catch {
                return nil
            }
        }
    }

    // MARK: The shape

    /// `{"Invoice": {...}, "time": "..."}`: one record, besides `time` and `warnings`.
    private mutating func line(in file: SourceFile, takingTransactions: Bool) throws(JSONSyntaxError) -> (document: Document, offset: Int) {
        parser.skipWhitespace()
        let start = parser.index
        // Kept apart, not as a `QBOEntity`: copied and destroyed as an enum of seven payloads,
        // the record cost a few hundred instructions a line more.
        var found: String?
        var transaction: QBOTransaction?
        var nameEntity: QBONameEntity?
        var location = here
        guard try open(UInt8(ascii: "{")) else { throw Self.refusal }
        repeat {
            let name = try memberName()
            if Self.equals(name, "time") || Self.equals(name, "warnings") {
                try skipValue()
            } else {
                guard found == nil else { throw Self.refusal }
                location = here
                if takingTransactions, let entity = Self.transactionName(name) {
                    found = entity
                    transaction = try self.transaction(entity: entity)
                } else if let entity = Self.nameEntityName(name) {
                    found = entity
                    nameEntity = try self.nameEntity(entity: entity)
                } else {
                    throw Self.refusal
                }
            }
        } while try more(closing: UInt8(ascii: "}"))
        parser.skipWhitespace()
        guard parser.atEnd, let found else { throw Self.refusal }
        let content: QBOEntity
        if let transaction {
            content = .transaction(transaction)
        } else if let nameEntity {
            content = .name(nameEntity)
        } else {
            throw Self.refusal
        }
        let document = Document(file: file, location: location, pointer: JSONPointer.root.appending(found), content: .quickbooks(content))
        return (document, start)
    }

    /// A record of `entity`, one of the names this reader takes (`takes(entity:)`).
    private mutating func record(entity: String) throws(JSONSyntaxError) -> QBOEntity {
        switch entity {
        case "Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt": .transaction(try transaction(entity: entity))
        case "Customer", "Vendor", "Employee": .name(try nameEntity(entity: entity))
        default: throw Self.refusal
        }
    }

    /// Whether this reader takes records of `entity` (a query response's list is named so):
    /// the names of `QBOEntity.transactionNames` and `nameEntityNames`, as literals (a shared
    /// set's storage is a reference count the workers would pass between their cores).
    package static func takes(entity: String) -> Bool {
        switch entity {
        case "Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt", "Customer", "Vendor", "Employee": true
        default: false
        }
    }

    /// The customer, vendor or employee a wrapper's member name announces.
    private static func nameEntityName(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        if equals(name, "Customer") { return "Customer" }
        if equals(name, "Vendor") { return "Vendor" }
        if equals(name, "Employee") { return "Employee" }
        return nil
    }

    /// The sales transaction a wrapper's member name announces (`QBOEntity.transactionNames`,
    /// told from the bytes).
    private static func transactionName(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        if equals(name, "Invoice") { return "Invoice" }
        if equals(name, "CreditMemo") { return "CreditMemo" }
        if equals(name, "SalesReceipt") { return "SalesReceipt" }
        if equals(name, "Estimate") { return "Estimate" }
        if equals(name, "RefundReceipt") { return "RefundReceipt" }
        return nil
    }

    // MARK: The model, as `QBOTransaction.init(_:entity:)` reads it

    private mutating func transaction(entity: String) throws(JSONSyntaxError) -> QBOTransaction {
        let location = here
        var id, syncToken, docNumber, customer, globalTaxCalculation, currency: Located<String>?
        var txnDate: Located<CalendarDate>?
        var totalAmount: Located<ExactDecimal>?
        var createTime: Located<FileText>?
        var taxDetail: QBOTaxDetail?
        var linked: [QBOLinkedTransaction] = []
        // The lines go into an array of the thread's, as the usual way's do.
        let ring = ThreadArrays.current.transactionLines
        var lines = ring.take(expecting: 0, slack: 64)
        var lineCount = 0
        var seen: UInt32 = 0
        if try open(UInt8(ascii: "{")) {
            let names = QBOTransaction.Member.names
            repeat {
                switch try member(QBOTransaction.Member.self, in: names, seen: &seen) {
                case .Id?: id = try string()
                case .SyncToken?: syncToken = try string()
                case .DocNumber?: docNumber = try string()
                case .TxnDate?: txnDate = try date()
                case .CustomerRef?: customer = try referenceString()
                case .Line?: lineCount = try readLines(into: &lines, areNested: false, depth: 0)
                case .TxnTaxDetail?: taxDetail = try self.taxDetail()
                case .LinkedTxn?: linked = try linkedTransactions()
                case .GlobalTaxCalculation?: globalTaxCalculation = try string()
                case .TotalAmt?: totalAmount = try decimal()
                case .CurrencyRef?: currency = try referenceString()
                case .MetaData?: createTime = try self.createTime()
                case nil: try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        return QBOTransaction(entity: entity, location: location, id: id, syncToken: syncToken, docNumber: docNumber, txnDate: txnDate,
                              customer: customer, allLines: ring.keep(lines), lineCount: lineCount, taxDetail: taxDetail,
                              linkedTransactions: linked, globalTaxCalculation: globalTaxCalculation, totalAmount: totalAmount,
                              currency: currency, createTime: createTime)
    }

    /// The lines of a `Line` array, each followed by a group line's own; how many the array holds.
    private mutating func readLines(into lines: inout [QBOLine], areNested: Bool, depth: Int) throws(JSONSyntaxError) -> Int {
        if try skipNull() { return 0 }
        var count = 0
        if try open(UInt8(ascii: "[")) {
            repeat {
                try readLine(into: &lines, isNested: areNested, depth: depth)
                count += 1
            } while try more(closing: UInt8(ascii: "]"))
        }
        return count
    }

    /// One line, as `QBOLine.read` reads it. Its detail is read by its `DetailType`, which QBO
    /// writes first; a detail met before it is refused.
    private mutating func readLine(into lines: inout [QBOLine], isNested: Bool, depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.deepestGroup, byte == UInt8(ascii: "{") else { throw Self.refusal }
        // The line is read apart and appended once, a group line's own lines after it: written
        // field by field in the array, each field had cost a check that the array is not
        // shared; written over a blank line held in its place, a copy more of its 300 bytes.
        var line = QBOLine(at: here, isNested: isNested)
        var groupLines: [QBOLine] = []
        var kind: QBOLine.Kind?
        var seen: UInt32 = 0
        if try open(UInt8(ascii: "{")) {
            let names = QBOLine.Member.names
            repeat {
                switch try member(QBOLine.Member.self, in: names, seen: &seen) {
                case .Id?: line.id = try fileText()
                case .Amount?: line.amount = try decimal()
                case .Description?: line.description = try fileText()
                case .DetailType?:
                    let type = try scalar()
                    let text = raw(type)
                    guard type.kind == .string, !type.hasEscapes,
                          let known = QBOLine.knownKind({ Self.equals(text, $0) }) else { throw Self.refusal }
                    line.detailType = try fileText(type)
                    kind = known
                case let holder?:
                    guard let kind else { throw Self.refusal }
                    if holder == QBOLine.detailMember(of: kind) {
                        try readDetail(of: kind, into: &line, groupLines: &groupLines, depth: depth)
                    } else {
                        try skipValue()
                    }
                case nil: try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        line.kind = kind ?? .other
        lines.append(line)
        if !groupLines.isEmpty { lines.append(contentsOf: groupLines) }
    }

    /// The detail of a line of `kind`: what `QBOLine.read` reads of it, a group's lines included.
    private mutating func readDetail(of kind: QBOLine.Kind, into line: inout QBOLine, groupLines lines: inout [QBOLine],
                                     depth: Int) throws(JSONSyntaxError) {
        if try skipNull() { return }
        var seen: UInt32 = 0
        guard try open(UInt8(ascii: "{")) else { return }
        let names = QBOLine.Detail.names
        repeat {
            switch try member(QBOLine.Detail.self, in: names, seen: &seen) {
            case .TaxCodeRef?: line.taxCode = try referenceText()
            case .ServiceDate?: line.serviceDate = try date()
            case .ItemRef? where kind == .salesItem: line.item = try referenceText()
            case .UnitPrice? where kind == .salesItem: line.unitPrice = try decimal()
            case .Qty? where kind == .salesItem: line.quantity = try decimal()
            case .DiscountPercent? where kind == .discount: line.discountPercent = try decimal()
            case .GroupItemRef? where kind == .group: line.item = try referenceText()
            case .Quantity? where kind == .group: line.quantity = try decimal()
            case .Line? where kind == .group: _ = try readLines(into: &lines, areNested: true, depth: depth + 1)
            default: try skipValue()
            }
        } while try more(closing: UInt8(ascii: "}"))
    }

    /// `TxnTaxDetail`, as `QBOTaxDetail.init` reads it.
    private mutating func taxDetail() throws(JSONSyntaxError) -> QBOTaxDetail? {
        if try skipNull() { return nil }
        var detail = QBOTaxDetail(at: here)
        var seen: UInt32 = 0
        if try open(UInt8(ascii: "{")) {
            let names = QBOTaxDetail.Member.names
            repeat {
                switch try member(QBOTaxDetail.Member.self, in: names, seen: &seen) {
                case .TxnTaxCodeRef?: detail.taxCode = try referenceString()
                case .TotalTax?: detail.totalTax = try decimal()
                case .TaxLine?: detail.taxLines = try taxLines()
                case nil: try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        return detail
    }

    /// A tax detail's lines: each one's place and `Amount` (none for a line that is no object).
    private mutating func taxLines() throws(JSONSyntaxError) -> [(location: Location, amount: Located<ExactDecimal>?)] {
        var taxLines: [(location: Location, amount: Located<ExactDecimal>?)] = []
        if try skipNull() { return taxLines }
        if try open(UInt8(ascii: "[")) {
            repeat {
                let location = here
                var amount: Located<ExactDecimal>?
                if byte == UInt8(ascii: "{") {
                    var seen = false
                    if try open(UInt8(ascii: "{")) {
                        repeat {
                            let key = try memberName()
                            if Self.equals(key, "Amount") {
                                guard !seen else { throw Self.refusal }
                                seen = true
                                amount = try decimal()
                            } else {
                                try skipValue()
                            }
                        } while try more(closing: UInt8(ascii: "}"))
                    }
                } else {
                    try skipValue()
                }
                taxLines.append((location, amount))
            } while try more(closing: UInt8(ascii: "]"))
        }
        return taxLines
    }

    /// `LinkedTxn`, as `QBOLinkedTransaction.init` reads each (nothing of one that is no object).
    private mutating func linkedTransactions() throws(JSONSyntaxError) -> [QBOLinkedTransaction] {
        var links: [QBOLinkedTransaction] = []
        if try skipNull() { return links }
        if try open(UInt8(ascii: "[")) {
            repeat {
                var link = QBOLinkedTransaction(at: here)
                if byte == UInt8(ascii: "{") {
                    var seen: UInt32 = 0
                    if try open(UInt8(ascii: "{")) {
                        let names = QBOLinkedTransaction.Member.names
                        repeat {
                            switch try member(QBOLinkedTransaction.Member.self, in: names, seen: &seen) {
                            case .TxnId?: link.id = try string()
                            case .TxnType?: link.type = try string()
                            case nil: try skipValue()
                            }
                        } while try more(closing: UInt8(ascii: "}"))
                    }
                } else {
                    try skipValue()
                }
                links.append(link)
            } while try more(closing: UInt8(ascii: "]"))
        }
        return links
    }

    /// `MetaData.CreateTime`.
    private mutating func createTime() throws(JSONSyntaxError) -> Located<FileText>? {
        if try skipNull() { return nil }
        var createTime: Located<FileText>?
        var seen = false
        if try open(UInt8(ascii: "{")) {
            repeat {
                let key = try memberName()
                if Self.equals(key, "CreateTime") {
                    guard !seen else { throw Self.refusal }
                    seen = true
                    createTime = try fileText()
                } else {
                    try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        return createTime
    }

    // MARK: A customer, vendor or employee, as `QBONameEntity.init(_:entity:)` reads it

    private mutating func nameEntity(entity: String) throws(JSONSyntaxError) -> QBONameEntity {
        let location = here
        var id, displayName, title, givenName, middleName, familyName, suffix, companyName, email, printOnCheckName,
            currency: Located<String>?
        var active: Bool?
        var seen: UInt32 = 0
        if try open(UInt8(ascii: "{")) {
            let names = QBONameEntity.Member.names
            repeat {
                switch try member(QBONameEntity.Member.self, in: names, seen: &seen) {
                case .Id?: id = try string()
                case .DisplayName?: displayName = try string()
                case .Title?: title = try string()
                case .GivenName?: givenName = try string()
                case .MiddleName?: middleName = try string()
                case .FamilyName?: familyName = try string()
                case .Suffix?: suffix = try string()
                case .CompanyName?: companyName = try string()
                case .PrimaryEmailAddr?: email = try emailAddress()
                case .PrintOnCheckName?: printOnCheckName = try string()
                case .CurrencyRef?: currency = try referenceString()
                case .Active?: active = try bool()
                case nil: try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        return QBONameEntity(entity: entity, location: location, id: id, displayName: displayName, title: title, givenName: givenName,
                             middleName: middleName, familyName: familyName, suffix: suffix, companyName: companyName, email: email,
                             printOnCheckName: printOnCheckName, currency: currency, active: active ?? true)
    }

    /// `PrimaryEmailAddr`: its `Address`; nil when either is null or there is none.
    private mutating func emailAddress() throws(JSONSyntaxError) -> Located<String>? {
        if try skipNull() { return nil }
        var address: Located<String>?
        var seen = false
        if try open(UInt8(ascii: "{")) {
            repeat {
                let key = try memberName()
                if Self.equals(key, "Address") {
                    guard !seen else { throw Self.refusal }
                    seen = true
                    address = try string()
                } else {
                    try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        return address
    }

    // MARK: Values, as `FieldReader` reads them

    /// A QBO reference (`{"value": "1", "name": "Services"}`): the entry of its `value`; nil
    /// when the reference or its value is null, or it has none.
    ///
    /// This walk for one wanted member is written out here, for a tax line's `Amount` and for
    /// `MetaData.CreateTime`: one helper for the three ran 1–2 % more instructions of a check
    /// (callgrind). A member's name is read into a constant before it is compared: read inside
    /// the arguments of a call on the reader (`equals(try memberName(), …)`, when `equals` was
    /// the reader's), `self` was copied whole for the call while the reading changed it.
    private mutating func referenceValue() throws(JSONSyntaxError) -> JSONTape.Entry? {
        if try skipNull() { return nil }
        var value: JSONTape.Entry?
        if try open(UInt8(ascii: "{")) {
            repeat {
                let key = try memberName()
                if Self.equals(key, "value") {
                    // The usual way keeps the last of a repeated name.
                    guard value == nil else { throw Self.refusal }
                    value = try scalar()
                } else {
                    try skipValue()
                }
            } while try more(closing: UInt8(ascii: "}"))
        }
        guard let value, value.kind != .null else { return nil }
        return value
    }

    /// The `value` of a reference, as a string.
    private mutating func referenceString() throws(JSONSyntaxError) -> Located<String>? {
        guard let value = try referenceValue() else { return nil }
        return try string(value)
    }

    /// The `value` of a reference, left in the file.
    private mutating func referenceText() throws(JSONSyntaxError) -> Located<FileText>? {
        guard let value = try referenceValue() else { return nil }
        return try fileText(value)
    }

    /// `true` or `false`; nil for null.
    private mutating func bool() throws(JSONSyntaxError) -> Bool? {
        switch try scalar().kind {
        case .true: true
        case .false: false
        case .null: nil
        // A string "true" the usual way reads too: it decides.
        default: throw Self.refusal
        }
    }

    /// A string member; an id that arrives as a number is read as its text.
    private mutating func string() throws(JSONSyntaxError) -> Located<String>? {
        let entry = try scalar()
        return entry.kind == .null ? nil : try string(entry)
    }

    private func string(_ entry: JSONTape.Entry) throws(JSONSyntaxError) -> Located<String> {
        guard entry.kind == .string || entry.kind == .number else { throw Self.refusal }
        return Located(JSONTape.text(of: entry, in: parser.bytes), at: Location(offset: entry.offset))
    }

    /// A text left in the file (`FieldReader.asFileText`).
    private mutating func fileText() throws(JSONSyntaxError) -> Located<FileText>? {
        let entry = try scalar()
        return entry.kind == .null ? nil : try fileText(entry)
    }

    private func fileText(_ entry: JSONTape.Entry) throws(JSONSyntaxError) -> Located<FileText> {
        guard let text = entry.fileText else { throw Self.refusal }
        return text
    }

    /// An amount, read from the bytes as `FieldReader`'s fast way reads it; any other (spaces,
    /// escapes, out of range) is refused, for the usual way's wording.
    private mutating func decimal() throws(JSONSyntaxError) -> Located<ExactDecimal>? {
        if let amount = plainAmount() { return amount }
        let entry = try scalar()
        if entry.kind == .null { return nil }
        guard entry.kind == .number || entry.kind == .string, !entry.hasEscapes else { throw Self.refusal }
        guard let decimal = ExactDecimal(untrimmed: raw(entry)) else { throw Self.refusal }
        return Located(decimal, at: Location(offset: entry.offset))
    }

    /// An amount as nearly every one is written, a number `-?digits(.digits)?` of at most 18
    /// digits followed by a comma, a bracket or a space, checked and read in one pass; nil, the
    /// cursor where it was, for anything else, which `decimal` reads the usual way. Checked
    /// as a number by the parser and then read again as an amount, each cost more than the
    /// line's other members together (about 340 instructions an amount, callgrind); the value
    /// is `ExactDecimal(utf8:)`'s for the same bytes, the checks the parser's.
    private mutating func plainAmount() -> Located<ExactDecimal>? {
        let base = parser.bytes.baseAddress!
        let start = parser.index
        let end = parser.end
        var index = start
        let negative = index < end && base[index] == UInt8(ascii: "-")
        if negative { index &+= 1 }
        let integerStart = index
        var value: UInt64 = 0
        while index < end, case let digit = base[index] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ UInt64(digit)
            index &+= 1
        }
        let integerDigits = index &- integerStart
        // JSON writes no leading zero before other digits.
        guard integerDigits > 0, integerDigits == 1 || base[integerStart] != UInt8(ascii: "0") else { return nil }
        var fractionDigits = 0
        if index < end, base[index] == UInt8(ascii: ".") {
            index &+= 1
            let fractionStart = index
            while index < end, case let digit = base[index] &- UInt8(ascii: "0"), digit < 10 {
                value = value &* 10 &+ UInt64(digit)
                index &+= 1
            }
            fractionDigits = index &- fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        // Eighteen digits fit the word without overflow; an exponent, or anything else after the
        // digits, is the usual way's to read or refuse.
        guard integerDigits &+ fractionDigits <= 18, index < end else { return nil }
        switch base[index] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: break
        default: return nil
        }
        parser.index = index
        let magnitude = Int128(value)
        return Located(ExactDecimal(significand: negative ? -magnitude : magnitude, exponent: -fractionDigits), at: Location(offset: start))
    }

    /// A date read from the bytes; an empty string, or any text that is no date, is refused.
    private mutating func date() throws(JSONSyntaxError) -> Located<CalendarDate>? {
        let entry = try scalar()
        if entry.kind == .null { return nil }
        guard entry.kind == .number || entry.kind == .string, !entry.hasEscapes,
              let date = CalendarDate(utf8: raw(entry)) else { throw Self.refusal }
        return Located(date, at: Location(offset: entry.offset))
    }

    /// The bytes of a string's text (inside the quotes) or of a number.
    private func raw(_ entry: JSONTape.Entry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: parser.bytes[entry.textRange])
    }

    // MARK: Syntax, checked as `JSONParser` checks it

    private var here: Location { Location(offset: parser.index) }

    /// The byte at the cursor; 0 at the end (which no value starts with).
    private var byte: UInt8 { parser.index < parser.end ? parser.bytes[parser.index] : 0 }

    /// Reads `bracket` (`{` or `[`) and the whitespace after it; false when the container is
    /// empty (its closing bracket read too).
    private mutating func open(_ bracket: UInt8) throws(JSONSyntaxError) -> Bool {
        guard byte == bracket else { throw Self.refusal }
        parser.index += 1
        parser.skipWhitespace()
        // `}` and `]` are the opening byte plus two.
        guard byte == bracket + 2 else { return true }
        parser.index += 1
        return false
    }

    /// After a member or element: true past a comma (and the whitespace after it), false past
    /// the closing bracket.
    private mutating func more(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        parser.skipWhitespace()
        switch byte {
        case UInt8(ascii: ","):
            parser.index += 1
            parser.skipWhitespace()
            return true
        case closing:
            parser.index += 1
            return false
        default:
            throw Self.refusal
        }
    }

    /// A member name and the colon after it: the name's bytes. A name with escapes or bytes
    /// outside ASCII is refused.
    private mutating func memberName() throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8> {
        guard byte == UInt8(ascii: "\"") else { throw Self.refusal }
        let base = parser.bytes.baseAddress!
        let scan = JSONParser.scanPlainString(base, quote: parser.index, end: parser.end)
        guard scan.closes else { throw Self.refusal }
        let name = UnsafeBufferPointer(start: base + parser.index + 1, count: scan.stop - parser.index - 1)
        parser.index = scan.stop + 1
        parser.skipWhitespace()
        guard byte == UInt8(ascii: ":") else { throw Self.refusal }
        parser.index += 1
        parser.skipWhitespace()
        return name
    }

    /// A member name and its colon, told by `names`, `Slot`'s table: its slot, or nil for a
    /// member the model does not read. A slot met twice is refused (the usual way keeps the
    /// last). The caller reads the table once for all of an object's members: each reading of
    /// a `static let` is a call (`swift_once`), and they were nine for each line of an invoice.
    private mutating func member<Slot: MemberSlot>(_: Slot.Type, in names: MemberSlotTable, seen: inout UInt32) throws(JSONSyntaxError) -> Slot? {
        let name = try memberName()
        guard let slot = names.slot(of: name) else { return nil }
        let bit: UInt32 = 1 << UInt32(slot)
        guard seen & bit == 0 else { throw Self.refusal }
        seen |= bit
        return Slot(rawValue: slot)
    }

    /// Reads `null` if it stands at the cursor.
    private mutating func skipNull() throws(JSONSyntaxError) -> Bool {
        guard byte == UInt8(ascii: "n") else { return false }
        _ = try scalar()
        return true
    }

    /// A string, number, `true`, `false` or `null`, checked as the parser checks it, and
    /// described as its tape entry would be; an object or array is refused.
    private mutating func scalar() throws(JSONSyntaxError) -> JSONTape.Entry {
        let start = parser.index
        func entry(_ kind: JSONTape.Kind, extent: Int = 0) -> JSONTape.Entry {
            JSONTape.Entry(offset: start, extent: UInt32(truncatingIfNeeded: extent), info: UInt32(kind.rawValue))
        }
        switch byte {
        case UInt8(ascii: "\""):
            let scan = JSONParser.scanPlainString(parser.bytes.baseAddress!, quote: start, end: parser.end)
            if scan.closes {
                parser.index = scan.stop + 1
                return entry(.string, extent: scan.stop - start - 1)
            }
            // Escapes, bytes outside ASCII: the parser's own checks, into an entry let go after.
            parser.entries.count = 0
            try parser.parseStringRest(as: .string, from: scan.stop)
            defer { parser.entries.count = 0 }
            return parser.entries[0]
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parser.parseNumber()
            return entry(.number, extent: parser.index - start)
        case UInt8(ascii: "t"):
            try literal("true")
            return entry(.true)
        case UInt8(ascii: "f"):
            try literal("false")
            return entry(.false)
        case UInt8(ascii: "n"):
            try literal("null")
            return entry(.null)
        default:
            throw Self.refusal
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard parser.end - parser.index >= count,
              Self.equals(UnsafeBufferPointer(rebasing: parser.bytes[parser.index..<parser.index + count]), word) else { throw Self.refusal }
        parser.index += count
    }

    /// Steps over a value the model does not read, checking it as the parser does.
    private mutating func skipValue() throws(JSONSyntaxError) {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            parser.entries.count = 0
            try parser.parsePlainValue()
            parser.entries.count = 0
        default:
            _ = try scalar()
        }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: StaticString) -> Bool {
        guard bytes.count == wanted.utf8CodeUnitCount else { return false }
        guard let start = bytes.baseAddress else { return true }
        return JSONTape.equal(start, UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount), count: bytes.count)
    }
}
