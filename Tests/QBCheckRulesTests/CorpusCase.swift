import Foundation
import Testing

/// The repository's folders, found from this file's path, so tests run from any working folder.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    static let rules = root.appendingPathComponent("rules")
}

/// One corpus case: `corpus/<rule>/<case>/case.json` (format version 1) and its inputs.
struct CorpusCase: Decodable, CustomTestStringConvertible, Sendable {
    struct ExpectedFinding: Decodable, Hashable, Sendable, CustomStringConvertible {
        var rule: String
        var severity: String
        var file: String
        var pointer: String
        var line: Int
        var column: Int

        var description: String { "\(file):\(line):\(column) \(severity) \(rule) \(pointer)" }
    }

    struct ExpectedError: Decodable, Hashable, Sendable {
        var file: String
        var line: Int?
        var column: Int?
        var messageContains: String
    }

    struct Expectation: Decodable, Sendable {
        var exitCode: Int32
        var findings: [ExpectedFinding]
        var errors: [ExpectedError]?
    }

    var qbcheckCase: Int
    var rule: String
    var description: String
    var command: String
    var account: String?
    var origin: String?
    var inputs: [String]
    var expect: Expectation
    /// `<rule>/<case>`, set after decoding.
    var id = ""
    var directory = URL(fileURLWithPath: "/")

    enum CodingKeys: String, CodingKey {
        case qbcheckCase, rule, description, command, account, origin, inputs, expect
    }

    var testDescription: String { id }

    /// The command line that runs the case, with paths made absolute.
    var arguments: [String] {
        var arguments = [command]
        if let account { arguments += ["--account", directory.appendingPathComponent(account).path] }
        if let origin { arguments += ["--origin", origin] }
        arguments += ["--format", "json"]
        arguments += inputs.map { directory.appendingPathComponent($0).path }
        return arguments
    }

    /// A path as the case writes it: relative to the case's folder.
    func relative(_ path: String) -> String {
        let prefix = directory.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func all() throws -> [CorpusCase] {
        let manager = FileManager.default
        var cases: [CorpusCase] = []
        for group in try manager.contentsOfDirectory(atPath: Repository.corpus.path).sorted() where group != "accounts" {
            let groupURL = Repository.corpus.appendingPathComponent(group)
            guard let names = try? manager.contentsOfDirectory(atPath: groupURL.path) else { continue }
            for name in names.sorted() {
                let directory = groupURL.appendingPathComponent(name)
                let file = directory.appendingPathComponent("case.json")
                guard manager.fileExists(atPath: file.path) else { continue }
                var corpusCase = try JSONDecoder().decode(CorpusCase.self, from: Data(contentsOf: file))
                corpusCase.id = "\(group)/\(name)"
                corpusCase.directory = directory
                cases.append(corpusCase)
            }
        }
        return cases
    }
}
