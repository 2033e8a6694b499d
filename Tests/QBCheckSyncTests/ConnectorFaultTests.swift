import Foundation
import QBCheckCore
import QBCheckSync
import Synchronization
import Testing

/// The executor against the in-memory connector: batches of at most the connector's limit, a
/// fault in the middle of a batch, a system that cannot be reached, a disk that fails mid-apply.
@Suite struct ConnectorFaultTests {
    static let directory = "/account"

    func executor(_ connector: Connector, files: InMemoryFiles, store: SyncRecordStore) -> SyncExecutor {
        SyncExecutor(directory: Self.directory, fileSystem: .inMemory(files), store: store, connector: connector, now: { SyncFixture.clock })
    }

    func store() throws -> SyncRecordStore {
        let store = SyncRecordStore(database: try SQLiteDatabase(path: ":memory:"))
        try store.migrate()
        return store
    }

    @Test func changesGoInBatchesOfTheConnectorsLimitOneSideAtATime() throws {
        let files = try SyncFixture.inMemory("us-complete", at: Self.directory)
        let memory = try InMemoryConnector(directory: Self.directory, files: files, now: { SyncFixture.clock })
        var connector = memory.connector
        connector.batchLimit = 2
        let report = executor(connector, files: files, store: try store()).run()
        #expect(report.stopped == nil)
        #expect(memory.batches.allSatisfy { $0.count <= 2 })
        #expect(memory.batches.allSatisfy { batch in batch.allSatisfy { $0.side == batch.first?.side } })
        #expect(memory.batches.map(\.count).reduce(0, +) == report.committed.count)
        #expect(Connector.defaultBatchLimit == 30, "QBO's batch endpoint takes at most 30 operations")
        let ids = memory.batches.flatMap { $0.map(\.requestID) }
        #expect(Set(ids).count == ids.count, "one request id per operation")
        #expect(ids.allSatisfy { $0.count <= 36 }, "QBO allows 36 characters for batch request ids")
    }

