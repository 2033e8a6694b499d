import QBCheckCore
import Testing

/// Reports and the sync's records are written with `JSONWriter`: strings must come out escaped
/// as RFC 8259 asks, and read back as they were.
@Suite struct JSONWriterTests {
    @Test func quotesEscapeQuotesBackslashesAndControlCharactersOnly() {
        #expect(JSONWriter.quote("Ann Lee") == #""Ann Lee""#)
        #expect(JSONWriter.quote(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONWriter.quote("a\nb\rc\td\u{0}e\u{1F}f\u{7F}") == #""a\nb\rc\td\u0000e\u001ff"# + "\u{7F}\"")
        #expect(JSONWriter.quote("Zoë 😀 \"") == "\"Zoë 😀 \\\"\"")
    }

    @Test func everyCharacterReadsBackAsWritten() throws {
        let text = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }) + "é😀"
        let written = JSONWriter(indent: 0).write(.object([("text", .string(text)), ("list", .array([.string(""), .integer(-3), .null]))]))
        let read = try JSONReader.readSingle(SourceFile(name: "w.json", text: written)).get()
        #expect(read["text"]?.string == text)
        #expect(written.hasSuffix(#","list":["",-3,null]}"#))
    }

    /// Reports and exported files are compared byte for byte: the layout is part of the output.
    @Test func containersAreLaidOutOneItemPerLineOrOnOneLine() {
        let value = JSONWriter.Value.object([
            ("a", .array([.integer(1), .object([]), .array([]), .object([("b", .null)])])),
            ("c", .number("100.00")), ("d", .bool(false)),
        ])
        #expect(JSONWriter(indent: 2).write(value) == """
            {
              "a": [
                1,
                {},
                [],
                {
                  "b": null
                }
              ],
              "c": 100.00,
              "d": false
            }
            """)
        #expect(JSONWriter(indent: 0).write(value) == #"{"a":[1,{},[],{"b":null}],"c":100.00,"d":false}"#)
        #expect(JSONWriter(indent: 4).write(.array([.string("x")])) == "[\n    \"x\"\n]")
        #expect(JSONWriter().write(.string("é\u{1}")) == #""é\u0001""#)
    }
}
