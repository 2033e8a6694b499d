import Foundation
import QBCheckCommand
import QBCheckCore
import QBCheckRules
import Testing

/// Runs every corpus case as a user would, through the whole command, and compares the exact
/// findings (rule, severity, file, pointer, line, column), errors and exit status.
@Suite struct CorpusTests {
    static let cases = (try? CorpusCase.all()) ?? []

    @Test func corpusIsReadable() throws {
        let cases = try CorpusCase.all()
        #expect(cases.count >= 40, "the corpus holds \(cases.count) cases; expected every rule's cases under corpus/")
        for corpusCase in cases {
            #expect(corpusCase.qbcheckCase == 1, "\(corpusCase.id): unknown case format version \(corpusCase.qbcheckCase)")
            #expect(["check", "diff"].contains(corpusCase.command), "\(corpusCase.id): unknown command \(corpusCase.command)")
        }
    }

    @Test(arguments: cases)
    func corpusCase(_ corpusCase: CorpusCase) throws {
        let environment = CommandEnvironment.live(currentDirectory: corpusCase.directory.path) { [] }
        let result = QBCheckTool.run(corpusCase.arguments, environment: environment)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any],
            "\(corpusCase.id): output is not a JSON report:\n\(result.standardOutput)\n\(result.standardError)")

        let findings = (report["findings"] as? [[String: Any]] ?? []).map { finding in
            CorpusCase.ExpectedFinding(
                rule: finding["rule"] as? String ?? "", severity: finding["severity"] as? String ?? "",
                file: corpusCase.relative(finding["file"] as? String ?? ""), pointer: finding["pointer"] as? String ?? "",
                line: finding["line"] as? Int ?? 0, column: finding["column"] as? Int ?? 0)
        }
        #expect(findings.count == corpusCase.expect.findings.count && Set(findings) == Set(corpusCase.expect.findings),
                "\(corpusCase.id): \(corpusCase.description)\nexpected: \(corpusCase.expect.findings)\nreported: \(findings)\n\(result.standardError)")

        for finding in report["findings"] as? [[String: Any]] ?? [] {
            let message = finding["message"] as? String ?? ""
            let remedy = finding["remedy"] as? String ?? ""
            #expect(message.count > 40 && remedy.count > 20, "\(corpusCase.id): a finding needs a message that says why and a remedy: \(finding)")
        }

        let errors = report["errors"] as? [[String: Any]] ?? []
        let expectedErrors = corpusCase.expect.errors ?? []
        #expect(errors.count == expectedErrors.count, "\(corpusCase.id): expected \(expectedErrors.count) input errors, got \(errors)")
        for (error, expected) in zip(errors, expectedErrors) {
            #expect(corpusCase.relative(error["file"] as? String ?? "") == expected.file, "\(corpusCase.id): \(error)")
            #expect(error["line"] as? Int == expected.line && error["column"] as? Int == expected.column,
                    "\(corpusCase.id): error at \(error["line"] ?? "-"):\(error["column"] ?? "-"), expected \(expected.line ?? 0):\(expected.column ?? 0): \(error["message"] ?? "")")
            #expect((error["message"] as? String ?? "").contains(expected.messageContains), "\(corpusCase.id): \(error)")
        }
        #expect(result.exitCode == corpusCase.expect.exitCode, "\(corpusCase.id): exit status \(result.exitCode)\n\(result.standardOutput)\n\(result.standardError)")
    }

    /// Every rule has a case that triggers it and a near-miss that must not.
    @Test func everyRuleHasTriggeringAndNearMissCases() throws {
        let cases = try CorpusCase.all()
        for rule in RuleRegistry.all {
            let triggering = cases.filter { $0.expect.findings.contains { $0.rule == rule.id } }
            let nearMisses = cases.filter { $0.rule == rule.id && !$0.expect.findings.contains { $0.rule == rule.id } }
            #expect(!triggering.isEmpty, "rule \(rule.id) has no corpus case that triggers it: add corpus/\(rule.id)/<case>/case.json")
            #expect(!nearMisses.isEmpty, "rule \(rule.id) has no near-miss case: add corpus/\(rule.id)/<case>/case.json expecting no \(rule.id) finding")
        }
        let known = Set(RuleRegistry.all.map(\.id)).union(["bad-input"])
        for corpusCase in cases {
            #expect(known.contains(corpusCase.rule), "\(corpusCase.id) is filed under unknown rule \(corpusCase.rule)")
        }
    }
}
