import QBCheckRules
import QBCheckTestSupport
import Testing

/// The packed table behind duplicate-doc-number and duplicate-display-name: it must answer
/// exactly as a dictionary would.
struct ClaimTableTests {
    @Test func firstHolderWinsAndEveryKeyIsFoundAfterGrowth() {
        var table = ClaimTable()
        var reference: [String: String] = [:]
        var generator = SplitMix64(seed: 2026)
        for index in 0..<50_000 {
            // Repeats, empty keys, non-ASCII and long keys among them.
            let key = switch index % 7 {
            case 0: String(index / 3)
            case 1: "INV-\(UInt32.random(in: 0..<20_000, using: &generator))"
            case 2: "Café \(index % 1_000)"
            case 3: String(repeating: "x", count: index % 300)
            default: "\(index)"
            }
            let holder = "I1\(index)"
            let earlier = table.claim(key, holder: holder)
            #expect(earlier == reference[key], "a claim answers with the key's first holder, or nil when it is the first")
            if reference[key] == nil { reference[key] = holder }
        }
        #expect(table.count == reference.count)
        // Asking and claiming again change nothing and answer with the first holder.
        for (key, holder) in reference {
            #expect(table.holder(of: key) == holder, "key \(key)")
            #expect(table.claim(key, holder: "C1later") == holder, "key \(key)")
        }
        #expect(table.count == reference.count)
        #expect(table.holder(of: "never claimed") == nil)
        #expect(table.count == reference.count, "asking claims nothing")
        #expect(table.claim("never claimed", holder: "I1new") == nil)
        #expect(ClaimTable().holder(of: "") == nil, "an empty table answers too")
    }

    @Test func keysTooLongToBeNumbersAreNotClaimed() {
        var table = ClaimTable()
        let long = String(repeating: "9", count: ClaimTable.longestEntry)
        #expect(table.claim(long, holder: "I1") == nil)
        #expect(table.claim(long, holder: "I1") == nil, "the first claim was not kept")
        #expect(table.count == 0)
    }
}
