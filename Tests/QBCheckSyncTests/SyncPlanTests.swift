import Foundation
import QBCheckCommand
import QBCheckSync
import Synchronization
import Testing

/// `qbcheck sync plan`: what the sync would do, in both directions, with each verdict; and that
/// planning changes nothing.
@Suite struct SyncPlanTests {
    @Test func theReadyAccountPlansCreatesAndUpdatesInBothDirections() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        let before = try SyncFixture.snapshotFiles(account)
        let result = SyncFixture.run(["sync", "plan", account, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let output = try SyncFixture.json(result)
        #expect(output["mode"] as? String == "plan")
        #expect(SyncFixture.changes(output) == [
            // Contacts two-way, QuickBooks wins: matched by email, QBO's company name fills HubSpot's empty one.
            "contacts update hubspot from 58: committed → 512",
            "contacts update hubspot from 62: committed → 531",
            "contacts create hubspot from 1: committed → 1001",
            // Products one-way QuickBooks → HubSpot: matched by SKU, QBO's price wins.
            "products update hubspot from 21: committed → 17727139750",
            "products update hubspot from 22: committed → 17727139751",
            // Invoices two-way: 401 was created after the setup date, 402 before (left out);
            // HubSpot's INV-1060 goes to QuickBooks on customer 58 (its contact's email).
            "invoices create hubspot from 401: committed → 44446260002",
            "invoices create hubspot from 402: excluded",
            "invoices create quickbooks from 44446260001: committed → 403",
        ])
        let fields = (output["changes"] as? [[String: Any]])?[3]["fields"] as? [[String: Any]]
        #expect(fields?.first?["name"] as? String == "price")
        #expect(fields?.first?["from"] as? String == "1000" && fields?.first?["to"] as? String == "100")
        #expect(output["summary"] as? String == "would create 3, update 4, pair 0, 0 rejected, 1 left out")
        #expect(try SyncFixture.snapshotFiles(account) == before, "planning writes nothing")
        #expect(!FileManager.default.fileExists(atPath: account + "/.qbcheck"), "planning creates no sync records")
    }

    @Test func theFailingAccountPlansRejectionsWithTheirRules() throws {
        let account = try SyncFixture.copy("failing")
        defer { SyncFixture.remove(account) }
        let result = SyncFixture.run(["sync", "plan", account, "--format", "json"])
        #expect(result.exitCode == 1, "a rejected change fails the plan, as an error finding fails check")
        let output = try SyncFixture.json(result)
        let failed = SyncFixture.changes(output).filter { $0.hasSuffix("failed") || $0.contains(": failed ") }
        #expect(failed.contains("contacts create quickbooks from 513: failed duplicate-display-name"))
        #expect(failed.contains("contacts create quickbooks from 514: failed duplicate-display-name"))
        #expect(failed.contains("contacts create quickbooks from 517: failed invalid-name-characters"))
        #expect(failed.contains("contacts create quickbooks from 518: failed name-too-long"))
        #expect(failed.contains("products create hubspot from 22: failed duplicate-sku"))
        #expect(failed.contains("invoices create quickbooks from 44446270005: failed non-us-invoice-sync"))
        // Settings the validator rejects are left out, and the plan says so.
        let settings = output["settings"] as? [[String: Any]] ?? []
        #expect(settings.map { $0["rule"] as? String } == ["custom-mapping-tier", "incompatible-field-mapping", "outbound-invoice-filter-locked",
                                                           "custom-field-ineligible", "custom-mapping-tier", "custom-field-not-visible", "custom-mapping-tier"])
        #expect(settings.first?["effect"] as? String == "the mapping sync.contacts.customMappings[0] is left out")
    }

    @Test func thePlanReadsLikeTheDocumentation() throws {
        let account = try SyncFixture.copy("failing")
        defer { SyncFixture.remove(account) }
        let text = SyncFixture.run(["sync", "plan", account]).standardOutput
        #expect(text.contains("""
              FAILS create QBO Customer from HubSpot contact 513 (dwhitfield@biglytics.net)
                  duplicate-display-name: contact 513 would be created in QuickBooks as customer "Biglytics"
            """))
        #expect(text.contains("  would update QBO Customer 2 from HubSpot contact 512 (bcooper@biglytics.net)\n      firstName: Bryan; lastName: Cooper; phone: (877) 929-0687\n"))
        #expect(text.contains("  left out: 2 records: no email address\n"))
        #expect(text.hasSuffix("would create 4, update 4, pair 0, 10 rejected, 3 left out\n"))
    }

    @Test func badInputStopsTheSyncBeforeAnythingIsWritten() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        try Data("{\"results\": [".utf8).write(to: URL(fileURLWithPath: account + "/hubspot/contacts.json"))
        let result = SyncFixture.run(["sync", "apply", account])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("hubspot/contacts.json:1:14: error:"))
        #expect(result.standardError.contains("error: nothing was synced: every file of the snapshot must be readable"))
        #expect(try SyncFixture.list(account, "quickbooks/invoices.json").count == 2, "nothing was written")
    }

    @Test func aMissingAccountAndBadArgumentsAreUsageErrors() {
        let missing = SyncFixture.run(["sync", "plan", "/nonexistent/account"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "/nonexistent/account: error: the account snapshot folder does not exist\n")
        let unknown = SyncFixture.run(["sync", "aply"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("unknown sync action 'aply'"))
        #expect(unknown.standardError.contains("apply"))
        #expect(SyncFixture.run(["sync", "pause", "deals"]).standardError.contains("unknown object 'deals': use contacts, products, invoices"))
        #expect(SyncFixture.run(["sync", "status", "--format", "csv"]).standardError.contains("--format csv is for sync export"))
    }

    /// The executable lets a plan's trees, records and report go with the process
    /// (`ProcessExit.leave`) instead of freeing them one by one: the plan must read the same.
    @Test func aPlanLeavesWhatItHeldForTheExitAndReadsTheSame() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        let left = Mutex(0)
        var environment = SyncFixture.environment()
        environment.leaveForExit = { _ in left.withLock { $0 += 1 } }
        let leaving = SyncFixture.run(["sync", "plan", account, "--format", "json"], environment: environment)
        #expect(left.withLock { $0 } == 1)
        #expect(leaving == SyncFixture.run(["sync", "plan", account, "--format", "json"]))
        #expect(leaving.exitCode == 0)
    }
}
