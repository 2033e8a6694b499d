import Foundation
import QBCheckCommand
import QBCheckCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Each output format on its exact output, and as the tools that read it read it.
@Suite struct FormatTests {
    /// A small run with an error, a warning, an unreadable file and a clean record.
    static let files: [String: String] = [
        "/repo/acct/quickbooks/preferences.json": #"{"Preferences": {"AccountingInfoPrefs": {"BookCloseDate": "2024-12-31"}}}"#,
        "/repo/acct/quickbooks/companyinfo.json": #"{"CompanyInfo": {"CompanyName": "Larry's Bakery", "Country": "US"}}"#,
        "/repo/acct/quickbooks/employees.json": #"{"QueryResponse": {"Employee": [{"Id": "55", "DisplayName": "Emily Platt", "BillableTime": false}]}}"#,
        "/repo/in/invoices.ndjson": """
            {"id": "1", "properties": {"hs_invoice_status": "open", "hs_number": "INV-1", "hs_invoice_date": "2024-12-15T00:00:00Z"}, "associations": {"contacts": {"results": [{"id": "515"}]}}}
            {"id": "2", "properties": {"hs_invoice_status": "open", "hs_number": "INV-2", "hs_invoice_date": "2025-01-15T00:00:00Z"}, "associations": {"contacts": {"results": [{"id": "515"}]}}}

            """,
        "/repo/in/contact.json": #"{"id": "515", "properties": {"email": "e@example.com", "firstname": "emily", "lastname": "platt"}}"#,
        "/repo/in/broken.json": #"{"id": "9", "properties": {"email": }"#,
    ]

    func run(_ format: String) -> CommandResult {
        let environment = CommandEnvironment(fileSystem: .inMemory(Self.files), readStandardInput: { [] }, currentDirectory: "/repo")
        return QBCheckTool.run(["check", "--account", "/repo/acct", "--format", format, "/repo/in"], environment: environment)
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github"])
    func matchesTheGoldenFile(_ format: String) throws {
        let result = run(format)
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError == "/repo/in/broken.json:1:37: error: unexpected '}': expected a value\n")
        try Golden.check(result.standardOutput, named: "report.\(format)")
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let output = run("github").standardOutput
        #expect(output.contains("::error file=in/invoices.ndjson,line=1,col=98,title=closed-period::invoice INV-1 is dated 2024-12-15"))
        #expect(output.contains("%0AWhat to do: "))
        #expect(output.contains("::error file=in/broken.json,line=1,col=37,title=unreadable input::unexpected '}'"))
    }

    /// The SARIF of a run over the failing corpus validates against the SARIF 2.1.0 schema.
    @Test func sarifOfTheFailingCorpusValidatesAgainstTheSchema() throws {
        let corpus = Golden.repository.appendingPathComponent("corpus")
        let environment = CommandEnvironment.live(currentDirectory: Golden.repository.path) { [] }
        let inputs = ["closed-period/hubspot-invoice-in-closed-period/invoice.json", "duplicate-display-name/second-contact-of-company/contacts.json",
                      "hubspot-invoice-tax/qbo-invoice-with-tax/invoice.json", "duplicate-display-name/name-differs-only-in-case/contact.json",
                      "bad-input/malformed-json/invoice.json"].map { corpus.appendingPathComponent($0).path }
        let result = QBCheckTool.run(["check", "--account", corpus.appendingPathComponent("accounts/us-company").path, "--origin", "hubspot", "--format", "sarif"] + inputs, environment: environment)
        let sarif = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-\(UUID().uuidString).sarif")
        try result.standardOutput.write(to: sarif, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: sarif) }
        let schema = Golden.fixtures.appendingPathComponent("sarif-schema-2.1.0.json").path
        let validation = try Self.python("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            jsonschema.validate(log, schema)
            print(len(log["runs"][0]["results"]))
            """, arguments: [schema, sarif.path])
        #expect(validation.status == 0, "SARIF does not validate: \(validation.output)")
        #expect(validation.output.trimmingCharacters(in: .whitespacesAndNewlines) == "8", "expected 8 results: \(validation.output)")

        // Every result points at the line and column where its pointer's value starts.
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        for result in results {
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let region = try #require(physical["region"] as? [String: Int])
            let pointer = try #require(((location["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"]) as? String)
            #expect(!uri.hasPrefix("/"), "URIs are relative to the working folder: \(uri)")
            let file = SourceFile(name: uri, bytes: Array(try Data(contentsOf: Golden.repository.appendingPathComponent(uri))))
            let value = try #require(try JSONReader.readSingle(file).get().value(at: JSONPointer(text: pointer)), "\(uri)#\(pointer)")
            #expect(file.position(of: value.offset) == SourcePosition(line: region["startLine"] ?? 0, column: region["startColumn"] ?? 0), "\(uri)#\(pointer)")
        }
    }

    @Test func junitParsesAndNamesEachDocument() throws {
        let xml = run("junit").standardOutput
        let collector = TestCaseCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "JUnit XML does not parse: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.suites == ["in/broken.json", "in/contact.json", "in/invoices.ndjson"])
        #expect(collector.cases == ["read in/broken.json line 1", "contact 515 (line 1)", "invoice INV-1 (line 1)", "invoice INV-2 (line 2)"])
        #expect(collector.failures == ["closed-period"])
        #expect(collector.errors == 1)
    }

    static func python(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

private final class TestCaseCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var cases: [String] = []
    var failures: [String] = []
    var errors = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testsuite": suites.append(attributes["name"] ?? "")
        case "testcase": cases.append(attributes["name"] ?? "")
        case "failure": failures.append(attributes["type"] ?? "")
        case "error": errors += 1
        default: break
        }
    }
}