    @Test func aFaultInTheMiddleOfABatchFailsOnlyThatItemAndTheNextRunRetriesOnlyIt() throws {
        let files = try SyncFixture.inMemory("ready", at: Self.directory)
        let memory = try InMemoryConnector(directory: Self.directory, files: files, now: { SyncFixture.clock })
        // The second of the three contact writes to HubSpot is refused.
        memory.fail { operation in
            operation.side == .hubspot && operation.entity == "contacts" && operation.id == "531" ? ("429", "Too Many Requests: rate limit exceeded") : nil
        }
        let store = try store()
        let first = executor(memory.connector, files: files, store: store).run()
        let contactBatch = try #require(memory.batches.first)
        #expect(contactBatch.count == 3 && contactBatch[1].id == "531", "the fault is in the middle of the batch")
        #expect(first.failed.map(\.outcome) == [.failed(category: "hubspot-429", message: "Too Many Requests: rate limit exceeded",
                                                         remedy: "The next sync tries this change again.")])
        let contact531 = try #require(try store.find(object: "contacts", hubspotID: "531", quickbooksID: nil))
        #expect(contact531.status == .failed && contact531.category == "hubspot-429")
        #expect(try store.find(object: "contacts", hubspotID: "512", quickbooksID: nil)?.status == .synced, "its neighbours committed")
        #expect(files.text(Self.directory + "/hubspot/contacts.json")?.contains("\"company\": \"Biglytics\"") == true)
        #expect(files.text(Self.directory + "/hubspot/contacts.json")?.contains("\"company\": \"Cool Cars\"") == false)

        memory.reachable()
        let sent = memory.batches.count
        let second = executor(memory.connector, files: files, store: store).run()
        let retried = memory.batches.dropFirst(sent).flatMap { $0 }
        #expect(retried.map { "\($0.entity) \($0.id ?? "new")" } == ["contacts 531"], "only the failed change is sent again")
        #expect(second.committed.count == 1)
        #expect(try store.find(object: "contacts", hubspotID: "531", quickbooksID: nil)?.status == .synced)
    }

    @Test func anUnreachableSystemStopsTheRunAndTheNextRunSendsTheSameChanges() throws {
        let files = try SyncFixture.inMemory("ready", at: Self.directory)
        let memory = try InMemoryConnector(directory: Self.directory, files: files, now: { SyncFixture.clock })
        memory.unreachable("HTTP 503 Service Unavailable")
        let store = try store()
        let first = executor(memory.connector, files: files, store: store).run()
        #expect(first.stopped == "in-memory connector: HTTP 503 Service Unavailable; the 3 waiting changes are sent again by the next run")
        #expect(try store.outbox().count == 3, "the changes wait in the outbox")
        #expect(try store.allRecords().filter { $0.status == .synced }.isEmpty)
        let waiting = try store.outbox().map(\.requestID)

        memory.reachable()
        let second = executor(memory.connector, files: files, store: store).run()
        #expect(second.stopped == nil)
        #expect(second.recovered.count == 3)
        #expect(memory.batches.dropFirst().first?.map(\.requestID) == waiting, "sent again with the same request ids")
        #expect(try store.outbox().isEmpty)
        #expect(second.committed.count == 7)
    }

    /// Each batch goes to the outbox as it is sent: a run stopped at any batch leaves that
    /// batch alone waiting, the answered ones recorded and the later ones not yet queued; the
    /// next run sends the waiting batch, plans the rest again, and ends where a run never
    /// stopped ends, in the files and the sync records.
    @Test func aRunStoppedAtAnyBatchEndsWhereAnUnbrokenRunEnds() throws {
        func run(stoppingAtBatch stop: Int?) throws -> (files: [String: [UInt8]], records: [SyncRecordStore.Record], waiting: Int, recovered: Int, batches: Int) {
            let files = try SyncFixture.inMemory("us-complete", at: Self.directory)
            let memory = try InMemoryConnector(directory: Self.directory, files: files, now: { SyncFixture.clock })
            let store = try store()
            var connector = memory.connector
            connector.batchLimit = 2
            let sent = Mutex(0)
            let commit = connector.commit
            connector.commit = { (operations) throws(ConnectorError) -> [ConnectorResult] in
                let batch = sent.withLock { count in
                    count += 1
                    return count
                }
                if let stop, batch == stop { throw ConnectorError("HTTP 503 Service Unavailable") }
                return try commit(operations)
            }
            let first = executor(connector, files: files, store: store).run()
            #expect((first.stopped != nil) == (stop != nil), "\(first.stopped ?? "")")
            let waiting = try store.outbox()
            #expect(Set(waiting.map(\.side)).count <= 1 && waiting.count <= 2, "at most the one batch in flight waits")
            var recovered = 0
            if stop != nil {
                var again = memory.connector
                again.batchLimit = 2
                let second = executor(again, files: files, store: store).run()
                #expect(second.stopped == nil)
                recovered = second.recovered.count
            }
            #expect(try store.outbox().isEmpty)
            return (files.files, try store.allRecords().map { record in
                var record = record
                record.id = nil
                return record
            }, waiting.count, recovered, sent.withLock { $0 })
        }
        let unbroken = try run(stoppingAtBatch: nil)
        #expect(unbroken.batches >= 4, "the account's changes take several batches")
        for stop in 1...unbroken.batches {
            let stopped = try run(stoppingAtBatch: stop)
            #expect(stopped.waiting > 0 && stopped.recovered == stopped.waiting, "batch \(stop): the batch in flight is sent again")
            #expect(stopped.files == unbroken.files, "batch \(stop): the same files")
            #expect(stopped.records.sorted { "\($0)" < "\($1)" } == unbroken.records.sorted { "\($0)" < "\($1)" }, "batch \(stop): the same sync records")
        }
    }

    @Test(arguments: [(1, "No space left on device"), (0, "Read-only file system")])
    func aDiskThatFailsMidApplyLeavesEverythingConsistent(goodWrites: Int, failure: String) throws {
        let directory = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(directory) }
        let reference = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(reference) }
        _ = SyncFixture.run(["sync", "apply", reference])

        // The disk fills up after the first file the connector writes; or the folder is read-only.
        let writes = Mutex(0)
        var full = FileSystem.live
        full.write = { path, bytes in
            let count = writes.withLock { count in
                count += 1
                return count
            }
            guard count <= goodWrites else { throw FileSystemError(message: "cannot write the file (\(failure))") }
            try FileSystem.live.write(path, bytes)
        }
        var environment = SyncFixture.environment()
        environment.fileSystem = full
        let failed = SyncFixture.run(["sync", "apply", directory], environment: environment)
        #expect(failed.exitCode == 2)
        #expect(failed.standardOutput.contains("error: the sync stopped: offline snapshot connector: "), "\(failed.standardOutput)")
        #expect(failed.standardOutput.contains(failure))
        #expect(failed.standardOutput.contains(goodWrites == 0 ? "/hubspot/contacts.json: cannot write the file" : "/hubspot/products.json: cannot write the file"),
                "the file is named")
        #expect(failed.standardOutput.contains("Invoices ⇔ Invoices\n  not reached: the run stopped before it\n"))
        // Every file is whole JSON: written entirely, or not at all.
        for (name, data) in try SyncFixture.snapshotFiles(directory) {
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is whole")
        }
        // The connector's journal holds what it answered and could not write yet.
        let journal = try SQLiteDatabase(path: SyncSession.journalPath(of: directory))
        #expect(try journal.query("SELECT COUNT(*) FROM answers WHERE written = 0").first?.first?.integer ?? 0 > 0)

        // With room again, the next run finishes the job exactly as an uninterrupted run did.
        let finished = SyncFixture.run(["sync", "apply", directory])
        #expect(finished.exitCode == 0, "\(finished.standardOutput)\(finished.standardError)")
        #expect(try SyncFixture.snapshotFiles(directory) == SyncFixture.snapshotFiles(reference))
        #expect(try SyncFixture.records(directory) == SyncFixture.records(reference))
    }
}
