import Foundation
import QBCheckCore
import QBCheckTestSupport
import Testing

/// NDJSON lines holding one sales transaction, customer, vendor or employee, and the same
/// records in a query response's list, are read straight into the model (`DirectRecordReader`),
/// and any record that reader refuses goes the usual way (a tape, then the model). The reader
/// may refuse any record, but a record it takes must come out exactly as the usual way reads it:
/// the same model, field by field, with the same places, and never a document where the usual
/// way finds an error.
struct DirectRecordReaderTests {
    /// What a way of reading made of a line: its one document, described field by field with
    /// every place, or what else it made.
    private static func outcome(_ entries: [(DocumentReader.Entry, Int)]) -> String {
        guard entries.count == 1, case (.success(.document(let document)), let offset) = entries[0] else {
            return "not one document: \(entries.count) entries, \(entries.map { "\($0.0)" })"
        }
        var text = "line at \(offset), record at \(document.location.offset), \(document.pointer)\n"
        dump(document.content, to: &text)
        return text
    }

    private static func direct(_ line: String) -> String? {
        DirectRecordReader.read(SourceFile(name: "t.ndjson", bytes: Array(line.utf8))).map { outcome([(.success(.document($0.document)), $0.offset)]) }
    }

    private static func byTape(_ bytes: [UInt8]) -> String {
        var entries: [(DocumentReader.Entry, Int)] = []
        let reading = DocumentReader.Reading(hint: nil, skimsBulkRecords: false)
        DocumentReader.forEachInLineByTape(SourceFile(name: "t.ndjson", bytes: bytes), reading: reading) { entries.append(($0, $1)) }
        return outcome(entries)
    }

    /// Whether the reader refuses `bytes` or reads them as the usual way does.
    private static func agrees(_ bytes: [UInt8]) -> (taken: Bool, agrees: Bool, direct: String?, tape: String) {
        let direct = DirectRecordReader.read(SourceFile(name: "t.ndjson", bytes: bytes))
            .map { outcome([(.success(.document($0.document)), $0.offset)]) }
        let tape = byTape(bytes)
        return (direct != nil, direct == nil || direct == tape, direct, tape)
    }

    private static let invoice = #"{"Invoice":{"Id":"130","SyncToken":"2","DocNumber":"1037","TxnDate":"2025-01-10","DueDate":"2025-02-09","CustomerRef":{"value":"58","name":"Amy's Bird Sanctuary"},"CurrencyRef":{"value":"USD","name":"United States Dollar"},"GlobalTaxCalculation":"TaxExcluded","Line":[{"Id":"1","LineNum":1,"DetailType":"SalesItemLineDetail","Amount":594.06,"Description":"Rock Fountain","SalesItemLineDetail":{"ItemRef":{"value":"5","name":"Rock Fountain"},"Qty":3,"UnitPrice":198.02,"TaxCodeRef":{"value":"TAX"},"ServiceDate":"2025-01-10"}},{"Id":"90","DetailType":"DescriptionOnly","Description":"Thanks","DescriptionLineDetail":{}},{"Id":"91","DetailType":"GroupLineDetail","GroupLineDetail":{"GroupItemRef":{"value":"30"},"Quantity":1,"Line":[{"Id":"92","DetailType":"SalesItemLineDetail","Amount":10.0,"SalesItemLineDetail":{"ItemRef":{"value":"7"},"Qty":1,"UnitPrice":10}}]}},{"DetailType":"DiscountLineDetail","Amount":5.0,"DiscountLineDetail":{"PercentBased":true,"DiscountPercent":2.5}},{"DetailType":"SubTotalLineDetail","Amount":1072.94,"SubTotalLineDetail":{}}],"TxnTaxDetail":{"TxnTaxCodeRef":{"value":"2"},"TotalTax":85.84,"TaxLine":[{"DetailType":"TaxLineDetail","Amount":85.84,"TaxLineDetail":{"TaxPercent":8,"TaxRateRef":{"value":"3"},"PercentBased":true}},"odd"]},"TotalAmt":1153.78,"Balance":0,"CustomField":[{"DefinitionId":"1","Name":"Crew #","Type":"StringType","StringValue":"0"}],"LinkedTxn":[{"TxnId":"900000","TxnType":"Payment"},7],"BillEmail":{"Address":"c0@example.com"},"MetaData":{"CreateTime":"2025-01-10T10:00:00-08:00","LastUpdatedTime":"2025-01-11T10:00:00-08:00"}},"time":"2025-01-11T10:00:01.000-08:00"}"#

