import Foundation
import QBCheckCore
import QBCheckRules
import Testing

/// A rule that names the kinds of document it judges (`Rule.records`) is handed no other: the
/// names must not hide a finding. Every document of the corpus is judged by each such rule as
/// the engine hands it out and again by the same rule handed everything, with no account and
/// with each example account: the findings and skips must be the same.
struct RecordKindsTests {
    /// The rule, handed every record.
    private struct EveryRecord: Rule {
        let rule: any Rule
        var id: String { rule.id }
        var requirements: [Requirement] { rule.requirements }

        func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
            rule.check(document, in: context, into: &output)
        }

        func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput) {
            rule.check(edit, in: context, into: &output)
        }

        func makeChecker(in context: RuleContext) -> any RecordChecker {
            rule.makeChecker(in: context)
        }
    }

    private static func corpusSubjects() throws -> [Subject] {
        var subjects: [Subject] = []
        let files = FileManager.default.enumerator(atPath: Repository.corpus.path)?.compactMap { $0 as? String } ?? []
        for path in files.sorted() where path.hasSuffix(".json") || path.hasSuffix(".ndjson") {
            guard !path.hasSuffix("case.json"), let data = FileManager.default.contents(atPath: Repository.corpus.appendingPathComponent(path).path) else { continue }
            for entry in DocumentReader.read(SourceFile(name: path, bytes: Array(data))) {
                if case .success(let subject) = entry { subjects.append(subject) }
            }
        }
        return subjects
    }

    private static func describe(_ report: Report) -> [String] {
        report.findings.map { "\($0.file):\($0.position) \($0.rule) \($0.message)" }
            + report.skipped.map { "skip \($0.rule) \($0.reason) \($0.records)" }
    }

    @Test func namingTheKindsAJudgeReadsHidesNoFinding() throws {
        let subjects = try Self.corpusSubjects()
        #expect(subjects.count > 300, "the corpus is read")
        let narrowed = RuleRegistry.all.filter { $0.records != .all }
        #expect(narrowed.count >= 15)
        let accounts = try FileManager.default.contentsOfDirectory(atPath: Repository.corpus.appendingPathComponent("accounts").path).sorted()
        let snapshots: [AccountSnapshot?] = [nil] + accounts.map {
            AccountLoader().load(Repository.corpus.appendingPathComponent("accounts/\($0)").path).snapshot
        }
        var findings = 0
        for snapshot in snapshots {
            let context = RuleContext(account: snapshot, declaredOrigin: .hubspot, batch: subjects)
            for rule in narrowed {
                let handedOut = RuleEngine(rules: [rule], catalog: RuleRegistry.engine.catalog).run(subjects, in: context)
                let handedAll = RuleEngine(rules: [EveryRecord(rule: rule)], catalog: RuleRegistry.engine.catalog).run(subjects, in: context)
                #expect(Self.describe(handedOut) == Self.describe(handedAll), "\(rule.id)")
                findings += handedOut.findings.count
            }
        }
        #expect(findings > 0, "the narrowed rules find something in the corpus")
    }
}
