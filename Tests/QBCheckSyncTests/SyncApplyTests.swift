import Foundation
import QBCheckCommand
import QBCheckSync
import Testing

/// `qbcheck sync apply` on the example accounts: accepted changes are committed into the
/// snapshot as a fresh export would show them, rejected ones are recorded with their rule and
/// never written, and a second run with no change does nothing.
@Suite struct SyncApplyTests {
    @Test func applyCommitsTheAcceptedChangesIntoTheSnapshot() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        let result = SyncFixture.run(["sync", "apply", account])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("created 3, updated 4, paired 0, 0 failed, 1 left out\n"))

        let contacts = try SyncFixture.list(account, "hubspot/contacts.json")
        let amy = try #require(contacts.first { $0["id"] as? String == "1001" })
        let properties = amy["properties"] as? [String: Any]
        #expect(properties?["email"] as? String == "birds@intuit.com")
        #expect(properties?["company"] as? String == "Amy's Bird Sanctuary")
        #expect(amy["createdAt"] as? String == SyncFixture.clock)

        let products = try SyncFixture.list(account, "hubspot/products.json")
        #expect(products.compactMap { ($0["properties"] as? [String: Any])?["price"] as? String } == ["100.00", "100.00"],
                "QuickBooks wins the one-way products sync")

        let quickbooksInvoices = try SyncFixture.list(account, "quickbooks/invoices.json")
        let created = try #require(quickbooksInvoices.first { $0["Id"] as? String == "403" })
        #expect(created["DocNumber"] as? String == "INV-1060")
        #expect(created["SyncToken"] as? String == "0")
        #expect((created["CustomerRef"] as? [String: Any])?["value"] as? String == "58", "the customer of the invoice's contact, by email")
        let items = (created["Line"] as? [[String: Any]] ?? []).compactMap { (($0["SalesItemLineDetail"] as? [String: Any])?["ItemRef"] as? [String: Any])?["value"] as? String }
        #expect(items == ["21", "22"], "lines post to the products with their SKUs")
        let invoicesText = try String(contentsOfFile: account + "/quickbooks/invoices.json", encoding: .utf8)
        #expect(invoicesText.contains("\"TotalAmt\": 1250.00,"), "the total, exact, from the lines")

        let hubspotInvoices = try SyncFixture.list(account, "hubspot/invoices.json")
        let synced = try #require(hubspotInvoices.first { $0["id"] as? String == "44446260002" })
        #expect((synced["properties"] as? [String: Any])?["hs_number"] as? String == "1101")
        let associations = synced["associations"] as? [String: Any]
        let contact = ((associations?["contacts"] as? [String: Any])?["results"] as? [[String: Any]])?.first?["id"] as? String
        #expect(contact == "531", "the contact paired with the invoice's customer")
        let lineID = try #require(((associations?["line items"] as? [String: Any])?["results"] as? [[String: Any]])?.first?["id"] as? String)
        let line = try #require(try SyncFixture.list(account, "hubspot/line_items.json").first { $0["id"] as? String == lineID })
        let lineProperties = line["properties"] as? [String: Any]
        #expect(lineProperties?["hs_sku"] as? String == "fb-100" && lineProperties?["quantity"] as? String == "4" && lineProperties?["price"] as? String == "250.00")

        // The result is a snapshot qbcheck reads like any other.
        let preflight = SyncFixture.run(["preflight", account])
        #expect(preflight.exitCode == 0, "\(preflight.standardOutput)\(preflight.standardError)")
    }

    @Test func aSecondApplyWithNoChangeDoesNothing() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        let files = try SyncFixture.snapshotFiles(account)
        let records = try SyncFixture.records(account)
        let activity = SyncFixture.run(["sync", "export", account, "--format", "json"]).standardOutput
        let again = SyncFixture.run(["sync", "apply", account], environment: SyncFixture.environment(clock: "2025-01-12T12:10:00Z"))
        #expect(again.exitCode == 0)
        #expect(again.standardOutput.hasSuffix("created 0, updated 0, paired 0, 0 failed, 1 left out\n"))
        #expect(try SyncFixture.snapshotFiles(account) == files, "no file rewritten")
        #expect(try SyncFixture.records(account) == records, "no record touched, not even its last sync time")
        #expect(SyncFixture.run(["sync", "export", account, "--format", "json"]).standardOutput == activity)
    }

    @Test func rejectedChangesAreRecordedWithTheirRuleAndNeverWritten() throws {
        let account = try SyncFixture.copy("failing")
        defer { SyncFixture.remove(account) }
        let customersBefore = try SyncFixture.list(account, "quickbooks/customers.json").count
        let result = SyncFixture.run(["sync", "apply", account])
        #expect(result.exitCode == 1, "failed records make the run exit 1")
        let customers = try SyncFixture.list(account, "quickbooks/customers.json")
        #expect(customers.count == customersBefore + 1, "only Nina Novak's customer was created")
        #expect(customers.last?["DisplayName"] as? String == "Nina Novak")
        #expect(!customers.dropLast().contains { ($0["PrimaryEmailAddr"] as? [String: Any])?["Address"] as? String == "dwhitfield@biglytics.net" })

        let failed = SyncFixture.run(["sync", "records", account, "--status", "failed", "--format", "json", "--page-size", "100"])
        let rows = (try SyncFixture.json(failed)["records"] as? [[String: Any]]) ?? []
        let byContact = Dictionary(rows.compactMap { row in (row["hubspot_id"] as? String).map { ($0, row["error_category"] as? String ?? "") } },
                                   uniquingKeysWith: { first, _ in first })
        #expect(byContact["513"] == "duplicate-display-name")
        #expect(byContact["517"] == "invalid-name-characters")
        #expect(byContact["518"] == "name-too-long")
        #expect(byContact["44446270005"] == "non-us-invoice-sync")
        let message = rows.first { $0["hubspot_id"] as? String == "513" }?["message"] as? String
        #expect(message?.contains("QuickBooks requires display names to be unique") == true)
        #expect(rows.first { $0["hubspot_id"] as? String == "513" }?["remedy"] as? String != nil)
    }

    @Test func statusRecordsActivityAndExportAgree() throws {
        let account = try SyncFixture.copy("failing")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        let status = try SyncFixture.json(SyncFixture.run(["sync", "status", account, "--format", "json"]))
        let records = try SyncFixture.json(SyncFixture.run(["sync", "records", account, "--format", "json", "--page-size", "1000"]))
        let rows = records["records"] as? [[String: Any]] ?? []
        #expect(records["total"] as? Int == rows.count)
        for object in status["objects"] as? [[String: Any]] ?? [] {
            let name = object["object"] as? String
            for state in ["synced", "failed", "excluded"] {
                let counted = rows.filter { $0["object"] as? String == name && $0["status"] as? String == state }.count
                #expect(object[state] as? Int == counted, "\(name ?? "") \(state)")
            }
        }
        // Every synced record's two ids stand in the snapshot's files.
        let files: [String: (hubspot: String, quickbooks: String)] = [
            "contacts": ("hubspot/contacts.json", "quickbooks/customers.json"),
            "products": ("hubspot/products.json", "quickbooks/items.json"),
            "invoices": ("hubspot/invoices.json", "quickbooks/invoices.json"),
        ]
        for row in rows where row["status"] as? String == "synced" {
            let object = try #require(row["object"] as? String)
            let pair = try #require(files[object])
            let hubspotIDs = try SyncFixture.list(account, pair.hubspot).compactMap { $0["id"] as? String }
            let quickbooksIDs = try SyncFixture.list(account, pair.quickbooks).compactMap { $0["Id"] as? String }
            #expect(hubspotIDs.contains(row["hubspot_id"] as? String ?? "?"), "\(row)")
            #expect(quickbooksIDs.contains(row["quickbooks_id"] as? String ?? "?"), "\(row)")
        }
        let csv = SyncFixture.run(["sync", "export", account, "--format", "csv"]).standardOutput
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "\u{FEFF}record,object,hubspot_id,quickbooks_id,status,error_category,message,remedy,last_sync")
        #expect(lines.count == rows.count + 1, "one CSV row per record")
        // Messages with commas and quotes are quoted as RFC 4180 says.
        let quoted = try #require(lines.first { $0.contains("duplicate-display-name") })
        #expect(quoted.contains(",\"contact 513 would be created in QuickBooks as customer \"\"Biglytics\"\""))
        let failedCSV = SyncFixture.run(["sync", "export", account, "--format", "csv", "--status", "failed", "--object", "contacts"]).standardOutput
        #expect(failedCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1
                == rows.filter { $0["object"] as? String == "contacts" && $0["status"] as? String == "failed" }.count)

        let chosen = SyncFixture.run(["sync", "export", account, "--format", "csv", "--columns", "hubspot_id,status", "--status", "failed", "--object", "products"])
        #expect(chosen.standardOutput == "\u{FEFF}hubspot_id,status\r\n,failed\r\n", "chosen columns, in their order")
        let table = SyncFixture.run(["sync", "records", account, "--columns", "object,quickbooks_id,error_category", "--status", "failed", "--object", "products"])
        #expect(table.standardOutput == "object\tquickbooks_id\terror_category\nproducts\t22\tduplicate-sku\npage 1 of 1, 1 records\n")
        #expect(SyncFixture.run(["sync", "records", account, "--columns", "sku"]).standardError.contains("unknown column 'sku'"))

        let text = SyncFixture.run(["sync", "status", account]).standardOutput
        #expect(text.contains("  contacts        4       4         2  2025-01-12T12:00:00Z\n"), "\(text)")
        #expect(text.contains("  contacts   duplicate-display-name: 2\n"))
    }

    @Test func aFixedRecordSyncsOnTheNextRunAndItsActivityShowsBoth() throws {
        let account = try SyncFixture.copy("failing")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        let path = account + "/hubspot/contacts.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Barnett:Company", with: "Barnett").write(toFile: path, atomically: true, encoding: .utf8)
        let second = SyncFixture.run(["sync", "apply", account], environment: SyncFixture.environment(clock: "2025-01-12T12:10:00Z"))
        #expect(second.standardOutput.contains("  created QBO Customer 6 from HubSpot contact 517 (rob@barnett.example)\n"), "\(second.standardOutput)")
        let activity = SyncFixture.run(["sync", "activity", "517", "--account", account])
        #expect(activity.exitCode == 0)
        #expect(activity.standardOutput.contains("  2025-01-12T12:00:00Z  create  failed  invalid-name-characters: "))
        #expect(activity.standardOutput.contains("  2025-01-12T12:10:00Z  create  synced  created QBO Customer 6 from HubSpot contact 517 (rob@barnett.example)\n"))
        let unknown = SyncFixture.run(["sync", "activity", "999999", "--account", account])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("no sync record has the id 999999"))
    }

    @Test func anEditInQuickBooksOfAnInvoiceCreatedInHubSpotIsRejected() throws {
        let account = try SyncFixture.copy("ready")
        defer { SyncFixture.remove(account) }
        _ = SyncFixture.run(["sync", "apply", account])
        // In QuickBooks, someone changes the price of a line of INV-1060, which came from HubSpot.
        let path = account + "/quickbooks/invoices.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: "\"DocNumber\": \"INV-1060\""))
        let amountRange = try #require(text.range(of: "\"Amount\": 1000.00", range: range.upperBound..<text.endIndex))
        text.replaceSubrange(amountRange, with: "\"Amount\": 900.00")
        let priceRange = try #require(text.range(of: "\"UnitPrice\": 1000", range: range.upperBound..<text.endIndex))
        text.replaceSubrange(priceRange, with: "\"UnitPrice\": 900")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // The QuickBooks side changed, and HubSpot did not: the QBO edit would flow to HubSpot,
        // but the validator rejects it.
        let result = SyncFixture.run(["sync", "apply", account], environment: SyncFixture.environment(clock: "2025-01-12T12:10:00Z"))
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("  FAILS update HubSpot invoice 44446260001 from QBO Invoice 403 (INV-1060)\n      locked-invoice-edit: "), "\(result.standardOutput)")
        let hubspotLines = try SyncFixture.list(account, "hubspot/line_items.json")
        #expect(hubspotLines.contains { ($0["properties"] as? [String: Any])?["price"] as? String == "1000.00" }, "HubSpot keeps its price")
    }
}