    @Test
    func anInvoiceOfEveryLineTypeIsTakenAndReadAsTheUsualWayReadsIt() throws {
        let result = Self.agrees(Array(Self.invoice.utf8))
        #expect(result.taken)
        #expect(result.agrees, "\(result.direct ?? "refused")\n---\n\(result.tape)")
        // The description holds the fields read, nested lines and tax lines included.
        let direct = try #require(result.direct)
        for field in ["docNumber", "1037", "isNested: true", "discountPercent", "taxLines", "createTime", "linkedTransactions"] {
            #expect(direct.contains(field), "\(field) missing from \(direct)")
        }
    }

    /// Lines the usual way reads well, in shapes the reader leaves to it.
    @Test(arguments: [
        // A line's detail before its DetailType.
        #"{"Invoice":{"Line":[{"SalesItemLineDetail":{"Qty":2},"DetailType":"SalesItemLineDetail"}]}}"#,
        // A repeated member: the usual way keeps the last.
        #"{"Invoice":{"DocNumber":"1","DocNumber":"2"}}"#,
        // A name with an escape.
        #"{"Invoice":{"Doc\u004Eumber":"1"}}"#,
        // An amount with spaces, read by the usual way's trimming.
        #"{"Invoice":{"TotalAmt":" 12.50 "}}"#,
        // An empty date, which the usual way reads as none.
        #"{"Invoice":{"TxnDate":""}}"#,
        // A detail type of another name, whose detail the usual way looks up by that name.
        #"{"Invoice":{"Line":[{"DetailType":"TaxLineDetail","TaxLineDetail":{"TaxCodeRef":{"value":"X"}}}]}}"#,
        // Another shape: a customer, a query response, a bare invoice.
        #"{"Payment":{"Id":"1"},"time":"x"}"#,
        #"{"QueryResponse":{"Invoice":[{"Id":"1"}]}}"#,
        #"{"Line":[],"CustomerRef":{"value":"1"}}"#,
    ])
    func shapesTheReaderLeavesAreReadTheUsualWay(_ line: String) {
        #expect(Self.direct(line) == nil)
        #expect(Self.byTape(Array(line.utf8)).hasPrefix("line at"), "the usual way reads it")
    }

    /// Lines with errors are never taken: the usual way reports them.
    @Test(arguments: [
        #"{"Invoice":{"TotalAmt":"twelve"}}"#,
        #"{"Invoice":{"TxnDate":"2025-13-45"}}"#,
        #"{"Invoice":{"Line":{"Id":"1"}}}"#,
        #"{"Invoice":{"CustomerRef":"58"}}"#,
        #"{"Invoice":{"Id":"1",}}"#,
        #"{"Invoice":{"Id":"1"}} x"#,
        #"{"Invoice":{"Id":"1"}"#,
        "{\"Invoice\":{\"Note\":\"tab\tinside\"}}",
        #"{"Invoice":{"Id":01}}"#,
        #"{"Invoice":{"Id":"\x"}}"#,
        #"{"Invoice":{"Id":"1"},"Estimate":{"Id":"2"}}"#,
    ])
    func linesWithErrorsAreLeftToTheUsualWay(_ line: String) {
        #expect(Self.direct(line) == nil)
        #expect(!Self.byTape(Array(line.utf8)).hasPrefix("line at"), "the usual way reports an error")
    }

    /// Amounts in every shape around the one read in a single pass (`-?digits(.digits)?`, at
    /// most 18 digits, then a comma, bracket or space): each reads as the usual way reads it,
    /// in a line's amount and in the total, and the well-formed ones are taken.
    @Test(arguments: [
        "0", "-0", "7", "0.50", "-1.5", "594.06", "198.020", "123456789012345678", "-12345678901234567.8",
        "0.000000000000000001", "1234567890123456789", "0.1234567890123456789", "1e2", "1.5E-3", "-0.0e+1",
        #""12.50""#, "null", " 12.5 ",
    ])
    func amountsReadAsTheUsualWayReadsThem(_ amount: String) throws {
        let line = #"{"Invoice":{"Line":[{"DetailType":"SalesItemLineDetail","Amount":\#(amount),"SalesItemLineDetail":{"Qty":\#(amount)}}],"TotalAmt":\#(amount)}}"#
        let result = Self.agrees(Array(line.utf8))
        #expect(result.taken)
        #expect(result.agrees, "\(result.direct ?? "refused")\n---\n\(result.tape)")
    }

