import Foundation
import QBCheckCore
import Testing

/// The account's customers, vendors and employees as other records are checked against them.
@Suite struct NameLedgerTests {
    static let records = [
        NameRecord(entity: "Customer", id: "1", displayName: "Ann Lee", email: " Ann@X.example ", currency: "USD", active: true),
        NameRecord(entity: "Vendor", id: "1", displayName: "ann  LEE", email: "v@x.example", currency: nil, active: true),
        NameRecord(entity: "Customer", id: "2", displayName: "Ann Lee", email: "ann@x.example", currency: "EUR", active: false),
        NameRecord(entity: "Customer", id: "1", displayName: "Bo", email: nil, currency: nil, active: true),
        NameRecord(entity: "Employee", id: "5", displayName: nil, email: "", currency: nil, active: true),
    ]

    func describe(_ ledger: NameLedger) -> [String] {
        [
            ledger.customer(id: "1").map { "id 1: \($0.displayName ?? "-")" } ?? "id 1: none",
            ledger.customer(id: "5").map { "id 5: \($0.entity)" } ?? "id 5: none",
            ledger.customer(email: "ann@x.example").map { "email: \($0.id ?? "-")" } ?? "email: none",
            ledger.customer(email: "v@x.example").map { "vendor email: \($0.id ?? "-")" } ?? "vendor email: none",
            ledger.first(withDisplayName: "Ann Lee").map { "name: \($0.entity) \($0.id ?? "-")" } ?? "name: none",
            ledger.first(withFoldedName: "ann lee").map { "folded: \($0.entity) \($0.id ?? "-")" } ?? "folded: none",
        ]
    }

    /// A later customer with an Id replaces an earlier one; the first to use an email or a
    /// name keeps it; only customers are found by Id and email.
    @Test func customersByIdAndEmailAndEveryoneByName() {
        var ledger = NameLedger()
        for record in Self.records { ledger.add(NameLedger.Entry(record)) }
        #expect(describe(ledger) == ["id 1: Bo", "id 5: none", "email: 1", "vendor email: none", "name: Customer 1", "folded: Customer 1"])
    }

    /// A million customers are indexed at once, on two threads: the same answers.
    @Test(arguments: [1, 2])
    func addingAllAtOnceAnswersAsAddingOneByOne(workers: Int) {
        var ledger = NameLedger()
        ledger.add(NameLedger.Entry(NameRecord(entity: "Customer", id: "0", displayName: "Zed", email: nil, currency: nil, active: true)))
        ledger.add(contentsOf: Self.records.map(NameLedger.Entry.init), workers: workers)
        var oneByOne = NameLedger()
        oneByOne.add(NameLedger.Entry(NameRecord(entity: "Customer", id: "0", displayName: "Zed", email: nil, currency: nil, active: true)))
        for record in Self.records { oneByOne.add(NameLedger.Entry(record)) }
        #expect(describe(ledger) == describe(oneByOne))
        #expect(ledger.records == oneByOne.records)
        #expect(ledger.first(withDisplayName: "Zed")?.id == "0")
    }

    @Test func displayNamesFoldCaseAndSpacing() {
        #expect(DisplayName.folded("  Ann \t LEE ") == "ann lee")
        #expect(DisplayName.folded("Émile  Zola") == "émile zola")
    }
}

/// Jobs run on worker threads; their results come back in the order the jobs were given.
@Suite struct OrderedWorkTests {
    @Test(arguments: [1, 2, 4])
    func resultsComeBackInOrderWhateverTheJobsTake(workers: Int) {
        var delivered: [Int] = []
        let work = OrderedWork<Int>(workers: workers, name: "test") { delivered.append($0) }
        for job in 0..<200 {
            work.submit {
                // Early jobs take longest, so later ones finish first.
                if job % 7 == 0 { usleep(UInt32(200 - job) * 20) }
                return job
            }
        }
        work.finish()
        #expect(delivered == Array(0..<200))
    }
}
