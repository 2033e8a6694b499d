import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// `check --jobs N` over NDJSON: workers read and judge records, the rules that compare records
/// run in input order; the report is byte for byte the one of a single thread.
@Suite struct ParallelReadTests {
    @Test func severalWorkersGiveTheSameReport() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let account = repository.appendingPathComponent("corpus/accounts/failing")
        func records(_ file: String, wrap: String?) throws -> [String] {
            let value = try JSONSerialization.jsonObject(with: Data(contentsOf: account.appendingPathComponent(file))) as? [String: Any]
            let list = (value?["results"] as? [Any]) ?? ((value?["QueryResponse"] as? [String: Any])?.values.first as? [Any]) ?? []
            return try list.map { record in
                let object: Any = wrap.map { [$0: record] } ?? record
                return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
        }
        // Records with findings of every kind, the stateful rules' included (duplicate names,
        // numbers and SKUs across the file), repeated past several chunks of a megabyte.
        let lines = try records("hubspot/contacts.json", wrap: nil) + records("quickbooks/invoices.json", wrap: "Invoice")
            + records("quickbooks/items.json", wrap: "Item") + records("quickbooks/customers.json", wrap: "Customer")
        var text = ""
        while text.utf8.count < 3_000_000 { text += lines.joined(separator: "\n") + "\n" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("records.ndjson").path
        try text.write(toFile: input, atomically: true, encoding: .utf8)

        let environment = CommandEnvironment(fileSystem: .live, readStandardInput: { [] }, currentDirectory: folder.path)
        let one = QBCheckTool.run(["check", "--account", account.path, "--format", "json", "--jobs", "1", input], environment: environment)
        let two = QBCheckTool.run(["check", "--account", account.path, "--format", "json", "--jobs", "2", input], environment: environment)
        let four = QBCheckTool.run(["check", "--account", account.path, "--format", "sarif", "--jobs", "4", input], environment: environment)
        let fourAlone = QBCheckTool.run(["check", "--account", account.path, "--format", "sarif", "--jobs", "1", input], environment: environment)
        #expect(one.exitCode == 1)
        #expect(one.standardOutput.contains("\"rule\": \"duplicate-display-name\"") && one.standardOutput.contains("\"rule\": \"duplicate-sku\""),
                "the rules that compare records still see every record")
        #expect(one.standardOutput.contains("\"rule\": \"name-too-long\""))
        #expect(two == one)
        #expect(four == fourAlone)
        #expect(QBCheckTool.run(["check", "--jobs", "0", input], environment: environment).standardError.contains("--jobs takes a number of threads from 1 to 256"))
    }
}
