import Foundation
import QBCheckCore
import QBCheckRules
import Testing

/// The rule list, the `rules/` catalog and the embedded copy must agree.
@Suite struct CatalogTests {
    static func catalogFiles() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.rules.path).filter { $0.hasSuffix(".json") }.sorted().map {
            ($0, try String(contentsOf: Repository.rules.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func registryIsSortedAndMatchesCatalog() throws {
        let ids = RuleRegistry.all.map(\.id)
        #expect(ids == ids.sorted(), "keep RuleRegistry.all sorted by id")
        #expect(Set(ids).count == ids.count, "a rule id is registered twice")
        let files = try Self.catalogFiles()
        let catalogIDs = files.map { String($0.name.dropLast(".json".count)) }
        #expect(Set(ids) == Set(catalogIDs), "rules without a catalog entry: \(Set(ids).subtracting(catalogIDs)); catalog entries without a rule: \(Set(catalogIDs).subtracting(ids))")
        for file in files {
            let entry = try RuleCatalog.entry(from: SourceFile(name: file.name, text: file.text))
            #expect(entry.id + ".json" == file.name, "rules/\(file.name) holds id \(entry.id)")
            #expect(!entry.sources.isEmpty, "\(entry.id) cites no source")
        }
        #expect(RuleRegistry.catalog.ids == ids.sorted(), "the embedded catalog does not decode to every rule")
    }

    /// The embedded catalog is generated from `rules/`; this test regenerates it on request.
    @Test func embeddedCatalogMatchesRulesFolder() throws {
        var lines = [
            "// Generated from rules/*.json: do not edit. Regenerate with",
            "//   QBCHECK_REGENERATE=1 swift test --filter embeddedCatalogMatchesRulesFolder",
            "",
            "extension RuleRegistry {",
            "    static let embeddedCatalogFiles: [(name: String, json: String)] = [",
        ]
        for file in try Self.catalogFiles() {
            lines.append("        (\"\(file.name)\", #\"\"\"")
            lines.append(String(file.text.reversed().drop { $0 == "\n" }.reversed()))
            lines.append("\"\"\"#),")
        }
        lines += ["    ]", "}"]
        let expected = lines.joined(separator: "\n") + "\n"
        let path = Repository.root.appendingPathComponent("Sources/QBCheckRules/EmbeddedCatalog.swift")
        let actual = try String(contentsOf: path, encoding: .utf8)
        if actual != expected, ProcessInfo.processInfo.environment["QBCHECK_REGENERATE"] == "1" {
            try expected.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == expected, "Sources/QBCheckRules/EmbeddedCatalog.swift is out of date with rules/: run `QBCHECK_REGENERATE=1 swift test --filter embeddedCatalogMatchesRulesFolder`, then rebuild")
    }
}
