import Foundation
import QBCheckCommand
import QBCheckCore
import QBCheckPreflight
import QBCheckRules
import Synchronization
import Testing

/// `qbcheck preflight` on the example accounts, as a new user runs it.
@Suite struct PreflightTests {
    static let accounts = Golden.repository.appendingPathComponent("corpus/accounts")

    func run(_ arguments: [String]) -> CommandResult {
        QBCheckTool.run(arguments, environment: .live(currentDirectory: Golden.repository.path) { [] })
    }

    func json(_ account: String) throws -> [String: Any] {
        let result = run(["preflight", "--account", Self.accounts.appendingPathComponent(account).path, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    /// The executable lets the account go with the process (`ProcessExit.leave`): the report
    /// must read the same.
    @Test func preflightLeavesTheAccountForTheExitAndReadsTheSame() throws {
        let arguments = ["preflight", Self.accounts.appendingPathComponent("failing").path, "--format", "json"]
        let left = Mutex(0)
        var environment = CommandEnvironment.live(currentDirectory: Golden.repository.path) { [] }
        environment.leaveForExit = { _ in left.withLock { $0 += 1 } }
        let leaving = QBCheckTool.run(arguments, environment: environment)
        #expect(left.withLock { $0 } == 1)
        #expect(leaving == run(arguments))
        #expect(leaving.exitCode == ExitCode.findings)
    }

    @Test func theReadyAccountPassesClean() throws {
        let result = run(["preflight", Self.accounts.appendingPathComponent("ready").path])
        #expect(result.exitCode == ExitCode.clean, "\(result.standardOutput)")
        #expect(result.standardOutput.hasSuffix("checked 22 documents: 0 errors, 0 warnings, 0 infos\n"))
        #expect(!result.standardOutput.contains("skipped"), "every rule can run on the ready account")
    }

    /// Every rule of the catalog but closed-period (the failing books are not closed, which is
    /// closed-period-unlocked's finding) reports on the failing account, on the right record.
    @Test func theFailingAccountTripsEveryRule() throws {
        let report = try json("failing")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let seen = Set(findings.map { "\($0["rule"] ?? "") \($0["record"] ?? "")" })
        let expected = [
            "accounting-deal-properties HubSpot account settings", "billing-contact invoice INV-3004", "billing-contact invoice INV-3001",
            "closed-period-unlocked preferences", "connect-permission HubSpot account settings", "contact-missing-email contact 516",
            "contact-missing-email customer \"Walk-in Customer\"", "currency-mismatch invoice INV-2025-01-10-BIGLYTICS-1",
            "custom-field-ineligible sync settings", "custom-field-not-visible sync settings", "custom-mapping-tier sync settings",
            "custom-transaction-numbers preferences", "doc-number-too-long invoice INV-2025-01-10-BIGLYTICS-1",
            "duplicate-display-name contact 513", "duplicate-display-name contact 514", "duplicate-doc-number invoice INV-3001",
            "duplicate-sku product \"Implementation (rush)\"", "hubspot-invoice-tax invoice INV-3001", "hubspot-invoice-tax line item 1526714003",
            "inactive-reference invoice INV-3005", "incompatible-field-mapping sync settings", "invalid-name-characters contact 517",
            "invalid-name-characters product \"Chairs:Blue\"", "invoice-arithmetic line item 1526714003", "invoice-company-association invoice 2001",
            "locked-invoice-edit invoice INV-3001", "name-too-long contact 518", "non-us-invoice-sync invoice INV-3005",
            "outbound-invoice-filter-locked sync settings", "paid-invoice-workflow-duplicates HubSpot account settings",
            "processing-fees-not-expensed payment 383552769690", "product-missing-sku product \"Consulting hour\"", "product-missing-sku product 17727139760",
            "revenue-recognition-service-date invoice INV-3005", "taxable-invoice-line-limit invoice 2003", "two-way-update-not-synced invoice 2002",
            "unmatched-line-item line item 1526714002",
        ]
        for item in expected { #expect(seen.contains(item), "missing: \(item)") }
        let rules = Set(findings.compactMap { $0["rule"] as? String })
        let catalog = Set(RuleRegistry.all.map(\.id))
        #expect(catalog.subtracting(rules) == ["closed-period"], "rules that found nothing: \(catalog.subtracting(rules).sorted())")
        let result = run(["preflight", Self.accounts.appendingPathComponent("failing").path])
        #expect(result.exitCode == ExitCode.findings)
    }

    /// Each source record of the snapshot is counted once, in its own pair and direction.
    @Test func countsAddUpToTheRecordsOfTheSnapshot() throws {
        let report = try json("failing")
        let pairs = try #require(report["pairs"] as? [[String: Any]])
        var byPair: [String: (Int, Int, Int, Int)] = [:]
        for pair in pairs {
            let counts = (pair["records"] as? Int ?? -1, pair["syncs"] as? Int ?? -1, pair["fails"] as? Int ?? -1, pair["excluded"] as? Int ?? -1)
            #expect(counts.0 == counts.1 + counts.2 + counts.3, "\(pair)")
            byPair["\(pair["object"] ?? ""):\(pair["direction"] ?? "")"] = counts
        }
        // The snapshot's files, counted independently: 4 QBO customers, 9 HubSpot contacts, 4 QBO
        // products (the category is none), 1 HubSpot product, 2 QBO invoices, 6 HubSpot invoices.
        #expect(byPair["contacts:quickbooks-to-hubspot"]?.0 == 4)
        #expect(byPair["contacts:hubspot-to-quickbooks"]?.0 == 9)
        #expect(byPair["products:quickbooks-to-hubspot"]?.0 == 4)
        #expect(byPair["products:hubspot-to-quickbooks"]?.0 == 1)
        #expect(byPair["invoices:quickbooks-to-hubspot"]?.0 == 2)
        #expect(byPair["invoices:hubspot-to-quickbooks"]?.0 == 6)
        #expect(byPair["contacts:hubspot-to-quickbooks"].map { [$0.1, $0.2, $0.3] } == [4, 4, 1])
        #expect(byPair["invoices:hubspot-to-quickbooks"].map { [$0.1, $0.2, $0.3] } == [0, 5, 1])
        let fees = try #require((report["fees"] as? [[String: Any]])?.first)
        #expect("\(fees["total"] ?? "")" == "36.86" && fees["currency"] as? String == "CAD")
    }

    /// HubSpot's recommended filters, from the setup date: QBO invoices created after the setup
    /// date at 12:00 sync to HubSpot; HubSpot contacts sync to QBO when they are on a HubSpot
    /// invoice that is not a draft and was created after the setup date.
    @Test func recommendedFiltersFollowTheSetupDate() throws {
        func invoice(_ id: String, created: String) -> String {
            #"{"Id": "\#(id)", "DocNumber": "Q\#(id)", "TxnDate": "2025-01-02", "CustomerRef": {"value": "1"}, "Line": [], "MetaData": {"CreateTime": "\#(created)"}}"#
        }
        let files = [
            "acct/qbcheck.json": #"{"qbcheck": 1, "sync": {"setupDate": "2025-01-02"}}"#,
            "acct/quickbooks/invoices.json": #"{"QueryResponse": {"Invoice": [\#(invoice("1", created: "2025-01-02T11:59:00Z")), \#(invoice("2", created: "2025-01-02T12:01:00Z")), \#(invoice("3", created: "2025-01-02T05:30:00-08:00"))]}}"#,
            "acct/hubspot/contacts.json": #"{"results": [{"id": "1", "properties": {"email": "a@x.example"}}, {"id": "2", "properties": {"email": "b@x.example"}}, {"id": "3", "properties": {"email": "c@x.example"}}]}"#,
            "acct/hubspot/invoices.json": #"""
                {"results": [
                  {"id": "10", "properties": {"hs_invoice_status": "open", "hs_createdate": "2025-01-03T09:00:00Z", "hs_invoice_source": "hubspot"}, "associations": {"contacts": {"results": [{"id": "1"}]}}},
                  {"id": "11", "properties": {"hs_invoice_status": "draft", "hs_createdate": "2025-01-03T09:00:00Z"}, "associations": {"contacts": {"results": [{"id": "2"}]}}},
                  {"id": "12", "properties": {"hs_invoice_status": "open", "hs_createdate": "2025-01-02T09:00:00Z"}, "associations": {"contacts": {"results": [{"id": "3"}]}}}
                ]}
                """#,
        ]
        let (snapshot, errors) = AccountLoader(fileSystem: .inMemory(files)).load("acct")
        #expect(errors.isEmpty, "\(errors)")
        let report = Preflight(keepsEveryOutcome: true).run(snapshot)
        func status(_ pair: SyncPair, _ id: String) -> PreflightReport.Status? {
            report.outcomes.first { $0.pair == pair && $0.record.id == id }?.status
        }
        let inbound = SyncPair(.invoices, .quickbooksToHubSpot)
        #expect(status(inbound, "1") == .excluded("recommended filter: created before the setup date at 12:00"))
        #expect(status(inbound, "2") == .syncs)
        #expect(status(inbound, "3") == .syncs, "05:30 at -08:00 is 13:30 UTC")
        let contacts = SyncPair(.contacts, .hubspotToQuickBooks)
        #expect(status(contacts, "1") == .syncs)
        #expect(status(contacts, "2") == .excluded("recommended filter: on no HubSpot invoice created after the setup date"))
        #expect(status(contacts, "3") == .excluded("recommended filter: on no HubSpot invoice created after the setup date"))
        // Invoices sync one way by default, so HubSpot invoices stay in HubSpot.
        #expect(status(SyncPair(.invoices, .hubspotToQuickBooks), "10") == .excluded("the invoices sync runs one way, QuickBooks → HubSpot"))
        #expect(RecommendedSetup.filterDescription(inbound, setupDate: CalendarDate(year: 2025, month: 1, day: 2)) == "creation time is after 2025-01-02 at 12:00")
        #expect(report.recommendedFilters.map { "\($0.pair): \($0.filter)" } == [
            "HubSpot contacts → QuickBooks customers: invoice status is not Draft, create date is after 2025-01-02, and invoice source is any HubSpot source",
            "QuickBooks invoices → HubSpot invoices: creation time is after 2025-01-02 at 12:00",
        ])
    }

    @Test func preflightNeedsASnapshot() {
        let result = run(["preflight"])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.hasPrefix("error: preflight audits one account snapshot"))
    }

    /// The HTML page, rendered by a real browser (headless Chromium): the DOM holds the counts,
    /// the chart and the failures. CI installs Debian's chromium; the PNG is kept for a look.
    @Test func theHTMLReportRendersInABrowser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("preflight.html")
        let result = run(["preflight", Self.accounts.appendingPathComponent("failing").path, "--format", "html", "--output", page.path])
        #expect(result.exitCode == ExitCode.findings)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script"), "the page runs no scripts")
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "the page loads nothing from the network")

        let render = Process()
        render.executableURL = Golden.repository.appendingPathComponent("Scripts/render-html.sh")
        render.arguments = [page.path, folder.appendingPathComponent("preflight").path]
        try render.run()
        render.waitUntilExit()
        try #require(render.terminationStatus == 0, "Scripts/render-html.sh failed (is chromium installed? .ci/run installs it)")
        let dom = try String(contentsOf: folder.appendingPathComponent("preflight.dom.html"), encoding: .utf8)
        let png = try Data(contentsOf: folder.appendingPathComponent("preflight.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
        #expect(dom.contains(#"<tr data-pair="contacts:hubspot-to-quickbooks">"#))
        #expect(dom.contains(#"<td class="count fails" data-count="fails">4</td>"#))
        #expect(dom.contains(#"<td class="count fails" data-count="fails">5</td>"#))
        #expect(dom.contains(#"data-failing="10""#))
        #expect(dom.components(separatedBy: "data-bar=").count - 1 >= 9, "the chart's bars")
        for rule in ["billing-contact", "duplicate-display-name", "hubspot-invoice-tax", "non-us-invoice-sync", "revenue-recognition-service-date"] {
            #expect(dom.contains(#"data-rule="\#(rule)""#), "failures of \(rule)")
        }
        #expect(dom.contains(#"data-recommendation="connect-permission""#))
        #expect(dom.contains("36.86 CAD"))
    }
}
