import Foundation
import QBCheckCore
import QBCheckRules

// Times the phases of a check over one file: read, parse, recognize, rules.
// Usage: swift run -c release qbcheck-benchmark FILE
let path = CommandLine.arguments.dropFirst().first ?? "/dev/stdin"
func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
var bytes: [UInt8] = []
let read = seconds { bytes = Array(FileManager.default.contents(atPath: path) ?? Data()) }
let file = SourceFile(name: path, bytes: bytes)
var values: [JSONReader.Entry] = []
let parse = seconds { values = JSONReader.read(file) }
var entries: [DocumentReader.Entry] = []
let recognize = seconds { entries = DocumentReader.read(file) }
let subjects = entries.compactMap { try? $0.get() }
var report = Report()
let rules = seconds { report = RuleRegistry.engine.run(subjects, in: RuleContext(batch: subjects)) }
let megabytes = Double(bytes.count) / 1_000_000
print(String(format: "%.1f MB, %d values, %d documents, %d findings", megabytes, values.count, subjects.count, report.findings.count))
print(String(format: "read %.2fs  parse %.2fs (%.0f MB/s)  parse+recognize %.2fs (%.0f MB/s)  rules %.2fs", read, parse, megabytes / parse, recognize, megabytes / recognize, rules))
