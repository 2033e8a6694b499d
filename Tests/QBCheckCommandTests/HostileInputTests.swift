import Foundation
import QBCheckCommand
import QBCheckCore
import Testing

/// Files other systems and people produce: each gets a clear error (exit 2, file and
/// line:column) or a correct result, in bounded time and memory, and the rest of the batch is
/// still checked.
@Suite struct HostileInputTests {
    func run(_ arguments: [String], _ files: [String: [UInt8]]) -> CommandResult {
        let store = InMemoryFiles()
        for (path, bytes) in files { store.write(path, bytes) }
        let environment = CommandEnvironment(fileSystem: .inMemory(store), readStandardInput: { [] }, currentDirectory: "/project")
        return QBCheckTool.run(arguments, environment: environment)
    }

    static let good = Array(#"{"id": "1", "properties": {"email": "a@example.com", "firstname": "Ann"}}"#.utf8)

    func expectError(_ bytes: [UInt8], _ message: String, at position: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = run(["check", "bad.json", "good.json"], ["bad.json": bytes, "good.json": Self.good])
        #expect(result.exitCode == ExitCode.failure, sourceLocation: sourceLocation)
        #expect(result.standardError.hasPrefix("bad.json:\(position): error: \(message)"), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.split(separator: "\n").count == 1, "one line: \(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.hasSuffix("checked 1 document: 0 errors, 0 warnings, 0 infos; 1 input error (see above)\n"),
                "the good file is still checked: \(result.standardOutput)", sourceLocation: sourceLocation)
    }

    @Test func nestingAMillionLevelsDeep() {
        expectError(Array(String(repeating: "[", count: 1_000_000).utf8), "values nested more than 512 levels deep", at: "1:513")
        expectError(Array((String(repeating: "{\"a\":", count: 1_000_000) + "1" + String(repeating: "}", count: 1_000_000)).utf8),
                    "values nested more than 512 levels deep", at: "1:2561")
    }

