import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// A verdict must not depend on formatting: the same corpus documents, compacted, with their
/// keys in reverse order, or with whole numbers written `100.00`, give the same findings.
@Suite struct MetamorphicTests {
    enum Transform: String, CaseIterable, Sendable {
        case compact, reversedKeys, decimalPoints

        func apply(_ value: JSONWriter.Value) -> JSONWriter.Value {
            switch (self, value) {
            case (.reversedKeys, .object(let members)): .object(members.reversed().map { ($0.0, apply($0.1)) })
            case (_, .object(let members)): .object(members.map { ($0.0, apply($0.1)) })
            case (_, .array(let elements)): .array(elements.map(apply))
            case (.decimalPoints, .number(let text)) where !text.contains(".") && !text.contains("e") && !text.contains("E"): .number(text + ".00")
            default: value
            }
        }
    }

    static let cases = ((try? CorpusCase.all()) ?? []).filter { corpusCase in
        corpusCase.expect.errors == nil && corpusCase.inputs.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix("account/") }
    }

    private func verdict(_ arguments: [String], directory: String) throws -> Set<String> {
        let result = QBCheckTool.run(arguments, environment: .live(currentDirectory: directory) { [] })
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        return Set(findings.map { finding in
            let file = URL(fileURLWithPath: finding["file"] as? String ?? "").lastPathComponent
            return "\(finding["rule"] ?? "") \(finding["severity"] ?? "") \(file) \(finding["pointer"] ?? "")"
        } + ["exit \(result.exitCode)"])
    }

    @Test(arguments: cases)
    func verdictIgnoresFormatting(_ corpusCase: CorpusCase) throws {
        let original = try verdict(corpusCase.arguments, directory: corpusCase.directory.path)
        for transform in Transform.allCases {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-metamorphic-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var arguments = [corpusCase.command]
            if let account = corpusCase.account { arguments += ["--account", corpusCase.directory.appendingPathComponent(account).path] }
            if let origin = corpusCase.origin { arguments += ["--origin", origin] }
            arguments += ["--format", "json"]
            for input in corpusCase.inputs {
                let source = SourceFile(name: input, bytes: Array(try Data(contentsOf: corpusCase.directory.appendingPathComponent(input))))
                let value = try JSONReader.readSingle(source).get()
                let text = JSONWriter(indent: transform == .compact ? 0 : 2).write(transform.apply(value.writerValue))
                let target = folder.appendingPathComponent(input)
                try text.write(to: target, atomically: true, encoding: .utf8)
                arguments.append(target.path)
            }
            let transformed = try verdict(arguments, directory: folder.path)
            #expect(transformed == original, "\(corpusCase.id) changed its verdict when \(transform.rawValue)")
        }
    }
}
