import Foundation
import QBCheckCore
import QBCheckSync
import Testing

/// The sync's documented decisions, one field at a time, through a plan of a small account in
/// memory: the side that changed wins; with both changed, the conflict resolution decides; an
/// empty value in the winner changes nothing; a one-way pair only writes its way.
@Suite struct SyncDecisionTests {
    static let directory = "/account"

    /// A customer and a contact with the same email, different phones; `stored` is the state
    /// recorded at the last sync (nil: never synced).
    func plan(hubspotPhone: String?, quickbooksPhone: String?, winner: String?, direction: String = "two-way",
              stored: (hubspot: String?, quickbooks: String?)? = nil) throws -> [String] {
        func phoneJSON(_ phone: String?) -> String { phone.map { "\"\($0)\"" } ?? "null" }
        let customer = """
            {"Id": "58", "SyncToken": "0", "DisplayName": "Biglytics", "Active": true, "PrimaryEmailAddr": {"Address": "bcooper@biglytics.net"}\(quickbooksPhone.map { ", \"PrimaryPhone\": {\"FreeFormNumber\": \"\($0)\"}" } ?? "")}
            """
        let contact = """
            {"id": "512", "properties": {"email": "bcooper@biglytics.net", "phone": \(phoneJSON(hubspotPhone))}}
            """
        let resolution = winner.map { ", \"conflictResolution\": \"\($0)\"" } ?? ""
        let files = InMemoryFiles([
            Self.directory + "/quickbooks/customers.json": "{\"QueryResponse\": {\"Customer\": [\(customer)]}}",
            Self.directory + "/hubspot/contacts.json": "{\"results\": [\(contact)]}",
            Self.directory + "/qbcheck.json": "{\"qbcheck\": 1, \"sync\": {\"contacts\": {\"direction\": \"\(direction)\"\(resolution)}}}",
        ])
        let store = SyncRecordStore(database: try SQLiteDatabase(path: ":memory:"))
        try store.migrate()
        if let stored {
            func state(_ phone: String?, hubspot: Bool) -> String {
                hubspot ? "{\"id\": \"512\", \"properties\": {\"email\": \"bcooper@biglytics.net\", \"phone\": \(phoneJSON(phone))}}"
                    : "{\"Id\": \"58\", \"PrimaryEmailAddr\": {\"Address\": \"bcooper@biglytics.net\"}\(phone.map { ", \"PrimaryPhone\": {\"FreeFormNumber\": \"\($0)\"}" } ?? "")}"
            }
            try store.save(.init(object: "contacts", hubspotID: "512", quickbooksID: "58", status: .synced, lastSync: "2025-01-10T00:00:00Z",
                                 hubspotState: state(stored.hubspot, hubspot: true), quickbooksState: state(stored.quickbooks, hubspot: false)))
        }
        let (account, errors) = AccountLoader(fileSystem: .inMemory(files)).load(Self.directory)
        #expect(errors.isEmpty, "\(errors)")
        let changes = SyncPlanner().plan(.contacts, account: account, records: try store.allRecords(), notes: [])
        return changes.map { change in
            "\(change.action.rawValue) \(change.target.rawValue)" + change.fields.map { " \($0.name)=\($0.to)" }.joined()
        }
    }

    @Test func theSideThatChangedSinceTheLastSyncWins() throws {
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-1", winner: "quickbooks", stored: ("555-1", "555-1"))
                == ["update quickbooks phone=555-2"], "HubSpot changed: it wins even though QuickBooks wins conflicts")
        #expect(try plan(hubspotPhone: "555-1", quickbooksPhone: "555-3", winner: "hubspot", stored: ("555-1", "555-1"))
                == ["update hubspot phone=555-3"])
    }

    @Test func whenBothChangedTheConflictResolutionDecides() throws {
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-3", winner: "quickbooks", stored: ("555-1", "555-1"))
                == ["update hubspot phone=555-3"])
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-3", winner: "hubspot", stored: ("555-1", "555-1"))
                == ["update quickbooks phone=555-2"])
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-3", winner: nil) == ["update quickbooks phone=555-2"],
                "never synced, no choice: HubSpot's data is used")
    }

    @Test func anEmptyValueInTheWinnerChangesNothing() throws {
        #expect(try plan(hubspotPhone: nil, quickbooksPhone: "555-3", winner: "hubspot") == ["link quickbooks"],
                "HubSpot wins but has no phone: the pair is recorded, nothing written")
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: nil, winner: "quickbooks") == ["link quickbooks"])
    }

    @Test func aOneWayPairOnlyWritesItsWay() throws {
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-3", winner: "hubspot", direction: "quickbooks-to-hubspot")
                == ["update hubspot phone=555-3"], "HubSpot would win, but HubSpot's values do not flow to QuickBooks")
        #expect(try plan(hubspotPhone: "555-2", quickbooksPhone: "555-1", winner: nil, direction: "quickbooks-to-hubspot", stored: ("555-1", "555-1"))
                == [], "a HubSpot edit of a one-way pair stays in HubSpot")
    }

    @Test func unchangedPairsPlanNothing() throws {
        #expect(try plan(hubspotPhone: "555-1", quickbooksPhone: "555-1", winner: nil, stored: ("555-1", "555-1")) == [])
    }
}
