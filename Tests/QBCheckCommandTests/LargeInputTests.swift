import Foundation
import Testing

/// The hostile files too large to build in memory: generated at test time into a temporary
/// folder and checked by the `qbcheck` executable in its own process, whose peak memory is
/// measured. The memory of `check` over NDJSON must not grow with the file.
///
/// They run when `QBCHECK_LARGE_INPUTS=1` (as `.ci/run` sets it, with `QBCHECK_BINARY` naming a
/// release build: a debug build reads about 4 MB/s, and 3 GB of input would take a quarter of an hour).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["QBCHECK_LARGE_INPUTS"] == "1"))
struct LargeInputTests {
    static let line = #"{"Invoice": {"Id": "1", "DocNumber": "1037", "TxnDate": "2025-01-10", "CustomerRef": {"value": "1", "name": "Amy"}, "Line": [{"Id": "1", "DetailType": "SalesItemLineDetail", "Amount": 275.0, "Description": "Rock Fountain", "SalesItemLineDetail": {"ItemRef": {"value": "5"}, "Qty": 1, "UnitPrice": 275, "TaxCodeRef": {"value": "NON"}}}, {"DetailType": "SubTotalLineDetail", "Amount": 275.0, "SubTotalLineDetail": {}}], "TotalAmt": 275.0, "CustomField": [{"DefinitionId": "1", "Name": "Crew #", "Type": "StringType", "StringValue": "102"}]}}"# + "\n"

    static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["QBCHECK_BINARY"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qbcheck").path
        return try #require(FileManager.default.isExecutableFile(atPath: beside) ? beside : nil, "set QBCHECK_BINARY to a qbcheck build")
    }

    /// Writes `megabytes` of records: `head`, then `record` repeated (joined by `separator`), then `tail`.
    static func generate(_ path: String, megabytes: Int, head: String = "", record: String, separator: String = "", tail: String = "") throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let perBlock = 1000
        let block = Data(Array(repeating: record, count: perBlock).joined(separator: separator).utf8)
        let blocks = megabytes * 1_000_000 / block.count
        for index in 0..<blocks {
            if index > 0 { try handle.write(contentsOf: Data(separator.utf8)) }
            try handle.write(contentsOf: block)
        }
        try handle.write(contentsOf: Data(tail.utf8))
        return blocks * perBlock
    }

    struct Measured {
        var status: Int32
        var peakKilobytes: Int
        var seconds: Double
        var output: String
    }

    /// Runs qbcheck and measures its peak resident memory. A child's peak counts what it
    /// inherited before `exec` (Linux keeps the high-water mark across it), and this test process
    /// is large; so a small Python process starts qbcheck and reports its children's peak.
    static func measure(_ arguments: [String]) throws -> Measured {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-large-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import resource, subprocess, sys
            status = subprocess.call(sys.argv[1:])
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """, try executable()] + arguments + ["--output", output]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = Date()
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = printed.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count >= 2, "the measuring process printed \(printed)")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return Measured(status: Int32(numbers[numbers.count - 2]), peakKilobytes: numbers[numbers.count - 1],
                        seconds: Date().timeIntervalSince(start), output: text)
    }

    @Test func theMemoryOfCheckOverNDJSONDoesNotGrowWithTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-large-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let small = try Self.generate(folder + "/small.ndjson", megabytes: 100, record: Self.line)
        let smallRun = try Self.measure(["check", "--origin", "quickbooks", "--format", "json", folder + "/small.ndjson"])
        try FileManager.default.removeItem(atPath: folder + "/small.ndjson")
        let large = try Self.generate(folder + "/large.ndjson", megabytes: 1000, record: Self.line)
        let largeRun = try Self.measure(["check", "--origin", "quickbooks", "--format", "json", folder + "/large.ndjson"])
        #expect(smallRun.status == 0 && largeRun.status == 0)
        #expect(smallRun.output.contains("\"documents\": \(small),"))
        #expect(largeRun.output.contains("\"documents\": \(large),"), "every record of the 1 GB file was checked")
        print("NDJSON 100 MB: \(smallRun.seconds) s, peak \(smallRun.peakKilobytes) KB; 1 GB: \(largeRun.seconds) s, peak \(largeRun.peakKilobytes) KB")
        #expect(largeRun.peakKilobytes <= 64 * 1024, "bounded: \(largeRun.peakKilobytes) KB")
        #expect(largeRun.peakKilobytes <= smallRun.peakKilobytes + 16 * 1024,
                "ten times the file, the same memory: \(smallRun.peakKilobytes) KB → \(largeRun.peakKilobytes) KB")
    }

    @Test func aOneGigabyteFileOnOneLineIsCheckedInBoundedMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qbcheck-large-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let record = String(Self.line.dropFirst(#"{"Invoice": "#.count).dropLast(2))
        let count = try Self.generate(folder + "/one-line.json", megabytes: 1000, head: #"{"QueryResponse": {"Invoice": ["#, record: record, separator: ",", tail: "]}}")
        let run = try Self.measure(["check", "--origin", "quickbooks", "--format", "json", folder + "/one-line.json"])
        print("one line of 1 GB: \(run.seconds) s, peak \(run.peakKilobytes) KB")
        #expect(run.status == 0)
        #expect(run.output.contains("\"documents\": \(count),"))
        // A single JSON document is read into memory whole (one array of the file's size), then
        // one record at a time: the file's bytes and little more.
        #expect(run.peakKilobytes <= 1_000_000_000 / 1024 + 128 * 1024, "\(run.peakKilobytes) KB")
    }
}