    /// Numbers JSON does not allow are never read as amounts: the usual way reports them.
    @Test(arguments: ["01", "-", "1.", ".5", "-.5", "00.5", "1.5.2", "+1", "1e", "0x10", "1-2", "12a"])
    func malformedAmountsAreLeftToTheUsualWay(_ amount: String) {
        let line = #"{"Invoice":{"Line":[{"DetailType":"SalesItemLineDetail","Amount":\#(amount)}],"TotalAmt":1}}"#
        #expect(Self.direct(line) == nil)
        #expect(!Self.byTape(Array(line.utf8)).hasPrefix("line at"), "the usual way reports an error")
        let total = #"{"Invoice":{"TotalAmt":\#(amount)}}"#
        #expect(Self.direct(total) == nil)
    }

    /// Every corpus file (JSON whole, NDJSON line by line): whatever the reader takes reads as
    /// the usual way.
    @Test
    func everyCorpusRecordItTakesReadsAsTheUsualWay() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpus").standardized
        let files = try #require(FileManager.default.enumerator(atPath: corpus.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }
        var taken = 0
        for file in files {
            let data = try Data(contentsOf: corpus.appendingPathComponent(file))
            let lines = file.hasSuffix(".ndjson") ? data.split(separator: UInt8(ascii: "\n")) : [data[...]]
            for line in lines where !line.isEmpty {
                let result = Self.agrees(Array(line))
                if result.taken { taken += 1 }
                #expect(result.agrees, "\(file): \(result.direct ?? "")\n---\n\(result.tape)")
            }
        }
        #expect(taken > 0, "the corpus holds transaction lines the reader takes")
    }

    /// Drawn invoices (member order, value types, escapes, spacing, nesting), and each broken
    /// byte by byte: every line taken reads as the usual way reads it.
    @Test
    func drawnAndBrokenInvoicesReadAsTheUsualWay() {
        var random = SplitMix64(seed: 0x7A11)
        var drawn = InvoiceDrawer()
        var (taken, refused) = (0, 0)
        for _ in 0..<400 {
            Self.expectAgreement(on: Array(drawn.invoice(&random).utf8), brokenSixWays: &random, taken: &taken, refused: &refused)
        }
        // Both ways were tried, and the reader took most whole invoices.
        #expect(taken > 400 && refused > 400, "taken \(taken), refused \(refused)")
    }

    /// Everything a way of reading made of a file, entry by entry: each document described
    /// field by field with every place, each error as reported.
    private static func outcomes(_ entries: [(DocumentReader.Entry, Int)]) -> String {
        var text = ""
        for (entry, offset) in entries {
            switch entry {
            case .success(.document(let document)):
                text += "document at \(offset), record at \(document.location.offset), \(document.pointer)\n"
                dump(document.content, to: &text)
            case .success(let subject): text += "another subject at \(offset): \(subject)\n"
            case .failure(let error): text += "error at \(offset): \(error)\n"
            }
        }
        return text
    }

    private static func page(_ bytes: [UInt8], directly: Bool) -> String {
        var reading = DocumentReader.Reading(hint: nil, skimsBulkRecords: false)
        reading.readsRecordsDirectly = directly
        var entries: [(DocumentReader.Entry, Int)] = []
        DocumentReader.forEach(in: SourceFile(name: "invoices-00001.json", bytes: bytes), reading: reading) { entries.append(($0, $1)) }
        return outcomes(entries)
    }

    /// Query response pages, as an account export holds them (`{"QueryResponse": {"Invoice":
    /// [...]}}`): the transactions of their lists are read straight into the model as NDJSON
    /// lines are, and a page reads exactly as the usual way reads it, whole or broken byte by
    /// byte: the same documents at the same places and pointers, the same errors, in order.
    @Test
    func drawnAndBrokenQueryResponsePagesReadAsTheUsualWay() {
        var random = SplitMix64(seed: 0x9A6E)
        var drawn = InvoiceDrawer()
        var customers = NameRecordDrawer()
        var (documents, differences) = (0, 0)
        for _ in 0..<150 {
            var entity = "Invoice"
            var elements: [String] = []
            // Pages of transactions, and pages of customers, vendors or employees.
            let ofNames = Bool.random(using: &random)
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let record = ofNames ? customers.record(&random) : drawn.transaction(&random)
                entity = record.entity
                elements.append(record.body)
            }
            // The list's name is the page's entity; a list of another name is read the usual way.
            let name = Int.random(in: 0..<10, using: &random) == 0 ? (ofNames ? "Invoice" : "Customer") : entity
            let list = elements.joined(separator: ",\n  ")
            let page = #"{"QueryResponse":{"\#(name)":[\#(list)],"startPosition":1,"maxResults":\#(elements.count)},"time":"2025-01-11T10:00:01.000-08:00"}"#
            let bytes = Array(page.utf8)
            var variants = [bytes]
            for _ in 0..<4 { variants.append(Self.broken(bytes, &random)) }
            for variant in variants {
                let direct = Self.page(variant, directly: true), tape = Self.page(variant, directly: false)
                documents += direct.components(separatedBy: "document at").count - 1
                if direct != tape { differences += 1 }
                #expect(direct == tape, "\(String(decoding: variant, as: UTF8.self))\n\(direct)\n---\n\(tape)")
            }
        }
        #expect(documents > 300, "\(documents) documents read")
        #expect(differences == 0)
    }

    /// The reader reads a page's transactions itself: a page it could not read would come out
    /// the same, and the test above could not tell.
    @Test
    func aQueryResponsesInvoicesAreReadStraightIntoTheModel() throws {
        let element = #"{"Id":"130","DocNumber":"1037","TotalAmt":1.5,"Line":[]}"#
        let page = #"{"QueryResponse":{"Invoice":[\#(element), \#(element)]}}"#
        let bytes = Array(page.utf8)
        // The second invoice, before the closing `]}}`.
        let start = bytes.count - 3 - element.utf8.count
        let read = try #require(DirectRecordReader.readElement(of: SourceFile(name: "p.json", bytes: bytes), at: start, entity: "Invoice",
                                                                    pointer: JSONPointer.root.appending("QueryResponse").appending("Invoice").appending(1),
                                                                    depthLeft: 509))
        #expect(read.end == start + element.utf8.count)
        #expect(read.document.transaction?.docNumber?.value == "1037")
        #expect(read.document.pointer.description == "/QueryResponse/Invoice/1")
        // Too little nesting left: the usual way decides.
        #expect(DirectRecordReader.readElement(of: SourceFile(name: "p.json", bytes: bytes), at: start, entity: "Invoice",
                                                  pointer: .root, depthLeft: 100) == nil)
        #expect(Self.page(bytes, directly: true) == Self.page(bytes, directly: false))
    }

    /// Drawn customers, vendors and employees (every member the model reads, nulls, numbers for
    /// strings, escapes, repeated and unknown members), and each broken byte by byte: every line
    /// taken reads as the usual way reads it.
    @Test
    func drawnAndBrokenCustomersReadAsTheUsualWay() {
        var random = SplitMix64(seed: 0xC057)
        var drawn = NameRecordDrawer()
        var (taken, refused) = (0, 0)
        for _ in 0..<400 {
            let record = drawn.record(&random)
            let line = Array(#"{"\#(record.entity)":\#(record.body),"time":"2025-01-11T10:00:01.000-08:00"}"#.utf8)
            Self.expectAgreement(on: line, brokenSixWays: &random, taken: &taken, refused: &refused)
        }
        // Both ways were tried, many times each.
        #expect(taken > 300 && refused > 300, "taken \(taken), refused \(refused)")
    }

    /// A first look at an account reads its customers whole but only notes its transactions:
    /// the reader takes no transaction then, and a customer read so is the usual way's.
    @Test
    func aFirstLookTakesCustomersAndLeavesTransactions() {
        let customer = #"{"Customer":{"Id":"58","DisplayName":"Amy's Bird Sanctuary","GivenName":"Amy","PrimaryEmailAddr":{"Address":"amy@example.com"},"CurrencyRef":{"value":"USD"},"Active":false}}"#
        let file = { (line: String) in SourceFile(name: "t.ndjson", bytes: Array(line.utf8)) }
        #expect(DirectRecordReader.read(file(Self.invoice), takingTransactions: false) == nil)
        #expect(DirectRecordReader.read(file(Self.invoice)) != nil)
        let taken = DirectRecordReader.read(file(customer), takingTransactions: false)
        #expect(taken?.document.pointer.description == "/Customer")
        guard case .quickbooks(.name(let entity))? = taken?.document.content else {
            Issue.record("the customer was not taken")
            return
        }
        #expect(entity.displayName?.value == "Amy's Bird Sanctuary" && entity.email?.value == "amy@example.com" && !entity.active)
        #expect(Self.agrees(Array(customer.utf8)).agrees)
    }

    /// Expects `line`, and six copies of it broken byte by byte, to be refused or read as the
    /// usual way reads them; counts which.
    private static func expectAgreement(on line: [UInt8], brokenSixWays random: inout SplitMix64, taken: inout Int, refused: inout Int) {
        var variants = [line]
        for _ in 0..<6 { variants.append(broken(line, &random)) }
        for variant in variants {
            let result = agrees(variant)
            if result.taken { taken += 1 } else { refused += 1 }
            #expect(result.agrees, "\(String(decoding: variant, as: UTF8.self))\n\(result.direct ?? "")\n---\n\(result.tape)")
        }
    }

    /// A line with one byte deleted, inserted, replaced, or the line cut short.
    private static func broken(_ line: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = line
        let at = Int.random(in: 0..<bytes.count, using: &random)
        let alphabet = Array(#"{}[],:"\ 0a-.e"#.utf8) + [0x00, 0x09, 0xC3, 0xA9, 0xFF]
        switch Int.random(in: 0..<4, using: &random) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
        case 2: bytes[at] = alphabet.randomElement(using: &random)!
        default: bytes.removeLast(Int.random(in: 1...max(1, bytes.count / 4), using: &random))
        }
        return bytes
    }
}

