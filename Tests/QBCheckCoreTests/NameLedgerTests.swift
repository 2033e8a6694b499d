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

    /// Thousands of records, added one by one (the index grows many times) and all at once:
    /// every name, email and Id finds the record a dictionary of first (for Ids, latest)
    /// holders finds, and a name no one uses finds none.
    @Test(arguments: [false, true])
    func manyRecordsFindTheirFirstHolders(allAtOnce: Bool) {
        let records = (0..<6_000).map { n in
            // Every seventh reuses an earlier name, every fifth an earlier Id, every third is a vendor.
            NameRecord(entity: n % 3 == 0 ? "Vendor" : "Customer", id: "\(n % 5 == 0 ? n / 2 : n)",
                       displayName: n % 11 == 0 ? nil : "Client \(n % 7 == 0 ? n / 7 : n) Ltd",
                       email: n % 4 == 0 ? nil : "c\(n % 9 == 0 ? n / 9 : n)@x.example", currency: nil, active: true)
        }
        var ledger = NameLedger()
        if allAtOnce {
            ledger.add(contentsOf: records.map(NameLedger.Entry.init), workers: 2)
        } else {
            for record in records { ledger.add(NameLedger.Entry(record)) }
        }
        var byName: [String: Int] = [:], byID: [String: Int] = [:], byEmail: [String: Int] = [:]
        for (position, record) in records.enumerated() {
            if let name = record.displayName, byName[name] == nil { byName[name] = position }
            guard record.entity == "Customer" else { continue }
            if let id = record.id { byID[id] = position }
            if let email = record.matchingEmail, byEmail[email] == nil { byEmail[email] = position }
        }
        for (name, position) in byName {
            #expect(ledger.first(withDisplayName: name) == records[position])
            #expect(ledger.first(withFoldedName: DisplayName.folded(name)) == records[position])
        }
        for (id, position) in byID { #expect(ledger.customer(id: id) == records[position]) }
        for (email, position) in byEmail { #expect(ledger.customer(email: email) == records[position]) }
        // An Id is promised to hold its names first exactly when every record with it finds
        // itself by its name, as written and folded.
        var byFolded: [String: Int] = [:]
        for (position, record) in records.enumerated() {
            if let name = record.displayName, byFolded[DisplayName.folded(name)] == nil { byFolded[DisplayName.folded(name)] = position }
        }
        var idsFindingThemselves: [String: Bool] = [:]
        for (position, record) in records.enumerated() {
            guard let id = record.id else { continue }
            let findsItself = record.displayName.map { byName[$0] == position && byFolded[DisplayName.folded($0)] == position } ?? true
            idsFindingThemselves[id] = (idsFindingThemselves[id] ?? true) && findsItself
        }
        #expect(idsFindingThemselves.values.contains(false) && idsFindingThemselves.values.contains(true))
        for (id, findsItself) in idsFindingThemselves { #expect(ledger.holdsItsNamesFirst(id: id) == findsItself, "Id \(id)") }
        #expect(ledger.first(withDisplayName: "Client 6000 Ltd") == nil)
        #expect(ledger.customer(id: "6000") == nil)
        #expect(ledger.customer(email: "c3@x.example") == nil, "a vendor's email finds no customer")
        #expect(NameLedger().first(withFoldedName: "client 1 ltd") == nil)
    }

    /// A record read again need not look its names up when no earlier record holds them: the
    /// ledger notes the Ids of those an earlier record does, as written or folded, whichever
    /// way the records were added.
    @Test(arguments: [false, true])
    func idsOfRecordsWhoseNamesAnEarlierRecordHolds(allAtOnce: Bool) {
        var ledger = NameLedger()
        let entries = Self.records.map(NameLedger.Entry.init)
        if allAtOnce { ledger.add(contentsOf: entries, workers: 2) } else { for entry in entries { ledger.add(entry) } }
        // Vendor 1 folds to customer 1's name, customer 2 is named as customer 1: Ids 1 (shared
        // by customer 1, whose own names are its first) and 2; employee 5 has no name.
        #expect(!ledger.holdsItsNamesFirst(id: "1"))
        #expect(!ledger.holdsItsNamesFirst(id: "2"))
        #expect(ledger.holdsItsNamesFirst(id: "5"))
        var distinct = NameLedger()
        distinct.add(contentsOf: [NameLedger.Entry(Self.records[0]), NameLedger.Entry(Self.records[3])], workers: 1)
        #expect(distinct.holdsItsNamesFirst(id: "1"), "customer 1 twice under its Id, with two names no one else holds")
    }

    @Test func displayNamesFoldCaseAndSpacing() {
        #expect(DisplayName.folded("  Ann \t LEE ") == "ann lee")
        #expect(DisplayName.folded("Émile  Zola") == "émile zola")
        // Past the fifteen bytes a string holds in place, and the edges of the ASCII folding.
        #expect(DisplayName.folded("\n\rAMY'S  BIRD\u{0B}\u{0C}SANCTUARY, Inc.  ") == "amy's bird sanctuary, inc.")
        #expect(DisplayName.folded("") == "" && DisplayName.folded(" \t ") == "")
        #expect(DisplayName.folded("@[Z]`{a}") == "@[z]`{a}")
        // Any byte outside ASCII folds the general way, wherever it stands.
        #expect(DisplayName.folded("AMY'S BIRD SANCTUARY É") == "amy's bird sanctuary é")
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
