import Foundation
import Testing

/// Golden files: expected outputs kept in `Tests/QBCheckCommandTests/Golden/`, rewritten when
/// `QBCHECK_REGENERATE=1`, compared with a line diff otherwise.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["QBCHECK_REGENERATE"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard actual != expected else { return }
        let (old, new) = (expected.split(separator: "\n", omittingEmptySubsequences: false), actual.split(separator: "\n", omittingEmptySubsequences: false))
        var diff: [String] = []
        for index in 0..<max(old.count, new.count) where index >= old.count || index >= new.count || old[index] != new[index] {
            if index < old.count { diff.append("- \(old[index])") }
            if index < new.count { diff.append("+ \(new[index])") }
            if diff.count > 12 { break }
        }
        Issue.record("\(name) differs from the golden file (regenerate with QBCHECK_REGENERATE=1 swift test):\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
