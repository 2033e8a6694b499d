import QBCheckCore
import Testing

/// The flat tape behind every node: each kind of value, escapes, repeated keys and skipping
/// over nested containers must read as the text says.
struct JSONTapeTests {
    private func node(_ text: String) throws -> Node {
        try JSONReader.readSingleNode(SourceFile(name: "t.json", text: text)).get()
    }

    @Test func everyKindReadsAsItsType() throws {
        let array = try node(#"[null, false, true, -1.5e3, "s", {"a": [1]}, [[]]]"#)
        #expect(array.elements.map(\.typeName) == ["null", "a boolean", "a boolean", "a number", "a string", "an object", "an array"])
        #expect(array.elements.map(\.isNull) == [true, false, false, false, false, false, false])
        #expect(array.elements[4].stringValue == "s")
        #expect(array.elements[5].child("a")?.elements.count == 1)
    }

    @Test func membersAfterNestedContainersAreFound() throws {
        let object = try node(#"{"skip": {"deep": [{"x": 1}, [2, 3]], "more": {}}, "Amount": 12.50, "Name": "Ann"}"#)
        #expect(try object.decimal("Amount")?.value == ExactDecimal("12.5"))
        #expect(try object.string("Name")?.value == "Ann")
        #expect(object.child("deep") == nil, "only the object's own members are its members")
    }

    @Test func escapedKeysAndValuesAreUnescaped() throws {
        let object = try node(#"{"na\u006De": "caf\u00e9 \"x\"\n", "emoji": "\ud83d\ude00"}"#)
        #expect(try object.string("name")?.value == "café \"x\"\n")
        #expect(object.child("emoji")?.stringValue == "😀")
        #expect(object.keys == ["name", "emoji"])
    }

    @Test func aThreadsReusedEntriesLeaveNoTraceOfTheValueBefore() throws {
        // The parser's entries array is kept from value to value on a thread: a small value
        // read after a large one must hold only its own entries.
        let large = try node("[" + (0..<5_000).map { #"{"Id": "\#($0)", "Amount": \#($0)}"# }.joined(separator: ",") + "]")
        #expect(large.elements.count == 5_000)
        let small = try node(#"{"Id": "7"}"#)
        #expect(small.keys == ["Id"])
        #expect(try small.string("Id")?.value == "7")
        #expect(small.child("Amount") == nil)
        #expect(try large.elements[4_999].decimal("Amount")?.value == ExactDecimal("4999"), "a tape handed out keeps its entries")
    }

    @Test func theLastOfARepeatedKeyWins() throws {
        let object = try node(#"{"Id": "1", "Id": "2"}"#)
        #expect(try object.string("Id")?.value == "2")
        #expect(object.members.map(\.key) == ["Id"])
    }

    @Test func longPlainStringsCrossTheEightByteSteps() throws {
        for length in 0..<40 {
            let text = String(repeating: "a", count: length)
            #expect(try node("\"\(text)\"").stringValue == text)
            #expect(try node("\"\(text)\\\"\(text)\"").stringValue == text + "\"" + text)
        }
    }
}