/// Draws QBO invoice lines of the shapes exports hold, and of the odd ones the reader must read
/// exactly or leave.
private struct InvoiceDrawer {
    private var random = SplitMix64(seed: 1)

    mutating func invoice(_ source: inout SplitMix64) -> String {
        let (entity, body) = transaction(&source)
        return chance(0.9) ? object([(entity, body), ("time", #""2025-01-11T10:00:01.000-08:00""#)]) : object([(entity, body)])
    }

    /// A sales transaction: its entity's name, and its object.
    mutating func transaction(_ source: inout SplitMix64) -> (entity: String, body: String) {
        random = SplitMix64(seed: source.next())
        var members = [
            ("Id", id()), ("SyncToken", id()), ("DocNumber", text()), ("TxnDate", date()), ("CustomerRef", reference()),
            ("CurrencyRef", reference()), ("GlobalTaxCalculation", text()), ("TotalAmt", amount()), ("Balance", amount()),
            ("Line", lines(depth: 0)), ("TxnTaxDetail", taxDetail()), ("LinkedTxn", links()),
            ("MetaData", pick([#"{"CreateTime":"2025-01-10T10:00:00-08:00"}"#, "null", #"{"LastUpdatedTime":"x"}"#, #"{"CreateTime":7}"#])),
            ("CustomField", #"[{"DefinitionId":"1","StringValue":"x","Extra":[1,{"a":null}]}]"#),
        ]
        members = members.filter { _ in chance(0.9) }
        if chance(0.3) { members.shuffle(using: &random) }
        if chance(0.05), let repeated = members.randomElement(using: &random) { members.append(repeated) }
        let entity = pick(["Invoice", "Invoice", "Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt"])
        return (entity, object(members))
    }

    private mutating func lines(depth: Int) -> String {
        if chance(0.03) { return "null" }
        return "[" + (0..<Int.random(in: 0...5, using: &random)).map { _ in line(depth: depth) }.joined(separator: comma()) + "]"
    }

    private mutating func line(depth: Int) -> String {
        let type = pick(["SalesItemLineDetail", "SalesItemLineDetail", "GroupLineDetail", "DiscountLineDetail", "SubTotalLineDetail",
                         "DescriptionOnly", "TaxLineDetail"])
        let holder = type == "DescriptionOnly" ? "DescriptionLineDetail" : type
        var detail: [(String, String)] = [("TaxCodeRef", reference()), ("ServiceDate", date())]
        switch type {
        case "SalesItemLineDetail": detail += [("ItemRef", reference()), ("Qty", amount()), ("UnitPrice", amount())]
        case "DiscountLineDetail": detail += [("PercentBased", "true"), ("DiscountPercent", amount())]
        case "GroupLineDetail":
            detail += [("GroupItemRef", reference()), ("Quantity", amount())]
            if depth < 3 { detail.append(("Line", lines(depth: depth + 1))) }
        default: break
        }
        if chance(0.2) { detail.shuffle(using: &random) }
        var members = [("Id", id()), ("LineNum", "1"), ("Amount", amount()), ("Description", text()), ("DetailType", "\"\(type)\"")]
        members = members.filter { _ in chance(0.9) }
        members.append((holder, chance(0.05) ? "null" : object(detail)))
        if chance(0.1) { members.shuffle(using: &random) }
        return object(members)
    }

    private mutating func taxDetail() -> String {
        if chance(0.1) { return "null" }
        let line = object([("DetailType", #""TaxLineDetail""#), ("Amount", amount()), ("TaxLineDetail", #"{"TaxPercent":8}"#)])
        return object([("TxnTaxCodeRef", reference()), ("TotalTax", amount()), ("TaxLine", pick(["[\(line)]", "[]", "null", "[\(line),3]"]))])
    }

    private mutating func links() -> String {
        pick(["[]", "null", #"[{"TxnId":"9","TxnType":"Payment"}]"#, #"[{"TxnId":9},"x"]"#])
    }

    private mutating func reference() -> String {
        pick([#"{"value":"\#(Int.random(in: 1...99, using: &random))","name":"Item"}"#, #"{"value":"TAX"}"#, #"{"name":"none"}"#,
              #"{"value":null}"#, "null", #"{"value":12}"#])
    }

    private mutating func id() -> String {
        pick(["\"\(Int.random(in: 1...9999, using: &random))\"", "\(Int.random(in: 1...9999, using: &random))", "null"])
    }

    private mutating func text() -> String {
        pick([#""Rock Fountain""#, #""caf\u00e9 \"deluxe\"""#, "\"Zoë's Garden Supplies, a name past sixteen bytes\"", #""""#, "null", "42"])
    }

    private mutating func amount() -> String {
        pick(["594.06", "3", "-1.5", #""12.50""#, "1e2", "0", "null", "198.020"])
    }

    private mutating func date() -> String {
        pick([#""2025-01-10""#, #""2025-01-10T10:00:00-08:00""#, "null", #""2024-02-29""#])
    }

    private mutating func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\"\($0.0)\"" + colon() + $0.1 }.joined(separator: comma()) + "}"
    }

    private mutating func colon() -> String { chance(0.1) ? " : " : ":" }
    private mutating func comma() -> String { chance(0.1) ? ", " : "," }
    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    private mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
}

/// Draws QBO customers, vendors and employees, with the members `QBONameEntity` reads in every
/// shape the usual way accepts or refuses.
private struct NameRecordDrawer {
    private var random = SplitMix64(seed: 2)

    /// A record: its entity's name, and its object.
    mutating func record(_ source: inout SplitMix64) -> (entity: String, body: String) {
        random = SplitMix64(seed: source.next())
        var members = [
            ("Id", text()), ("SyncToken", text()), ("DisplayName", text()), ("Title", text()), ("GivenName", text()),
            ("MiddleName", text()), ("FamilyName", text()), ("Suffix", text()), ("CompanyName", text()),
            ("PrimaryEmailAddr", pick([#"{"Address":"amy@example.com"}"#, #"{"Address":"amy@example.com"}"#, "null", #"{"Address":null}"#, "{}", #""amy@example.com""#,
                                       #"{"Address":7,"Note":[1,{"a":null}]}"#, #"{"Address":"a@b.c","Address":"d@e.f"}"#])),
            ("PrintOnCheckName", text()),
            ("CurrencyRef", pick([#"{"value":"USD","name":"United States Dollar"}"#, #"{"value":null}"#, "null", #"{"name":"x"}"#, #""USD""#])),
            ("Active", pick(["true", "false", "true", "false", "null", #""true""#, #""false""#, "1"])),
            ("Balance", pick(["0", "12.5", "null"])),
            ("MetaData", pick([#"{"CreateTime":"2024-03-11T16:48:43-07:00"}"#, "null"])),
        ]
        members = members.filter { _ in chance(0.8) }
        if chance(0.3) { members.shuffle(using: &random) }
        if chance(0.05), let repeated = members.randomElement(using: &random) { members.append(repeated) }
        if chance(0.03) { members.append((#"Disp\u006CayName"#, text())) }
        let entity = pick(["Customer", "Customer", "Customer", "Vendor", "Employee"])
        return (entity, "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: chance(0.1) ? ", " : ",") + "}")
    }

    /// A name as exports hold them, now and then of another type than the usual way reads.
    private mutating func text() -> String {
        if chance(0.03) { return pick(["{}", "[]", "true"]) }
        return pick([#""Amy's Bird Sanctuary""#, #""Bob""#, #""caf\u00e9 \"deluxe\"""#, "\"Zoë's Garden Supplies, a name past sixteen bytes\"",
                     #""""#, "null", "42", #""a:b""#])
    }

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    private mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
}
