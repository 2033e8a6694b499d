import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// `check --jobs N` over NDJSON: workers read and judge records, the rules that compare records
/// run in input order; the report is byte for byte the one of a single thread.
@Suite struct ParallelReadTests {
    /// The example account whose records have findings of every kind.
    static let failingAccount = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/accounts/failing")

    /// Runs `body` with `text` written to a file named `name` in a folder of its own, removed after.
    func withFile(named name: String, holding text: String, _ body: (_ folder: URL, _ path: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try body(folder, path)
    }

    @Test func severalWorkersGiveTheSameReport() throws {
        let account = Self.failingAccount
        func records(_ file: String, wrap: String?) throws -> [String] {
            let value = try JSONSerialization.jsonObject(with: Data(contentsOf: account.appendingPathComponent(file))) as? [String: Any]
            let list = (value?["results"] as? [Any]) ?? ((value?["QueryResponse"] as? [String: Any])?.values.first as? [Any]) ?? []
            return try list.map { record in
                let object: Any = wrap.map { [$0: record] } ?? record
                return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
        }
        // Records with findings of every kind, the stateful rules' included (duplicate names,
        // numbers and SKUs across the file), repeated past several chunks of a megabyte.
        let lines = try records("hubspot/contacts.json", wrap: nil) + records("quickbooks/invoices.json", wrap: "Invoice")
            + records("quickbooks/items.json", wrap: "Item") + records("quickbooks/customers.json", wrap: "Customer")
        var text = ""
        while text.utf8.count < 3_000_000 { text += lines.joined(separator: "\n") + "\n" }
        try withFile(named: "records.ndjson", holding: text) { folder, input in
            let environment = CommandEnvironment(fileSystem: .live, readStandardInput: { [] }, currentDirectory: folder.path)
            let one = QBCheckTool.run(["check", "--account", account.path, "--format", "json", "--jobs", "1", input], environment: environment)
            let two = QBCheckTool.run(["check", "--account", account.path, "--format", "json", "--jobs", "2", input], environment: environment)
            let four = QBCheckTool.run(["check", "--account", account.path, "--format", "sarif", "--jobs", "4", input], environment: environment)
            let fourAlone = QBCheckTool.run(["check", "--account", account.path, "--format", "sarif", "--jobs", "1", input], environment: environment)
            #expect(one.exitCode == 1)
            #expect(one.standardOutput.contains("\"rule\": \"duplicate-display-name\"") && one.standardOutput.contains("\"rule\": \"duplicate-sku\""),
                    "the rules that compare records still see every record")
            #expect(one.standardOutput.contains("\"rule\": \"name-too-long\""))
            #expect(two == one)
            #expect(four == fourAlone)
            #expect(QBCheckTool.run(["check", "--jobs", "0", input], environment: environment).standardError.contains("--jobs takes a number of threads from 1 to 256"))
        }
    }

    /// `check --jobs N` over many JSON files (query response pages, as an export leaves them)
    /// reads a file a job on the workers: the report is byte for byte the one of a single
    /// thread, the rules that compare records seeing them across the files, with a malformed
    /// file, one of wrong types, a missing one and an NDJSON file among them, and a HubSpot
    /// export far down the list (which starts the check over, knowing it).
    @Test func severalWorkersReadManyFilesAsOneThreadDoes() throws {
        let account = Self.failingAccount
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func copy(_ file: String, as name: String) throws {
            try FileManager.default.copyItem(at: account.appendingPathComponent(file), to: folder.appendingPathComponent(name))
        }
        func write(_ text: String, as name: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // Invoice pages repeated (their numbers taken again in later files), customers and
        // vendors (names taken again), items.
        for page in 0..<6 { try copy("quickbooks/invoices.json", as: "page-\(page)-invoices.json") }
        // Customers: a name taken again two files on, a name too long for QBO.
        func customers(_ ids: ClosedRange<Int>, named name: (Int) -> String) -> String {
            let records = ids.map { #"{"Id": "p\#($0)", "DisplayName": "\#(name($0))", "PrimaryEmailAddr": {"Address": "p\#($0)@example.com"}}"# }
            return #"{"QueryResponse": {"Customer": [\#(records.joined(separator: ", "))]}}"#
        }
        try write(customers(1...20) { "Page Customer \($0)" }, as: "page-1-customers.json")
        try write(customers(21...40) { $0 == 30 ? "Page Customer 7" : $0 == 31 ? String(repeating: "Long Name ", count: 52) : "Page Customer \($0)" },
                  as: "page-4-customers.json")
        try copy("quickbooks/vendors.json", as: "page-2-vendors.json")
        try copy("quickbooks/items.json", as: "page-3-items.json")
        try write(#"{"QueryResponse": {"Invoice": [{"Id": "9", "DocNumber": "2001", "Line": []"#, as: "page-2-broken.json")
        try write(#"{"Invoice": {"Id": 9, "DocNumber": ["2001"], "Line": "none"}}"#, as: "page-3-wrong-types.json")
        try write(#"{"Invoice": {"Id": "n1", "DocNumber": "2001", "CustomerRef": {"value": "1"}, "Line": [], "TotalAmt": 0}}"# + "\n",
                  as: "page-3-more.ndjson")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        let missing = folder.appendingPathComponent("page-5-missing.json").path
        let inputs = Array(pages.prefix(6)) + [missing] + Array(pages.dropFirst(6))
        let environment = CommandEnvironment(fileSystem: .live, readStandardInput: { [] }, currentDirectory: folder.path)
        func check(_ format: String, jobs: String, _ inputs: [String]) -> CommandResult {
            QBCheckTool.run(["check", "--account", account.path, "--format", format, "--jobs", jobs] + inputs, environment: environment)
        }
        let one = check("json", jobs: "1", inputs)
        #expect(one.exitCode == 2, "the malformed and missing files are input errors")
        for rule in ["duplicate-doc-number", "duplicate-display-name", "name-too-long"] {
            #expect(one.standardOutput.contains("\"rule\": \"\(rule)\""), "\(rule) is found across the files")
        }
        #expect(one.standardOutput.contains("page-2-broken.json") && one.standardOutput.contains("page-5-missing.json"))
        // A customer noted on a worker and read again to be reported stands where it is.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? [String: Any])
        let clashes = (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "duplicate-display-name" }
            .map { "\(($0["file"] as? String ?? "").split(separator: "/").last ?? "") \($0["pointer"] ?? "") \($0["recordId"] ?? "")" }
        #expect(clashes == ["page-4-customers.json /QueryResponse/Customer/9/DisplayName p30"])
        let sameReport = check("json", jobs: "2", inputs) == one
        #expect(sameReport)
        let sameSARIF = check("sarif", jobs: "4", inputs) == check("sarif", jobs: "1", inputs)
        #expect(sameSARIF)
        let sameRecords = check("junit", jobs: "2", inputs) == check("junit", jobs: "1", inputs)
        #expect(sameRecords, "a report that lists every record lists them all")

        // A HubSpot invoice export after the QBO pages: the records before it are judged knowing it.
        try copy("hubspot/invoices.json", as: "page-9-hubspot-invoices.json")
        let withHubSpot = inputs + [folder.appendingPathComponent("page-9-hubspot-invoices.json").path]
        let oneWithHubSpot = check("json", jobs: "1", withHubSpot)
        #expect(oneWithHubSpot != one)
        let sameWithHubSpot = check("json", jobs: "2", withHubSpot) == oneWithHubSpot
        #expect(sameWithHubSpot)
    }

    /// With workers, a record the rules with memory need only notes of (an invoice's number) is
    /// dropped on the worker that read it, and read again only to be reported on: its findings
    /// stand where one thread puts them, for a record of a list on one line and after CRLF line
    /// breaks too, and numbers of the account are taken before any record's.
    @Test func recordsNotedOnWorkersAreReportedWhereTheyStand() throws {
        func invoice(_ id: String, _ number: String) -> String {
            #"{"Id": "\#(id)", "DocNumber": "\#(number)", "CustomerRef": {"value": "1"}, "Line": [], "TotalAmt": 0}"#
        }
        // Every hundredth invoice takes the number of the one fifty lines before it.
        var lines = (0..<4000).map { n in
            let record = invoice(String(n), n % 100 == 50 ? "N-\(n - 50)" : "N-\(n)")
            return #"{"Invoice": \#(record)}"#
        }
        // A page of two invoices on one line, the second with a number taken; a credit memo
        // with another; an invoice with the number of one of the account's (2001).
        lines[1510] = #"{"QueryResponse": {"Invoice": [\#(invoice("p1", "P-1")), \#(invoice("p2", "N-7"))]}}"#
        lines[2010] = #"{"CreditMemo": \#(invoice("c1", "N-8"))}"#
        lines[2510] = #"{"Invoice": \#(invoice("a1", "2001"))}"#
        let text = lines.joined(separator: "\r\n") + "\r\n"
        #expect(text.utf8.count > 3 * (128 << 10), "the records span several chunks")
        let account = Self.failingAccount.path
        try withFile(named: "invoices.ndjson", holding: text) { folder, input in
            let environment = CommandEnvironment(fileSystem: .live, readStandardInput: { [] }, currentDirectory: folder.path)
            func check(_ format: String, jobs: String) -> CommandResult {
                QBCheckTool.run(["check", "--account", account, "--format", format, "--jobs", jobs, input], environment: environment)
            }
            let one = check("json", jobs: "1")
            // Compared as one truth: a report of 4,000 findings printed twice tells nothing more.
            let sameReport = check("json", jobs: "2") == one
            #expect(sameReport)
            let sameRecords = check("junit", jobs: "2") == check("junit", jobs: "1")
            #expect(sameRecords, "a report that lists every record is handed every record whole")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? [String: Any])
            let findings = (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "duplicate-doc-number" }
                .map { "\($0["line"] ?? "") \($0["pointer"] ?? "") \($0["recordId"] ?? "")" }
            #expect(findings.count == 40 + 3)
            #expect(findings.contains("1511 /QueryResponse/Invoice/1/DocNumber p2"))
            #expect(findings.contains("2011 /CreditMemo/DocNumber c1"))
            #expect(findings.contains("2511 /Invoice/DocNumber a1"))
            #expect(findings.contains("51 /Invoice/DocNumber 50"))
            #expect((report["summary"] as? [String: Any])?["documents"] as? Int == 4001)
        }
    }

    /// With workers, customers and contacts are noted where they are read too (their display
    /// names, derived as the sync derives them): each clash is reported on its line, exactly or
    /// but for case, long names included, and the contacts whose company is missing are counted
    /// among the skipped, as one thread reports them.
    @Test func displayNamesNotedOnWorkersAreReportedWhereTheyStand() throws {
        let long = String(repeating: "Amy's Bird Sanctuary and Garden Supplies ", count: 4)
        func customer(_ id: Int, _ name: String) -> String {
            #"{"Customer": {"Id": "c\#(id)", "DisplayName": "\#(name)", "PrimaryEmailAddr": {"Address": "c\#(id)@example.com"}}}"#
        }
        var lines = (0..<3000).map { n in
            // Every hundredth customer takes the name of the one fifty before it; every hundredth
            // but twenty-five, in capitals.
            switch n % 100 {
            case 50: customer(n, "Customer \(n - 50)")
            case 75: customer(n, "CUSTOMER \(n - 50)")
            default: customer(n, "Customer \(n)")
            }
        }
        lines[1210] = customer(1210, long)
        lines[2210] = customer(2210, long)
        // Contacts: one named as a customer (first and last name), one of a company that is
        // nowhere, one of none.
        lines[1710] = #"{"id": "701", "properties": {"email": "x701@example.com", "firstname": "Customer", "lastname": "300"}}"#
        lines[1810] = #"{"id": "801", "properties": {"email": "x801@example.com", "firstname": "Ann", "lastname": "Lee"}, "associations": {"companies": {"results": [{"id": "424242", "type": "contact_to_company"}]}}}"#
        lines[1910] = #"{"id": "901", "properties": {"email": "x901@example.com", "firstname": "Bo", "lastname": "Diaz"}}"#
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 2 * (128 << 10), "the records span several chunks")
        try withFile(named: "names.ndjson", holding: text) { folder, input in
            let environment = CommandEnvironment(fileSystem: .live, readStandardInput: { [] }, currentDirectory: folder.path)
            let one = QBCheckTool.run(["check", "--format", "json", "--jobs", "1", input], environment: environment)
            let sameReport = QBCheckTool.run(["check", "--format", "json", "--jobs", "2", input], environment: environment) == one
            #expect(sameReport)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? [String: Any])
            let findings = (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "duplicate-display-name" }
                .map { "\($0["line"] ?? "") \($0["severity"] ?? "") \($0["pointer"] ?? "")" }
            #expect(findings.count == 30 + 30 + 2)
            #expect(findings.contains("51 error /Customer/DisplayName"))
            #expect(findings.contains("76 warning /Customer/DisplayName"))
            #expect(findings.contains("2211 error /Customer/DisplayName"), "a name of \(long.utf8.count) bytes")
            #expect(findings.contains("1711 error /properties/firstname"))
            let skipped = (report["skipped"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "duplicate-display-name" }
            #expect(skipped.count == 1 && skipped.first?["records"] as? Int == 1)
        }
    }

    /// Inputs that open without a HubSpot record are checked in one pass; a HubSpot record met
    /// further on (here after 100 KB of QBO invoices) starts the check over with both passes, so
    /// the records before it are judged knowing it, as a check that knew from the start judges them.
    @Test func aHubSpotRecordFarIntoTheInputStillInformsTheRecordsBeforeIt() throws {
        // Invoice H-1 carries tax; the HubSpot invoice with that number says HubSpot created it.
        let taxed = #"{"Invoice": {"Id": "1", "DocNumber": "H-1", "CustomerRef": {"value": "1"}, "Line": [], "TxnTaxDetail": {"TotalTax": 8.5}}}"#
        let others = (2...1000).map { #"{"Invoice": {"Id": "\#($0)", "DocNumber": "Q-\#($0)", "CustomerRef": {"value": "1"}, "Line": [], "TotalAmt": 0}}"# }
        let hubspot = #"{"id": "77", "properties": {"hs_number": "H-1", "hs_invoice_status": "open", "hs_invoice_source": "hubspot"}}"#
        let late = ([taxed] + others + [hubspot]).joined(separator: "\n") + "\n"
        #expect(late.utf8.count > 100_000, "the HubSpot record lies beyond the opening looked at")
        let early = ([hubspot, taxed] + others).joined(separator: "\n") + "\n"
        // A JSON file (an array of records) is searched whole before it is read.
        let lateArray = "[" + ([taxed] + others + [hubspot]).joined(separator: ",\n") + "]"
        let environment = CommandEnvironment(fileSystem: .inMemory(["late.ndjson": late, "early.ndjson": early, "late.json": lateArray]),
                                             readStandardInput: { [] }, currentDirectory: "/")
        /// What was found on which record, and what each rule skipped, whatever the lines.
        func judged(_ file: String, jobs: String) throws -> (findings: [String], skipped: [String]) {
            let run = QBCheckTool.run(["check", "--format", "json", "--jobs", jobs, file], environment: environment)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            let findings = (report["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "") \($0["record"] ?? "") \($0["pointer"] ?? "")" }
            let skipped = (report["skipped"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "") \($0["records"] ?? "")" }
            return (findings.sorted(), skipped)
        }
        for jobs in ["1", "2"] {
            let lateJudged = try judged("late.ndjson", jobs: jobs)
            let earlyJudged = try judged("early.ndjson", jobs: jobs)
            #expect(lateJudged.findings.contains("hubspot-invoice-tax invoice H-1 /Invoice/TxnTaxDetail/TotalTax"))
            #expect(lateJudged.findings == earlyJudged.findings)
            #expect(lateJudged.skipped == earlyJudged.skipped)
        }
        let arrayJudged = try judged("late.json", jobs: "2")
        #expect(arrayJudged.findings.contains("hubspot-invoice-tax invoice H-1 /0/Invoice/TxnTaxDetail/TotalTax"))
    }
}
