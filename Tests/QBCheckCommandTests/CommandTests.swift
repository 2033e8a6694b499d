import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// The command as a user meets it: arguments in, exact output and exit status out.
@Suite struct CommandTests {
    static let taxedHubSpotInvoice = """
        {
          "id": "44446244099",
          "properties": {
            "hs_invoice_status": "open",
            "hs_number": "INV-1050",
            "hs_invoice_date": "2024-12-15T00:00:00Z",
            "hs_tax_amount": "12.50"
          },
          "associations": {"contacts": {"results": [{"id": "512", "type": "invoice_to_contact"}]}}
        }

        """

    static let preferences = #"{"Preferences": {"AccountingInfoPrefs": {"BookCloseDate": "2024-12-31"}}}"#
    static let companyInfo = #"{"CompanyInfo": {"CompanyName": "Larry's Bakery", "Country": "US"}}"#

    func run(_ arguments: [String], files: [String: String] = [:], stdin: String = "", cwd: String = "/project") -> CommandResult {
        let environment = CommandEnvironment(fileSystem: .inMemory(files), readStandardInput: { Array(stdin.utf8) }, currentDirectory: cwd)
        return QBCheckTool.run(arguments, environment: environment)
    }

    var account: [String: String] {
        ["acct/quickbooks/preferences.json": Self.preferences, "acct/quickbooks/companyinfo.json": Self.companyInfo]
    }

    /// The sync's timestamps (records, activity, the files it writes) are UTC instants to the
    /// second, as QBO and HubSpot write theirs.
    @Test func syncTimestampsAreUTCInstantsToTheSecond() throws {
        #expect(CommandEnvironment.isoNow(0) == "1970-01-01T00:00:00Z")
        #expect(CommandEnvironment.isoNow(1_736_676_900) == "2025-01-12T10:15:00Z")
        #expect(CommandEnvironment.isoNow(1_835_481_599) == "2028-02-29T23:59:59Z")
        let before = Int(Date().timeIntervalSince1970)
        let now = CommandEnvironment.isoNow()
        let after = Int(Date().timeIntervalSince1970)
        #expect((before...after).map { CommandEnvironment.isoNow($0) }.contains(now), "\(now)")
    }

