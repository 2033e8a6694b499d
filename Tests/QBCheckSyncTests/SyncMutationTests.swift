import Foundation
import QBCheckCommand
import QBCheckSync
import QBCheckTestSupport
import Testing

/// The sync on snapshots other systems and people have mangled: values of the wrong type,
/// missing or null members, duplicated and removed records, truncated files. Every run ends
/// with exit status 0, 1 or 2, never a crash; a run that writes leaves every file whole JSON.
@Suite struct SyncMutationTests {
    static func mutate(_ value: Any, _ random: inout SplitMix64, depth: Int = 0) -> Any {
        switch value {
        case var object as [String: Any]:
            guard let key = object.keys.sorted().randomElement(using: &random) else { return object }
            switch Int.random(in: 0..<6, using: &random) {
            case 0: object[key] = nil
            case 1: object[key] = NSNull()
            case 2: object[key] = ["unexpected": [1, 2]]
            case 3: object[key] = 12345.678
            case 4: object[key] = String(repeating: "Ä:", count: Int.random(in: 0..<60, using: &random))
            default: object[key] = mutate(object[key] as Any, &random, depth: depth + 1)
            }
            return object
        case var array as [Any]:
            guard !array.isEmpty else { return array }
            let index = Int.random(in: 0..<array.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: array.remove(at: index)
            case 1: array.append(array[index])
            case 2: array[index] = "not a record"
            default: array[index] = mutate(array[index], &random, depth: depth + 1)
            }
            return array
        default:
            return value
        }
    }

    @Test(arguments: ["ready", "us-complete", "failing"])
    func mangledSnapshotsNeverCrashTheSync(_ example: String) throws {
        var random = SplitMix64(seed: 2026 &+ UInt64(example.utf8.count))
        let names = ["hubspot/contacts.json", "hubspot/invoices.json", "hubspot/line_items.json", "hubspot/products.json",
                     "quickbooks/customers.json", "quickbooks/invoices.json", "quickbooks/items.json", "qbcheck.json"]
            .filter { FileManager.default.fileExists(atPath: SyncFixture.repository.appendingPathComponent("corpus/accounts/\(example)/\($0)").path) }
        var outcomes: [Int32: Int] = [:]
        for round in 0..<30 {
            let account = try SyncFixture.copy(example)
            defer { SyncFixture.remove(account) }
            // A first sync, so that some rounds mangle records the sync has paired.
            if round % 2 == 0 { _ = SyncFixture.run(["sync", "apply", account]) }
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let name = try #require(names.randomElement(using: &random))
                let path = account + "/" + name
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                if Int.random(in: 0..<10, using: &random) == 0 {
                    try data.prefix(Int.random(in: 0..<data.count, using: &random)).write(to: URL(fileURLWithPath: path))
                    continue
                }
                guard var value = try? JSONSerialization.jsonObject(with: data) else { continue }
                for _ in 0..<Int.random(in: 1...6, using: &random) { value = Self.mutate(value, &random) }
                try JSONSerialization.data(withJSONObject: value).write(to: URL(fileURLWithPath: path))
            }
            let whole = Set(try SyncFixture.snapshotFiles(account).filter { (try? JSONSerialization.jsonObject(with: $0.value)) != nil }.keys)
            for command in ["plan", "apply", "status"] {
                let result = SyncFixture.run(["sync", command, account, "--format", "json"])
                #expect([0, 1, 2].contains(result.exitCode), "round \(round) \(command): \(result.standardError)")
                if result.exitCode == 2 {
                    #expect(!result.standardError.isEmpty || result.standardOutput.contains("\"stopped\": \""), "round \(round) \(command): exit 2 says why")
                }
                outcomes[result.exitCode, default: 0] += 1
            }
            // Every file that was whole JSON still is (the sync writes whole files or none).
            for (name, data) in try SyncFixture.snapshotFiles(account) where whole.contains(name) {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "round \(round): \(name)")
            }
        }
        #expect(outcomes.count >= 2, "the rounds reach different outcomes: \(outcomes)")
    }
}
