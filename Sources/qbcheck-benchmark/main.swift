import Foundation
import QBCheckCore
import QBCheckRules

// Measurements for Scripts/benchmark.sh, on one file:
//   qbcheck-benchmark phases FILE       parse, parse+recognize and parse+recognize+rules times of a check
//   qbcheck-benchmark foundation FILE   Foundation's JSONSerialization over each line (the reference reader)
// Each prints one line of figures; run it in release mode.

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The fastest of three runs: the first pays for the pages and caches the others find warm.
func fastest(_ body: () -> Void) -> Double {
    (0..<3).map { _ in seconds(body) }.min()!
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: qbcheck-benchmark phases|foundation FILE\n".utf8))
    exit(2)
}
let megabytes = Double(data.count) / 1_000_000

switch arguments[0] {
case "foundation":
    var documents = 0
    let time = seconds {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var start = 0
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                if index > start, (try? JSONSerialization.jsonObject(with: Data(buffer[start..<index]))) != nil { documents += 1 }
                start = index + 1
            }
        }
    }
    print(String(format: "foundation %.1f MB %d documents %.3f s %.1f MB/s", megabytes, documents, time, megabytes / time))
case "phases":
    let file = SourceFile(name: arguments[1], bytes: Array(data))
    let reading = DocumentReader.Reading(hint: nil, skimsBulkRecords: false)
    // Each phase as `check --jobs 1` runs it, the file already in memory: an NDJSON file line
    // by line (each line its own tape), any other file streamed record by record.
    let lineDelimited = JSONReader.isLineDelimited(name: file.name)
    func eachEntry(_ body: (DocumentReader.Entry) -> Void) {
        if lineDelimited {
            NDJSONLines.forEachDocument(in: file.bytes[...], firstLine: 1, path: file.name, reading: reading) { entry, _ in body(entry) }
        } else {
            DocumentReader.forEach(in: file, reading: reading) { entry, _ in body(entry) }
        }
    }
    let parse = fastest {
        if lineDelimited {
            FileSystem.forEachLine(in: file.bytes[...]) { line in
                _ = JSONReader.readSingleNode(SourceFile(name: file.name, bytes: Array(line)))
            }
        } else {
            JSONReader.forEachPiece(in: file, streams: { _ in false }) { _ in }
        }
    }
    var documents = 0
    let recognize = fastest {
        documents = 0
        eachEntry { if case .success = $0 { documents += 1 } }
    }
    var findings = 0
    let check = fastest {
        // As the benchmark runs `check`: `--origin quickbooks`, no account.
        var run = RuleRegistry.engine.start(in: RuleContext(declaredOrigin: .quickbooks))
        eachEntry { if case .success(let subject) = $0 { run.check(subject) } }
        findings = run.finish().findings.count
    }
    print(String(format: "phases %.1f MB %d documents %d findings parse %.3f s (%.1f MB/s) parse+recognize %.3f s (%.1f MB/s) "
                 + "parse+recognize+rules %.3f s (%.1f MB/s)",
                 megabytes, documents, findings, parse, megabytes / parse, recognize, megabytes / recognize, check, megabytes / check))
default:
    FileHandle.standardError.write(Data("usage: qbcheck-benchmark phases|foundation FILE\n".utf8))
    exit(2)
}