    @Test func printsFindingsLikeACompiler() {
        let result = run(["check", "--account", "acct", "invoice.json"], files: account.merging(["invoice.json": Self.taxedHubSpotInvoice]) { $1 })
        #expect(result.exitCode == ExitCode.findings)
        #expect(result.standardError == "")
        #expect(result.standardOutput == """
            invoice.json:6:24: error: invoice INV-1050 is dated 2024-12-15, on or before the books' closing date 2024-12-31: syncing it writes a transaction into a closed period, which QuickBooks refuses (error 6210, "The account period has closed") [closed-period]
                remedy: Leave transactions dated on or before 2024-12-31 unchanged; record a correction dated after 2024-12-31 instead, or have your accountant reopen the period in QuickBooks (Settings › Advanced › Close the books) first.
            invoice.json:7:22: error: invoice INV-1050 carries tax 12.50 (hs_tax_amount), but HubSpot invoices cannot carry tax into QuickBooks [hubspot-invoice-tax]
                remedy: Remove the tax from the HubSpot invoice; if the customer must be charged tax, create the invoice in QuickBooks and let it sync to HubSpot.

            skipped billing-contact (1 record): the invoice's contact is not in the batch or in the account snapshot (hubspot/contacts.json)
            skipped invoice-company-association: no QBO customers: pass --account DIR with a query response of Customer in DIR/quickbooks/
            skipped unmatched-line-item: no QBO products and services: pass --account DIR with a query response of Item in DIR/quickbooks/
            checked 1 document: 2 errors, 0 warnings, 0 infos

            """)
    }

    @Test func writesTheVersionedJSONReport() {
        let result = run(["invoice.json", "--format", "json", "--origin", "quickbooks"], files: ["invoice.json": Self.taxedHubSpotInvoice])
        #expect(result.exitCode == ExitCode.clean)
        #expect(result.standardOutput.hasPrefix("{\n  \"version\": 1,\n  \"findings\": [],\n  \"skipped\": [\n    {\n      \"rule\": \"closed-period\","))
        #expect(result.standardOutput.contains("\"summary\": {\n    \"documents\": 1,\n    \"errors\": 0,\n    \"warnings\": 0,\n    \"infos\": 0,\n    \"suppressed\": 0,\n    \"baselined\": 0,\n    \"baselineFixed\": 0,\n    \"inputErrors\": 0\n  }"))
    }

    @Test func saysWhichRulesWereSkippedWithoutAnAccount() {
        let result = run(["check", "invoice.json"], files: ["invoice.json": Self.taxedHubSpotInvoice])
        #expect(result.standardOutput.contains("skipped closed-period, currency-mismatch, revenue-recognition-service-date: no QBO Preferences: pass --account DIR"))
        #expect(result.standardOutput.contains("skipped non-us-invoice-sync: no QBO CompanyInfo"))
        #expect(result.exitCode == ExitCode.findings, "the tax finding needs no account")
    }

    @Test func readsStandardInput() {
        let result = run(["check", "-"], stdin: Self.taxedHubSpotInvoice)
        #expect(result.standardOutput.hasPrefix("<stdin>:7:22: error: invoice INV-1050 carries tax 12.50"))
        #expect(result.exitCode == ExitCode.findings)
    }

    @Test func badInputIsOneLineAndTheRestOfTheBatchIsChecked() {
        let result = run(["check", "broken.json", "missing.json", "invoice.json"],
                         files: ["broken.json": "{\"Invoice\": {\"Line\": [}", "invoice.json": Self.taxedHubSpotInvoice])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError == """
            broken.json:1:23: error: unexpected '}': expected a value
            missing.json: error: no such file

            """)
        #expect(result.standardOutput.contains("invoice.json:7:22: error: invoice INV-1050 carries tax"))
        #expect(result.standardOutput.hasSuffix("checked 1 document: 1 error, 0 warnings, 0 infos; 2 input errors (see above)\n"))
    }

    @Test func judgesAnEditGivenAsTwoFiles() {
        let before = #"{"Invoice": {"Id": "7", "DocNumber": "INV-7", "TxnDate": "2025-01-06", "Line": [{"Id": "1", "DetailType": "SalesItemLineDetail", "Amount": 10, "SalesItemLineDetail": {"UnitPrice": 10, "Qty": 1}}]}}"#
        let after = #"{"Invoice": {"Id": "7", "DocNumber": "INV-7", "TxnDate": "2025-01-06", "Line": [{"Id": "1", "DetailType": "SalesItemLineDetail", "Amount": 12, "SalesItemLineDetail": {"UnitPrice": 12, "Qty": 1}}]}}"#
        let files = ["before.json": before, "after.json": after]
        let edited = run(["diff", "--origin", "hubspot", "before.json", "after.json"], files: files)
        #expect(edited.exitCode == ExitCode.findings)
        #expect(edited.standardOutput.hasPrefix("after.json:1:181: error: the unit price of line 1 of invoice INV-7 changed in QuickBooks from 10 to 12"))
        let own = run(["diff", "--origin", "quickbooks", "before.json", "after.json"], files: files)
        #expect(own.exitCode == ExitCode.clean)
        #expect(own.standardOutput.hasSuffix("checked 2 documents: 0 errors, 0 warnings, 0 infos\n"))
    }

    @Test func refusesADiffOfTwoKindsOfRecord() {
        let result = run(["diff", "a.json", "b.json"], files: ["a.json": #"{"Invoice": {"Id": "1"}}"#, "b.json": #"{"Customer": {"Id": "1", "DisplayName": "X"}}"#])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.contains("BEFORE is a QBO Invoice but AFTER is a QBO Customer"))
    }

    @Test func suggestsTheClosestOptionCommandAndValue() {
        let option = run(["check", "--acount", "x", "a.json"])
        #expect(option.exitCode == ExitCode.failure)
        #expect(option.standardError == "error: unknown option '--acount' (did you mean '--account'?)\nHelp: qbcheck check --help\n")
        #expect(run(["chek", "a.json"]).standardError.hasPrefix("error: unknown command 'chek' (did you mean 'check'?)"))
        #expect(run(["check", "--format", "jsn", "a.json"]).standardError.hasPrefix("error: unknown format 'jsn': use text, json, sarif, junit, github (did you mean 'json'?)"))
        #expect(run(["check", "--origin", "hubspt", "a.json"]).standardError.hasPrefix("error: --origin takes hubspot or quickbooks, not 'hubspt' (did you mean 'hubspot'?)"))
        #expect(run(["explain", "closed-perod"]).standardError.hasPrefix("error: unknown rule 'closed-perod' (did you mean 'closed-period'?)"))
        #expect(run(["check"]).standardError.hasPrefix("error: no input files"))
    }

    @Test func printsHelpForEveryCommand() {
        for command in ["check", "diff", "baseline", "rules", "explain"] {
            let result = run([command, "--help"])
            #expect(result.exitCode == ExitCode.clean)
            #expect(result.standardOutput.hasPrefix("USAGE: qbcheck \(command)"))
        }
        #expect(run([]).standardOutput.contains("COMMANDS:"))
        #expect(run(["--version"]).standardOutput.hasPrefix("qbcheck "))
    }

    @Test func listsAndExplainsTheCatalog() {
        let list = run(["rules"]).standardOutput
        #expect(list.split(separator: "\n").count == 32)
        #expect(list.hasPrefix("accounting-deal-properties        warning  Mapping or workflow relies on the deal's Accounting properties\n"))
        #expect(list.contains("\nclosed-period                     error    Transaction dated in a closed accounting period\n"))
        let explain = run(["explain", "duplicate-display-name"])
        #expect(explain.exitCode == ExitCode.clean)
        #expect(explain.standardOutput.contains("Display names must be unique in QuickBooks Online"))
        #expect(explain.standardOutput.contains("(QBO error 6240)"))
    }

    @Test func rejectsUnknownRuleIdsInTheSettings() {
        var files = account
        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "rules": {"closed-perod": "off"}}"#
        files["invoice.json"] = Self.taxedHubSpotInvoice
        let result = run(["check", "--account", "acct", "invoice.json"], files: files)
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError == "acct/qbcheck.json:1:42: error: unknown rule id 'closed-perod' (did you mean 'closed-period'?); `qbcheck rules` lists them (at /rules/closed-perod)\n")
    }

    @Test func settingsTurnRulesOffAndChangeSeverities() {
        var files = account
        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "rules": {"closed-period": "off", "hubspot-invoice-tax": {"severity": "warning"}}}"#
        files["invoice.json"] = Self.taxedHubSpotInvoice
        let result = run(["check", "--account", "acct", "invoice.json"], files: files)
        #expect(result.exitCode == ExitCode.clean)
        #expect(result.standardOutput.contains("invoice.json:7:22: warning: invoice INV-1050 carries tax 12.50"))
        #expect(result.standardOutput.contains("skipped closed-period: turned off in qbcheck.json"))
    }

    @Test func findsTheSettingsInTheWorkingFolderOrItsParents() {
        let files = ["/project/qbcheck.json": #"{"qbcheck": 1, "rules": {"hubspot-invoice-tax": "off"}}"#,
                     "/project/sub/invoice.json": Self.taxedHubSpotInvoice]
        let result = run(["check", "/project/sub/invoice.json"], files: files, cwd: "/project/sub")
        #expect(result.exitCode == ExitCode.clean)
        #expect(result.standardOutput.contains("skipped hubspot-invoice-tax: turned off in qbcheck.json"))
    }

    @Test func reportsSettingsErrorsWithTheKeyPath() {
        var files = account
        files["acct/qbcheck.json"] = "{\"qbcheck\": 1, \"sync\": {\"invoices\": {\"direction\": \"two-ways\"}}}"
        files["a.json"] = Self.taxedHubSpotInvoice
        let result = run(["check", "--account", "acct", "a.json"], files: files)
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.hasPrefix("acct/qbcheck.json:1:51: error: unknown direction \"two-ways\""))
        #expect(result.standardError.contains("(did you mean 'two-way'?) (at /sync/invoices/direction)"))
    }

    @Test func refusesAFolderThatIsNotASnapshot() {
        let result = run(["check", "--account", "nowhere", "a.json"], files: ["a.json": Self.taxedHubSpotInvoice])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.hasPrefix("nowhere: error: the account snapshot folder does not exist"))
    }

    @Test func walksFoldersInSortedOrder() {
        let files = ["in/b.json": Self.taxedHubSpotInvoice, "in/a/c.ndjson": Self.taxedHubSpotInvoice.split(separator: "\n").joined() + "\n",
                     "in/notes.txt": "not json"]
        let result = run(["check", "in"], files: files)
        let lines = result.standardOutput.split(separator: "\n").filter { $0.contains(": error:") }
        #expect(lines.map { $0.prefix(while: { $0 != ":" }) } == ["in/a/c.ndjson", "in/b.json"])
    }
}