    @Test func numbersAtTheEdges() {
        func invoice(_ amount: String) -> [UInt8] {
            Array(#"{"Invoice": {"Id": "1", "Line": [{"DetailType": "SalesItemLineDetail", "Amount": \#(amount), "SalesItemLineDetail": {}}], "CustomerRef": {"value": "1"}}}"#.utf8)
        }
        expectError(invoice("1e999"), "expected an amount (a number or a numeric string), found 1e999, which is out of the range", at: "1:82")
        expectError(invoice("123456789012345678901234567890.123456789"), "expected an amount (a number or a numeric string), found 123456789012345678901234567890.123456789, which is out of the range", at: "1:82")
        // An exponent beyond ±64 cannot be an amount: refused, not rounded to zero.
        expectError(invoice("1e-400"), "expected an amount (a number or a numeric string), found 1e-400, which is out of the range", at: "1:82")
        // -0 and 0.000 are zero.
        for amount in ["-0", "0.000", "0e-400"] {
            let result = run(["check", "--origin", "quickbooks", "a.json"], ["a.json": invoice(amount)])
            #expect(result.exitCode == ExitCode.clean, "\(amount): \(result.standardError)")
        }
    }

    @Test func controlCharactersAndNULs() {
        expectError(Array(#"{"Customer": {"DisplayName": "A"#.utf8) + [0] + Array(#"B"}}"#.utf8),
                    "control character U+0000 inside a string: JSON requires it to be escaped", at: "1:32")
        expectError(Array("{\"Customer\": {\"DisplayName\": \"A\nB\"}}".utf8), "control character U+000A inside a string", at: "1:32")
        // Escaped, a NUL is a character like any other; a tab in a name is a finding, not a crash.
        let escaped = run(["check", "c.json"], ["c.json": Array(#"{"Customer": {"DisplayName": "A\u0000B\tC"}}"#.utf8)])
        #expect(escaped.standardOutput.contains("contains a tab, which QuickBooks does not accept in names"))
        #expect(escaped.exitCode == ExitCode.findings)
    }

    @Test func lineEndingsAndEncodings() {
        let crlf = Array("{\r\n  \"Customer\": {\r\n    \"DisplayName\": \"Rob:Barnett\"\r\n  }\r\n}\r\n".utf8)
        let result = run(["check", "c.json"], ["c.json": crlf])
        #expect(result.standardOutput.contains("c.json:3:20: error: the customer DisplayName \"Rob:Barnett\" contains a colon"))
        expectError([], "the file is empty: expected a JSON document", at: "1:1")
        expectError(Array(" \n\t\r\n ".utf8), "the file is empty: expected a JSON document", at: "3:2")
        expectError([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], "the file is UTF-16", at: "1:1")
        for blank in ["", "\n\n  \r\n"] {
            let result = run(["check", "blank.ndjson", "good.json"], ["blank.ndjson": Array(blank.utf8), "good.json": Self.good])
            #expect(result.standardError == "blank.ndjson:1:1: error: the file is empty: expected a JSON document\n")
        }
        let lines = run(["check", "--origin", "quickbooks", "export.ndjson"], ["export.ndjson": Array("\(String(decoding: Self.good, as: UTF8.self))\r\n\r\n{\"Customer\": {\"DisplayName\": \"A:B\"}}\r\n".utf8)])
        #expect(lines.standardOutput.contains("export.ndjson:3:30: error: the customer DisplayName \"A:B\" contains a colon"), "NDJSON read line by line keeps line numbers")
        expectError(Array(#"{"Customer": {"DisplayName": "caf"#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8), "invalid UTF-8 (byte 0xC3)", at: "1:34")
        expectError(Array(#"{"Customer": {"DisplayName": "caf"#.utf8) + [0xE0, 0x80, 0xA9] + Array(#""}}"#.utf8), "invalid UTF-8 (byte 0xE0)", at: "1:34")
    }

    @Test func tenMillionEmptyObjectsAreReportedBriefly() {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(30_000_002)
        for index in 0..<10_000_000 {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        }
        bytes.append(UInt8(ascii: "]"))
        let result = run(["check", "--format", "json", "many.json"], ["many.json": bytes])
        #expect(result.exitCode == ExitCode.failure)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.first?.hasPrefix("many.json:1:2: error: unknown document shape") == true)
        #expect(lines.last == "many.json: error: 9999900 more records of this file could not be read (only the first 100 errors are listed)")
    }

    /// Pointers are found after reading, from offsets: a record with thousands of findings
    /// must have each found from one index of the record, not by reading it again per finding.
    @Test func anInvoiceOfTwentyThousandWrongLinesPointsAtEachLine() throws {
        let line = #"{"Id": "%d", "DetailType": "SalesItemLineDetail", "Amount": 11, "SalesItemLineDetail": {"Qty": 1, "UnitPrice": 10}}"#
        let lines = (0..<20_000).map { String(format: line, $0) }.joined(separator: ",")
        let invoice = #"{"Invoice": {"Id": "1", "DocNumber": "1", "CustomerRef": {"value": "1"}, "TotalAmt": 220000, "Line": ["# + lines + "]}}"
        let result = run(["check", "--origin", "quickbooks", "--format", "json", "big.json"], ["big.json": Array(invoice.utf8)])
        #expect(result.exitCode == ExitCode.findings)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let pointers = (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "invoice-arithmetic" }.compactMap { $0["pointer"] as? String }
        #expect(pointers.count == 20_000)
        #expect(pointers.first == "/Invoice/Line/0/Amount")
        #expect(pointers.last == "/Invoice/Line/19999/Amount")
    }

    @Test func aHundredMegabyteStringMakesABoundedMessage() {
        let name = String(repeating: "n", count: 100_000_000) + ":x"
        let result = run(["check", "c.json"], ["c.json": Array("{\"Customer\": {\"DisplayName\": \"\(name)\"}}".utf8)])
        #expect(result.exitCode == ExitCode.findings)
        let longest = result.standardOutput.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest < 2000, "a finding quotes at most a bounded part of the value (longest line \(longest))")
        #expect(result.standardOutput.contains("[name-too-long]") && result.standardOutput.contains("[invalid-name-characters]"))
    }

    @Test func aSymbolicLinkLoopIsWalkedAFiniteWay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.good).write(to: folder.appendingPathComponent("contact.json"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("loop"), withDestinationURL: folder)
        let result = QBCheckTool.run(["check", folder.path], environment: .live(currentDirectory: folder.path) { [] })
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError.contains("folders nested more than 32 deep (a symbolic link loop?); not walked further"))
    }

    @Test func anUnreadableFileIsOneErrorAmongTheRest() {
        let store = InMemoryFiles()
        store.write("good.json", Self.good)
        var fileSystem = FileSystem.inMemory(store)
        let read = fileSystem.read
        fileSystem.read = { path in
            if path == "locked.json" { throw FileSystemError(message: "cannot read the file (permission denied)") }
            return try read(path)
        }
        let environment = CommandEnvironment(fileSystem: fileSystem, readStandardInput: { [] }, currentDirectory: "/project")
        let result = QBCheckTool.run(["check", "locked.json", "good.json"], environment: environment)
        #expect(result.exitCode == ExitCode.failure)
        #expect(result.standardError == "locked.json: error: cannot read the file (permission denied)\n")
        #expect(result.standardOutput.hasSuffix("checked 1 document: 0 errors, 0 warnings, 0 infos; 1 input error (see above)\n"))
    }
}
