import QBCheckCore
import QBCheckTestSupport
import Testing

/// The byte search that lets `check` skip inputs unparsed: it must never miss a pattern.
@Suite struct BytePatternTests {
    @Test func findsThePatternWhereverItStands() {
        let pattern = BytePattern(#""properties""#)
        func occurs(_ text: String) -> Bool { pattern.occurs(in: Array(text.utf8)[...]) }
        #expect(occurs(#""properties": {}"#), "at the start")
        #expect(occurs(#"{"id": "1", "properties""#), "at the end")
        #expect(occurs(#"{"a": "x", "b": "y", "properties": {"email": "a@example.com"}}"#))
        #expect(occurs(#"{"Invoice": {"Id": "1", "Memo": "\"properties\""}}"#) == false, "an escaped quote is not the pattern")
        #expect(occurs(#"{"Invoice": {"Id": "1", "DocNumber": "\"properties\" x"}}"#) == false)
        #expect(!occurs(#"{"Invoice": {"Id": "1", "Line": []}}"#))
        #expect(!occurs(#""propertie""#), "shorter than the pattern")
        #expect(!occurs(""))
        let repeated = BytePattern("aab")
        #expect(repeated.occurs(in: Array("aaaab".utf8)[...]))
        #expect(!repeated.occurs(in: Array("aaaaa".utf8)[...]))
        let slice = Array("xx\"properties\"yy".utf8)[2...]
        #expect(pattern.occurs(in: slice), "a slice that does not start at index 0")
    }

    @Test func agreesWithANaiveSearchOnRandomText() {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<2000 {
            let alphabet: [UInt8] = Array("ab\"".utf8)
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1..<5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let naive = text.count >= needle.count && (0...(text.count - needle.count)).contains { Array(text[$0..<($0 + needle.count)]) == needle }
            #expect(BytePattern(String(decoding: needle, as: UTF8.self)).occurs(in: text[...]) == naive, "\(text) \(needle)")
        }
    }
}
