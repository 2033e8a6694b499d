import Foundation
import QBCheckCommand
import QBCheckSync
import Testing

/// `sync apply` is crash-safe and idempotent: killed (SIGKILL) at every durable step of a run
/// over an example account, then run again, it ends exactly where an uninterrupted run ends.
/// Two runs on one account never interleave.
@Suite(.serialized) struct CrashAndConcurrencyTests {
    /// The `qbcheck` executable `swift test` built beside the tests.
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qbcheck"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("qbcheck"),
            SyncFixture.repository.appendingPathComponent(".build/debug/qbcheck"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "the qbcheck executable, built by swift test")
    }

    struct Run {
        var status: Int32
        var killed: Bool
        var output: String
    }

    static func apply(_ account: String, killAt: Int? = nil, extra: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["sync", "apply", account] + extra
        var variables = ProcessInfo.processInfo.environment
        variables["QBCHECK_NOW"] = SyncFixture.clock
        variables["QBCHECK_KILL_AT"] = killAt.map(String.init)
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                   output: String(decoding: data, as: UTF8.self))
    }

    @Test func applyKilledAtEveryStepAndRunAgainCommitsEachChangeExactlyOnce() throws {
        let reference = try SyncFixture.copy("us-complete")
        defer { SyncFixture.remove(reference) }
        let clean = try Self.apply(reference)
        #expect(clean.status == 0, "\(clean.output)")
        let expectedFiles = try SyncFixture.snapshotFiles(reference)
        let expectedRecords = try SyncFixture.records(reference)

        var step = 1
        var killedRuns = 0
        while step < 200 {
            let account = try SyncFixture.copy("us-complete")
            defer { SyncFixture.remove(account) }
            let crashed = try Self.apply(account, killAt: step)
            guard crashed.killed else {
                #expect(crashed.status == 0, "a run with fewer steps than \(step) ends normally")
                break
            }
            killedRuns += 1
            let rerun = try Self.apply(account)
            #expect(rerun.status == 0, "step \(step): \(rerun.output)")
            #expect(try SyncFixture.snapshotFiles(account) == expectedFiles, "step \(step): every change committed once, none lost")
            #expect(try SyncFixture.records(account) == expectedRecords, "step \(step): the sync records tell the truth")
            let contacts = try SyncFixture.list(account, "hubspot/contacts.json").compactMap { ($0["properties"] as? [String: Any])?["email"] as? String }
            #expect(Set(contacts).count == contacts.count, "step \(step): no contact duplicated")
            step += 1
        }
        #expect(killedRuns >= 10, "the run was cut at \(killedRuns) steps")
    }

    @Test func aSecondRunOnALockedAccountIsRefusedWithAClearMessage() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        let session = try SyncSession.open(account, locked: true)
        let refused = SyncFixture.run(["sync", "apply", account])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.hasPrefix("\(account): another qbcheck sync is running on this account (process \(getpid()), since "))
        #expect(refused.standardError.hasSuffix("): wait for it to finish, or run again with --wait\n"))
        #expect(try SyncFixture.list(account, "hubspot/contacts.json").count == 2, "nothing was written")
        withExtendedLifetime(session) {}
    }

    @Test func twoConcurrentRunsNeverInterleave() throws {
        let reference = try SyncFixture.copy("us-complete")
        defer { SyncFixture.remove(reference) }
        _ = try Self.apply(reference)
        let account = try SyncFixture.copy("us-complete")
        defer { SyncFixture.remove(account) }
        // Two processes at once: one syncs, the other waits for it and then finds nothing to do.
        let results = try [0, 1].map { _ in
            let process = Process()
            process.executableURL = try Self.executable()
            process.arguments = ["sync", "apply", account, "--wait"]
            process.environment = ProcessInfo.processInfo.environment.merging(["QBCHECK_NOW": SyncFixture.clock]) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            return (process, pipe)
        }.map { process, pipe in
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        #expect(results.allSatisfy { $0.0 == 0 }, "\(results)")
        let summaries = results.map { $0.1.split(separator: "\n").last.map(String.init) ?? "" }.sorted()
        #expect(summaries.contains("created 0, updated 0, paired 0, 0 failed, 3 left out"), "\(summaries)")
        #expect(try SyncFixture.snapshotFiles(account) == SyncFixture.snapshotFiles(reference))
        #expect(try SyncFixture.records(account) == SyncFixture.records(reference))
    }
}
