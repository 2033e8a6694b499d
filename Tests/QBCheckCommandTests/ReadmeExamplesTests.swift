import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// The README's commands and examples run as written, against the corpus, so they stay true.
@Suite struct ReadmeExamplesTests {
    static let readme = (try? String(contentsOf: Golden.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The fenced blocks of one README section, with their language.
    static func blocks(in section: String) -> [(language: String, lines: [String])] {
        guard let start = readme.range(of: "\n## \(section)") else { return [] }
        let rest = readme[start.upperBound...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [(String, [String])] = []
        var current: (String, [String])?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append(open)
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else if current != nil {
                current?.1.append(String(line))
            }
        }
        return blocks
    }

    /// Reads the repository and keeps what commands write in memory.
    func environment(_ writes: InMemoryFiles) -> CommandEnvironment {
        let root = Golden.repository.path
        let disk = FileSystem.live.rooted(at: root)
        let memory = FileSystem.inMemory(writes)
        let files = FileSystem(
            listFolder: { disk.listFolder($0) },
            isFolder: { disk.isFolder($0) },
            read: { path in try (try? memory.read(path)) ?? disk.read(path) },
            write: { path, bytes in writes.write(path, bytes) })
        return CommandEnvironment(fileSystem: files, readStandardInput: { [] }, currentDirectory: root)
    }

    /// `qbcheck check …` as the README writes it, split into arguments (the examples use no quotes).
    static func arguments(_ line: String) -> [String] {
        guard let start = line.range(of: "qbcheck ") else { return [] }
        return line[start.upperBound...].split(separator: " ").map(String.init)
    }

    @Test func theOpeningRunIsReal() throws {
        let opening = try #require(Self.readme.range(of: "```console\n")).upperBound
        let console = Self.readme[opening...]
        let text = String(console[..<(console.range(of: "```")?.lowerBound ?? console.endIndex)])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = lines.prefix { !$0.hasPrefix("corpus/") || $0.hasPrefix("    ") }.joined(separator: " ").replacingOccurrences(of: "\\ ", with: " ")
        let output = lines.drop { !$0.hasPrefix("corpus/") || $0.hasPrefix("    ") }.prefix { !$0.hasPrefix("$ ") }.joined(separator: "\n")
        let result = QBCheckTool.run(Self.arguments(command.replacingOccurrences(of: "$ ", with: "")), environment: environment(InMemoryFiles()))
        #expect(result.standardOutput == output + "\n")
        #expect(text.contains("$ echo $?\n\(result.exitCode)\n"))
    }

    @Test func thePreflightExampleIsReal() throws {
        let start = try #require(Self.readme.range(of: "$ qbcheck preflight corpus/accounts/failing\n")).upperBound
        let shown = Self.readme[start...].prefix { _ in true }
        let text = String(shown[..<(shown.range(of: "…\n```")?.lowerBound ?? shown.endIndex)])
        let result = QBCheckTool.run(["preflight", "corpus/accounts/failing"], environment: environment(InMemoryFiles()))
        #expect(result.standardOutput.hasPrefix(text), "the README's preflight output is not what preflight prints")
        #expect(text.split(separator: "\n").count >= 20)
    }

    @Test func theSyncPlanExampleIsReal() throws {
        let start = try #require(Self.readme.range(of: "$ qbcheck sync plan corpus/accounts/ready\n")).upperBound
        let text = String(Self.readme[start...].prefix { _ in true })
        let shown = String(text[..<(text.range(of: "```")?.lowerBound ?? text.endIndex)])
        let result = QBCheckTool.run(["sync", "plan", "corpus/accounts/ready"], environment: environment(InMemoryFiles()))
        #expect(result.standardOutput == shown, "the README's sync plan is not what sync plan prints")
        #expect(result.exitCode == ExitCode.clean)
    }

    @Test func theSetUpCommandChecksACorpusExample() throws {
        let setUp = try #require(Self.blocks(in: "Set up").first)
        let run = try #require(setUp.lines.first { $0.hasPrefix("swift run qbcheck ") })
        let result = QBCheckTool.run(Self.arguments(run.replacingOccurrences(of: "swift run qbcheck", with: "qbcheck")), environment: environment(InMemoryFiles()))
        #expect(result.exitCode == ExitCode.findings, "the example is meant to show findings: \(result.standardOutput)")
        #expect(setUp.lines.contains("swift test"))
    }

    @Test func theCIExamplesRunAgainstTheCorpus() throws {
        let blocks = Self.blocks(in: "In CI")
        let commands = blocks.filter { $0.language == "yaml" }.flatMap(\.lines).filter { $0.contains("qbcheck check") }
        #expect(commands.count == 3, "GitHub Actions, GitLab CI and pre-commit: \(commands)")
        for command in commands {
            let writes = InMemoryFiles()
            var arguments = Self.arguments(command)
            // pre-commit appends the changed files to the hook's entry.
            if command.contains("entry:") { arguments.append("corpus/closed-period/hubspot-invoice-in-closed-period/invoice.json") }
            let result = QBCheckTool.run(arguments, environment: environment(writes))
            #expect(result.exitCode == ExitCode.findings, "\(command)\n\(result.standardError)\(result.standardOutput)")
            if command.contains("--output qbcheck.sarif") {
                let sarif = try #require(writes.text("qbcheck.sarif"))
                #expect(sarif.contains("\"version\": \"2.1.0\"") && sarif.contains("\"ruleId\": \"closed-period\""))
                #expect(result.standardOutput.contains("::error file=corpus/closed-period/hubspot-invoice-in-closed-period/invoice.json,line=10,col=24,title=closed-period::"))
            }
            if command.contains("--output qbcheck-junit.xml") {
                #expect(writes.text("qbcheck-junit.xml")?.contains("<failure type=\"closed-period\"") == true)
            }
        }
        #expect(blocks.contains { $0.lines.contains { $0.contains("sarif_file: qbcheck.sarif") } })
        #expect(blocks.contains { $0.lines.contains { $0.contains("junit: qbcheck-junit.xml") } })
    }

    @Test func theBaselineExampleWorks() throws {
        let lines = Self.blocks(in: "In CI").filter { $0.language == "sh" }.flatMap(\.lines)
        let take = try #require(lines.first { $0.hasPrefix("qbcheck baseline") })
        let check = try #require(lines.first { $0.hasPrefix("qbcheck check") && $0.contains("--baseline") })
        let writes = InMemoryFiles()
        let parts = take.components(separatedBy: " > ")
        let taken = QBCheckTool.run(Self.arguments(parts[0]), environment: environment(writes))
        #expect(taken.exitCode == ExitCode.clean)
        writes.write(parts[1], Array(taken.standardOutput.utf8))
        let result = QBCheckTool.run(Self.arguments(check), environment: environment(writes))
        #expect(result.exitCode == ExitCode.clean, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("in the baseline"))
    }

    @Test func theSettingsExampleIsValid() throws {
        let block = try #require(Self.blocks(in: "Account snapshots (`--account DIR`)").first { $0.lines.first == "{" && $0.lines.contains { $0.contains("\"qbcheck\": 1") } })
        let file = SourceFile(name: "qbcheck.json", text: block.lines.joined(separator: "\n"))
        let document = try SettingsLoader.read(file).get()
        #expect(document.settings?.rules.suppressions.count == 2)
        let definitions = try #require(Self.blocks(in: "Account snapshots (`--account DIR`)").first { $0.lines.contains { $0.contains("qbcheckCustomFields") } })
        let node = try JSONReader.readSingleNode(SourceFile(name: "custom-fields.json", text: definitions.lines.joined(separator: "\n"))).get()
        #expect(try CustomFieldDefinitions(node, file: SourceFile(name: "x", text: "")).definitions.count == 1)
        let account = try #require(Self.blocks(in: "Account snapshots (`--account DIR`)").first { $0.lines.contains { $0.contains("qbcheckHubSpotAccount") } })
        let accountNode = try JSONReader.readSingleNode(SourceFile(name: "account.json", text: account.lines.joined(separator: "\n"))).get()
        #expect(try HubSpotAccount(accountNode).workflows.count == 1)
    }
}
