import QBCheckCommand
import QBCheckCore
import Synchronization
import Testing

/// What a CI job relies on: several reports in one pass, the failure threshold, rule paths,
/// narrow suppressions, baselines, globs and progress.
@Suite struct CIWorkflowTests {
    static let account = [
        "acct/quickbooks/preferences.json": #"{"Preferences": {"AccountingInfoPrefs": {"BookCloseDate": "2024-12-31"}}}"#,
        "acct/quickbooks/companyinfo.json": #"{"CompanyInfo": {"CompanyName": "Larry's Bakery", "Country": "US"}}"#,
        "acct/quickbooks/vendors.json": #"{"QueryResponse": {"Vendor": [{"Id": "56", "DisplayName": "Northwind Traders", "Vendor1099": false}]}}"#,
    ]

    static func invoice(_ id: String, date: String) -> String {
        #"{"id": "\#(id)", "properties": {"hs_invoice_status": "open", "hs_number": "INV-\#(id)", "hs_invoice_date": "\#(date)T00:00:00Z"}, "associations": {"contacts": {"results": [{"id": "512"}]}}}"#
    }

    static let closedInvoice = invoice("1", date: "2024-12-15")
    static let openInvoice = invoice("2", date: "2025-01-15")
    static let warningContact = #"{"id": "515", "properties": {"email": "nw@example.com", "firstname": "northwind", "lastname": "traders"}}"#

    func run(_ arguments: [String], _ files: [String: String], store: InMemoryFiles? = nil) -> CommandResult {
        let store = store ?? InMemoryFiles(files)
        let environment = CommandEnvironment(fileSystem: .inMemory(store), readStandardInput: { [] }, currentDirectory: "/project")
        return QBCheckTool.run(arguments, environment: environment)
    }

    @Test func writesSeveralReportsInOnePass() throws {
        let store = InMemoryFiles(Self.account.merging(["in/a.json": Self.closedInvoice]) { $1 })
        let result = run(["check", "--account", "acct", "--format", "sarif", "--output", "out/qbcheck.sarif", "--format", "junit",
                          "--output", "out/junit.xml", "--format", "github", "in/a.json"], [:], store: store)
        #expect(result.exitCode == ExitCode.findings)
        #expect(result.standardOutput.hasPrefix("::error file=in/a.json,line=1,col=98,title=closed-period::"))
        #expect(store.text("out/qbcheck.sarif")?.contains("\"ruleId\": \"closed-period\"") == true)
        #expect(store.text("out/junit.xml")?.contains("<failure type=\"closed-period\"") == true)
    }

    @Test func saysHowTheRunEndedWhenEveryReportGoesToAFile() {
        let store = InMemoryFiles(Self.account.merging(["in/a.json": Self.closedInvoice]) { $1 })
        let result = run(["check", "--account", "acct", "--output", "report.json", "in/a.json"], [:], store: store)
        #expect(result.standardOutput == "checked 1 document: 1 error, 0 warnings, 0 infos\n")
        #expect(store.text("report.json")?.hasPrefix("{\n  \"version\": 1,") == true, "the format follows the file's extension")
    }

