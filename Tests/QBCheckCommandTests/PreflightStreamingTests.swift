import Foundation
import QBCheckCore
import QBCheckPreflight
import Testing

/// `preflight` reads a snapshot's customers, vendors, employees and transactions again one at a
/// time instead of keeping them: the report must be the one a snapshot kept whole gives.
@Suite struct PreflightStreamingTests {
    /// Preflight of a snapshot, kept whole or read again, with every input error of both steps.
    func preflight(_ directory: String, fileSystem: FileSystem, keepingRecords: Bool) -> (PreflightReport, [String]) {
        let (snapshot, errors) = AccountLoader(fileSystem: fileSystem).load(directory, keepingRecords: keepingRecords)
        let report = Preflight(keepsEveryOutcome: true).run(snapshot)
        return (report, (report.report.inputErrors + errors).map { "\($0.file):\($0.position?.line ?? 0): \($0.message)" }.sorted())
    }

    func expectSameReport(_ directory: String, fileSystem: FileSystem) {
        let (kept, keptErrors) = preflight(directory, fileSystem: fileSystem, keepingRecords: true)
        let (streamed, streamedErrors) = preflight(directory, fileSystem: fileSystem, keepingRecords: false)
        #expect(streamed.report.findings == kept.report.findings)
        #expect(streamed.report.skipped == kept.report.skipped)
        #expect(streamed.report.documents == kept.report.documents)
        #expect(streamedErrors == keptErrors)
        #expect(streamed.summaries.map { "\($0.pair) \($0.records) \($0.syncs) \($0.fails) \($0.excluded) \($0.exclusions.map(\.reason))" }
            == kept.summaries.map { "\($0.pair) \($0.records) \($0.syncs) \($0.fails) \($0.excluded) \($0.exclusions.map(\.reason))" })
        #expect(streamed.outcomes.map { "\($0.record) \($0.status) \($0.findings) \($0.counterpart ?? "-")" }
            == kept.outcomes.map { "\($0.record) \($0.status) \($0.findings) \($0.counterpart ?? "-")" })
        #expect(streamed.failing.map(\.record) == kept.failing.map(\.record))
    }

    @Test(arguments: ["failing", "ready"])
    func theExampleAccountsGetTheSameReportReadAgain(_ account: String) {
        expectSameReport(PreflightTests.accounts.appendingPathComponent(account).path, fileSystem: .live)
    }

    /// Customers and invoices as NDJSON and as query response pages, with name and number
    /// clashes across files, a line that is no JSON and a record of the wrong shape.
    static let files = [
        "acct/quickbooks/customers.ndjson": """
            {"Customer": {"Id": "1", "DisplayName": "Ann Lee", "PrimaryEmailAddr": {"Address": " Ann@X.example "}, "CurrencyRef": {"value": "USD"}}}
            {"Customer": {"Id": "2", "DisplayName": "ann  lee", "Active": false}}
            {not json
            {"Customer": {"Id": "3", "DisplayName": "Bo", "Active": "yes"}}
            """,
        "acct/quickbooks/invoices-1.json": #"""
            {"QueryResponse": {"Invoice": [
              {"Id": "10", "DocNumber": "1001", "CustomerRef": {"value": "2"}, "Line": []},
              {"Id": "11", "DocNumber": "1001", "CustomerRef": {"value": "1"}, "Line": "none"}
            ], "startPosition": 1, "maxResults": 2}}
            """#,
        "acct/quickbooks/invoices-2.json": #"{"QueryResponse": {"Invoice": [{"Id": "12", "DocNumber": "1001", "CustomerRef": {"value": "1"}, "Line": []}], "startPosition": 3, "maxResults": 1}}"#,
        "acct/quickbooks/vendors.json": #"{"QueryResponse": {"Vendor": [{"Id": "7", "DisplayName": "Bo"}]}}"#,
        "acct/hubspot/contacts.json": #"{"results": [{"id": "50", "properties": {"email": "ann@x.example", "firstname": "Ann"}}, {"id": "51", "properties": {"email": "cy@x.example", "firstname": "Ann", "lastname": "Lee"}}]}"#,
        "acct/hubspot/invoices.json": #"{"results": [{"id": "60", "properties": {"hs_number": "1001", "hs_invoice_source": "quickbooks"}}]}"#,
    ]

    @Test func pagesAndNDJSONGetTheSameReportReadAgain() {
        expectSameReport("acct", fileSystem: .inMemory(Self.files))
    }

    /// The first look reads an invoice page no further than its opening; a page put together
    /// by hand that lists customers after its invoices is found out when it is read again, and
    /// the snapshot is read again whole: contact 52 matches customer 99 by email (and so is no
    /// new customer "Ann Lee", which would clash with customer 1).
    @Test func aPageThatListsMoreThanItsFirstEntityIsReadAgainWhole() throws {
        var files = Self.files
        files["acct/quickbooks/invoices-3.json"] = #"""
            {"QueryResponse": {"Invoice": [{"Id": "13", "DocNumber": "1003", "CustomerRef": {"value": "99"}, "Line": []}],
             "Customer": [{"Id": "99", "DisplayName": "Zed", "PrimaryEmailAddr": {"Address": "zed@x.example"}}]}}
            """#
        files["acct/hubspot/contacts.json"] = #"{"results": [{"id": "52", "properties": {"email": "zed@x.example", "firstname": "Ann", "lastname": "Lee"}}]}"#
        expectSameReport("acct", fileSystem: .inMemory(files))
        let (snapshot, _) = AccountLoader(fileSystem: .inMemory(files)).load("acct", keepingRecords: false)
        #expect(snapshot.pagesReadNoFurther == ["acct/quickbooks/invoices-1.json", "acct/quickbooks/invoices-2.json", "acct/quickbooks/invoices-3.json"])
        #expect(snapshot.names.customer(id: "99") == nil, "the first look did not see customer 99")
        let (report, _) = preflight("acct", fileSystem: .inMemory(files), keepingRecords: false)
        let contact = try #require(report.outcomes.first { $0.record.id == "52" })
        #expect(contact.status == .syncs && contact.counterpart == "QBO Customer 99")
    }

    @Test func aPageNamesItsListInItsFirstBytes() {
        func entity(_ text: String) -> String? { QueryResponsePage.listedEntity(in: Array(text.utf8)) }
        #expect(entity(#"{"QueryResponse":{"Invoice":[{"Id":"1"}"#) == "Invoice")
        #expect(entity(" {\n  \"QueryResponse\" : {\n    \"Payment\": [") == "Payment")
        #expect(entity(#"{"QueryResponse": {"startPosition": 1, "Invoice": ["#) == nil, "the list must come first")
        #expect(entity(#"{"time": "x", "QueryResponse": {"Invoice": ["#) == nil)
        #expect(entity(#"{"QueryResponse": {"Invoice": {"Id": "1"}}}"#) == nil, "not a list")
        #expect(entity(#"{"QueryResponse": {"Widget": ["#) == nil, "not a QBO entity")
        #expect(entity(#"{"QueryResponse": {"Invo"#) == nil, "cut short")
    }

    /// The first look keeps the items and the company's settings, and of the customers,
    /// vendors and employees their compact records: no document of the bulk kinds stays.
    @Test func aSnapshotReadForPreflightKeepsNoCustomerOrInvoice() {
        let (snapshot, errors) = AccountLoader(fileSystem: .inMemory(Self.files)).load("acct", keepingRecords: false)
        #expect(snapshot.quickbooks.isEmpty, "\(snapshot.quickbooks.map(\.label))")
        #expect(snapshot.names.records.map { "\($0.entity) \($0.id ?? "-") \($0.displayName ?? "-")" } == [
            "Customer 1 Ann Lee", "Customer 2 ann  lee", "Vendor 7 Bo",
        ])
        #expect(snapshot.quickbooksEntities == ["Customer", "Invoice", "Vendor"])
        #expect(snapshot.names.customer(email: "ann@x.example")?.id == "1", "found by the trimmed, lowercased email")
        #expect(snapshot.names.customer(id: "2")?.active == false)
        #expect(errors.isEmpty, "record errors are reported when the records are read again: \(errors)")
    }

    /// Each unreadable record is reported once, when it is read again, naming its line.
    @Test func unreadableRecordsAreReportedOnceWhenReadAgain() {
        let (_, errors) = preflight("acct", fileSystem: .inMemory(Self.files), keepingRecords: false)
        #expect(errors == [
            "acct/quickbooks/customers.ndjson:3: unexpected 'n': expected a member name in double quotes",
            "acct/quickbooks/customers.ndjson:4: expected true or false, found a string \"yes\"",
            "acct/quickbooks/invoices-1.json:3: expected an array, found a string \"none\"",
        ])
    }

    /// Invoice numbers are claimed in file order, across files: the later invoice with 1001
    /// fails (the unreadable one in between claims nothing); the HubSpot invoice with 1001 is
    /// the same invoice, synced.
    @Test func numbersAndNamesClashAcrossTheFilesReadAgain() throws {
        let (report, _) = preflight("acct", fileSystem: .inMemory(Self.files), keepingRecords: false)
        let numbers = report.report.findings.filter { $0.rule == "duplicate-doc-number" }
        #expect(numbers.map { "\($0.file) \($0.record.id ?? "-")" } == ["acct/quickbooks/invoices-2.json 12"])
        #expect(numbers.first?.message.hasPrefix("the document number \"1001\" of invoice 1001 is already used by QuickBooks invoice 1001 (Id 10)") == true)
        // Customer 3, unreadable, holds no name: vendor Bo's is its own.
        let names = report.report.findings.filter { $0.rule == "duplicate-display-name" }
        #expect(names.map { "\($0.severity) \($0.record.label)" } == ["warning customer \"ann  lee\"", "error contact 51"])
        let inactive = report.report.findings.filter { $0.rule == "inactive-reference" }
        #expect(inactive.isEmpty, "invoices sync QuickBooks → HubSpot by default: no inactive customer reaches QuickBooks")
        let invoice = try #require(report.outcomes.first { $0.record.id == "12" })
        #expect(invoice.status == .fails)
        #expect(invoice.counterpart == "HubSpot invoice 60")
    }
}
