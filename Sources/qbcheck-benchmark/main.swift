import Foundation
import QBCheckCore
import QBCheckRules

// Measurements for Scripts/benchmark.sh, on one file:
//   qbcheck-benchmark phases FILE       read, parse, recognize and rule times of a check
//   qbcheck-benchmark foundation FILE   Foundation's JSONSerialization over each line (the reference reader)
// Each prints one line of figures; run it in release mode.

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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
    var values = 0
    // The reader as `check` uses it: each record laid out on a tape, no tree built.
    let parse = seconds { JSONReader.forEachPiece(in: file, streams: { _ in false }) { _ in values += 1 } }
    var subjects: [Subject] = []
    let recognize = seconds { DocumentReader.forEach(in: file) { entry, _ in if case .success(let subject) = entry { subjects.append(subject) } } }
    var findings = 0
    let rules = seconds { findings = RuleRegistry.engine.run(subjects, in: RuleContext(batch: subjects)).findings.count }
    print(String(format: "phases %.1f MB %d documents %d findings parse %.3f s (%.1f MB/s) parse+recognize %.3f s (%.1f MB/s) rules %.3f s",
                 megabytes, values, findings, parse, megabytes / parse, recognize, megabytes / recognize, rules))
default:
    FileHandle.standardError.write(Data("usage: qbcheck-benchmark phases|foundation FILE\n".utf8))
    exit(2)
}