    @Test func refusesTwoReportsOnStandardOutput() {
        let result = run(["check", "--format", "json", "--format", "sarif", "a.json"], [:])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.hasPrefix("error: only one report can go to standard output"))
    }

    @Test(arguments: [("error", ExitCode.clean), ("warning", ExitCode.findings), ("info", ExitCode.findings), ("never", ExitCode.clean)])
    func failOnChoosesWhatFailsTheBuild(threshold: String, exitCode: Int32) {
        let files = Self.account.merging(["in/c.json": Self.warningContact]) { $1 }
        let result = run(["check", "--account", "acct", "--fail-on", threshold, "in/c.json"], files)
        #expect(result.standardOutput.contains("warning: contact 515 would be created in QuickBooks as customer \"northwind traders\""))
        #expect(result.exitCode == exitCode)
    }

    @Test func neverStillFailsOnUnreadableInput() {
        let result = run(["check", "--fail-on", "never", "in/missing.json"], [:])
        #expect(result.exitCode == ExitCode.failure)
    }

    @Test func rulesCanBeLimitedToOrExcludedFromPaths() {
        var files = Self.account.merging(["in/new/a.json": Self.closedInvoice, "in/legacy/b.json": Self.invoice("3", date: "2024-11-01")]) { $1 }
        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "rules": {"closed-period": {"excludePaths": ["in/legacy/**"]}}}"#
        let excluded = run(["check", "--account", "acct", "in"], files)
        #expect(excluded.standardOutput.contains("in/new/a.json:1:98: error"))
        #expect(!excluded.standardOutput.contains("in/legacy/b.json"))

        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "rules": {"closed-period": {"paths": ["in/legacy"], "severity": "warning"}}}"#
        let limited = run(["check", "--account", "acct", "in"], files)
        #expect(!limited.standardOutput.contains("in/new/a.json"))
        #expect(limited.standardOutput.contains("in/legacy/b.json:1:98: warning"))
        #expect(limited.exitCode == ExitCode.clean)
    }

    @Test func suppressesOneFindingNarrowlyWithItsReason() {
        var files = Self.account.merging(["in/a.json": Self.closedInvoice, "in/b.json": Self.invoice("3", date: "2024-11-01")]) { $1 }
        files["acct/qbcheck.json"] = #"""
            {"qbcheck": 1, "suppressions": [
              {"rule": "closed-period", "record": "1", "reason": "INV-1 was re-dated by the accountant (ticket FIN-210)"},
              {"rule": "closed-period", "file": "in/b.json", "pointer": "/properties/hs_number", "reason": "a pointer that matches nothing"}
            ]}
            """#
        let result = run(["check", "--account", "acct", "in"], files)
        #expect(!result.standardOutput.contains("in/a.json:1:98: error"))
        #expect(result.standardOutput.contains("in/b.json:1:98: error"), "the second suppression names another value, so it silences nothing")
        #expect(result.standardOutput.contains("suppressed closed-period on invoice INV-1 (in/a.json:1): INV-1 was re-dated by the accountant (ticket FIN-210)"))
        #expect(result.standardOutput.hasSuffix("checked 2 documents: 1 error, 0 warnings, 0 infos; 1 suppressed\n"))
    }

    @Test func aSuppressionNeedsAReasonAndAKnownRule() {
        var files = Self.account.merging(["in/a.json": Self.closedInvoice]) { $1 }
        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "suppressions": [{"rule": "closed-period", "record": "1"}]}"#
        let noReason = run(["check", "--account", "acct", "in/a.json"], files)
        #expect(noReason.exitCode == ExitCode.failure)
        #expect(noReason.standardError.contains("a suppression needs \"reason\""))

        files["acct/qbcheck.json"] = #"{"qbcheck": 1, "suppressions": [{"rule": "closed-periods", "record": "1", "reason": "x"}]}"#
        let unknown = run(["check", "--account", "acct", "in/a.json"], files)
        #expect(unknown.exitCode == ExitCode.failure)
        #expect(unknown.standardError.contains("unknown rule id 'closed-periods' (did you mean 'closed-period'?)"))
    }

    /// A baseline makes the next run pass; a new bad invoice fails with only its own finding;
    /// reformatting the file does not break the baseline.
    @Test func baselinesLetATeamAdoptQbcheckOnAnAccountWithProblems() throws {
        let store = InMemoryFiles(Self.account.merging(["in/a.json": Self.closedInvoice, "in/c.json": Self.warningContact]) { $1 })
        let taken = run(["baseline", "--account", "acct", "--output", "qbcheck.baseline.json", "in"], [:], store: store)
        #expect(taken.exitCode == ExitCode.clean)
        let baseline = try #require(store.text("qbcheck.baseline.json"))
        #expect(baseline == """
            {
              "qbcheckBaseline": 1,
              "findings": [
                {
                  "rule": "closed-period",
                  "record": "HubSpot invoice 1",
                  "pointer": "/properties/hs_invoice_date"
                },
                {
                  "rule": "duplicate-display-name",
                  "record": "HubSpot contact 515",
                  "pointer": "/properties/firstname"
                }
              ]
            }

            """)
        let clean = run(["check", "--account", "acct", "--baseline", "qbcheck.baseline.json", "--fail-on", "warning", "in"], [:], store: store)
        #expect(clean.exitCode == ExitCode.clean)
        #expect(clean.standardOutput.hasSuffix("\nchecked 2 documents: 0 errors, 0 warnings, 0 infos; 2 in the baseline\n"))

        // Reformatted, and one new invoice dated in the closed period.
        let reformatted = Self.closedInvoice.replacingAll(",", ",\n   ")
        let next = InMemoryFiles(Self.account.merging([
            "in/a.json": reformatted, "in/c.json": Self.warningContact, "in/d.json": Self.invoice("4", date: "2024-10-01"),
            "qbcheck.baseline.json": baseline,
        ]) { $1 })
        let failing = run(["check", "--account", "acct", "--baseline", "qbcheck.baseline.json", "in"], [:], store: next)
        #expect(failing.exitCode == ExitCode.findings)
        let errors = failing.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("in/d.json:1:98: error: invoice INV-4") == true)

        // Fixing a baselined problem says the entry can go.
        let fixed = InMemoryFiles(Self.account.merging(["in/a.json": Self.openInvoice, "in/c.json": Self.warningContact, "qbcheck.baseline.json": baseline]) { $1 })
        let afterFix = run(["check", "--account", "acct", "--baseline", "qbcheck.baseline.json", "in"], [:], store: fixed)
        #expect(afterFix.standardOutput.contains("baseline: 1 entry no longer occurs; remove it by taking the baseline again\n"))
    }

    @Test func aBaselineThatIsNotOneIsAnInputError() {
        let result = run(["check", "--baseline", "b.json", "a.json"], ["b.json": #"{"findings": []}"#, "a.json": Self.openInvoice])
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.hasPrefix("b.json:1:1: error: not a qbcheck baseline"))
    }

    @Test func expandsQuotedGlobsAndRefusesOnesThatMatchNothing() {
        let files = ["in/a.json": Self.openInvoice, "in/sub/b.json": Self.openInvoice, "in/c.txt": "x"]
        let matched = run(["check", "--origin", "quickbooks", "in/*.json"], files)
        #expect(matched.standardOutput.hasSuffix("checked 1 document: 0 errors, 0 warnings, 0 infos\n"))
        let deep = run(["check", "--origin", "quickbooks", "in/**/*.json"], files)
        #expect(deep.standardOutput.hasSuffix("checked 2 documents: 0 errors, 0 warnings, 0 infos\n"))
        let none = run(["check", "in/*.ndjson"], files)
        #expect(none.exitCode == ExitCode.failure)
        #expect(none.standardError == "in/*.ndjson: error: no file matches the pattern\n")
    }

    @Test func reportsProgressOnlyWhenAskedTo() {
        let seen = Mutex<[RunProgress]>([])
        let lines = (0..<2000).map { Self.invoice(String($0), date: "2025-01-15") }.joined(separator: "\n")
        let environment = CommandEnvironment(fileSystem: .inMemory(["big.ndjson": lines]), readStandardInput: { [] }, currentDirectory: "/",
                                             progress: { progress in seen.withLock { $0.append(progress) } })
        _ = QBCheckTool.run(["check", "big.ndjson"], environment: environment)
        // However short the run, the last report is the complete one.
        let last = seen.withLock { $0.last }
        #expect(last?.documents == 2000)
        #expect(last?.bytes == lines.utf8.count)
        let quiet = QBCheckTool.run(["check", "big.ndjson"], environment: CommandEnvironment(
            fileSystem: .inMemory(["big.ndjson": lines]), readStandardInput: { [] }, currentDirectory: "/"))
        #expect(quiet.standardError.isEmpty, "no progress without a reporter (standard error not a terminal)")
        #expect(RunProgress(documents: 12345, bytes: 48_200_000, seconds: 2).line == "12345 documents, 48.2 MB, 24.1 MB/s")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
