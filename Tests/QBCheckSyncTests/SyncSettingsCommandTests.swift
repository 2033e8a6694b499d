import Foundation
import QBCheckCommand
import QBCheckSync
import Synchronization
import Testing

/// `sync pause`, `resume`, `delete` and `watch`.
@Suite struct SyncSettingsCommandTests {
    @Test func pauseStopsAPairWithoutLosingItsSettingsOrRecords() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        let records = try SyncFixture.records(account)
        let paused = SyncFixture.run(["sync", "pause", "contacts", "--account", account])
        #expect(paused.exitCode == 0)
        #expect(paused.standardOutput.hasPrefix("Contacts ⇔ Customers: paused"))
        let settings = try String(contentsOfFile: account + "/qbcheck.json", encoding: .utf8)
        #expect(settings.contains("""
                "contacts": {
                  "direction": "two-way",
                  "conflictResolution": "quickbooks",
                  "enabled": false
                },
            """), "\(settings)")
        #expect(settings.contains("\"customLineItemIncomeAccount\": \"Sales of Product Income\""), "the rest of the file is kept")

        // A change to a paused pair does not sync; its records stay.
        try edit(account + "/quickbooks/customers.json", "\"Address\": \"bcooper@biglytics.net\"", "\"Address\": \"bcooper@biglytics.net\"\n        },\n        \"PrimaryPhone\": {\n          \"FreeFormNumber\": \"(555) 010-0000\"")
        let plan = SyncFixture.run(["sync", "plan", account])
        #expect(plan.standardOutput.contains("Contacts ⇔ Customers\n  not synced: paused\n"))
        #expect(SyncFixture.run(["sync", "status", account]).standardOutput.contains("  contacts  *     3       0         0  2025-01-12T12:00:00Z\n"))
        #expect(try SyncFixture.records(account) == records)

        #expect(SyncFixture.run(["sync", "resume", "contacts", "--account", account]).exitCode == 0)
        let resumed = SyncFixture.run(["sync", "apply", account], environment: SyncFixture.environment(clock: "2025-01-12T12:10:00Z"))
        #expect(resumed.standardOutput.contains("  updated HubSpot contact 512 from QBO Customer 58 (bcooper@biglytics.net)\n      phone: (877) 929-0687 → (555) 010-0000\n"),
                "\(resumed.standardOutput)")
    }

    @Test func deleteRemovesThePairsSettingsAndRecordsAfterConfirmation() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        let refused = SyncFixture.run(["sync", "delete", "invoices", "--account", account])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError == "sync delete invoices removes the pair's settings and 3 sync records: run it again with --yes to confirm\n")

        var declining = SyncFixture.environment()
        declining.confirm = { _ in false }
        #expect(SyncFixture.run(["sync", "delete", "invoices", "--account", account], environment: declining).standardOutput == "nothing deleted\n")
        #expect(try SyncFixture.records(account).filter { $0.hasPrefix("invoices") }.count == 3)

        let deleted = SyncFixture.run(["sync", "delete", "invoices", "--account", account, "--yes"])
        #expect(deleted.exitCode == 0)
        #expect(deleted.standardOutput.hasPrefix("Invoices ⇔ Invoices: deleted, with its 3 sync records"))
        #expect(try SyncFixture.records(account).filter { $0.hasPrefix("invoices") }.isEmpty)
        #expect(try SyncFixture.records(account).count == 5, "the other pairs keep theirs")
        let settings = try String(contentsOfFile: account + "/qbcheck.json", encoding: .utf8)
        #expect(!settings.contains("customFieldMappings"), "the pair's settings are gone")
        #expect(SyncFixture.run(["sync", "plan", account]).standardOutput.contains("Invoices ⇔ Invoices\n  not synced: paused\n"), "and it does not sync")
    }

    @Test func watchSyncsAnEditWithinOneCycle() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        var environment = SyncFixture.environment()
        let output = Mutex("")
        environment.emit = { text in output.withLock { $0 += text } }
        let customers = account + "/quickbooks/customers.json"
        // Between the two cycles, someone edits a customer in QuickBooks.
        environment.sleep = { _ in
            try? edit(customers, "\"DisplayName\": \"Cool Cars\",", "\"DisplayName\": \"Cool Cars\",\n        \"GivenName\": \"Grace\",\n        \"FamilyName\": \"Pacheco-Ruiz\",")
        }
        let result = SyncFixture.run(["sync", "watch", "--account", account, "--interval", "0", "--cycles", "2"], environment: environment)
        #expect(result.exitCode == 0)
        let lines = output.withLock { $0 }
        #expect(lines.contains("2025-01-12T12:00:00Z cycle 1: created 3, updated 4, paired 0, 0 failed, 1 left out\n"), "\(lines)")
        #expect(lines.contains("cycle 2: created 0, updated 1, paired 0, 0 failed, 1 left out\n  updated HubSpot contact 531 from QBO Customer 62 (cool_cars@intuit.com)\n"), "\(lines)")
        let contact = try SyncFixture.list(account, "hubspot/contacts.json").first { $0["id"] as? String == "531" }
        #expect((contact?["properties"] as? [String: Any])?["lastname"] as? String == "Pacheco-Ruiz")
    }
}

func edit(_ path: String, _ old: String, _ new: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile) }
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
}
