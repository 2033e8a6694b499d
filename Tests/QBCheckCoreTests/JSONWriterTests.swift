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

    /// A byte to escape is escaped wherever it stands in a long text, before, among or after
    /// characters outside ASCII, and the characters around it are copied as they are.
    @Test func longTextsEscapeEveryByteThatNeedsItWhereverItStands() {
        func reference(_ text: String) -> String {
            var written = Array("\"".utf8)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): written += Array("\\\"".utf8)
                case UInt8(ascii: "\\"): written += Array("\\\\".utf8)
                case UInt8(ascii: "\n"): written += Array("\\n".utf8)
                case UInt8(ascii: "\r"): written += Array("\\r".utf8)
                case UInt8(ascii: "\t"): written += Array("\\t".utf8)
                case ..<0x20: written += Array(("\\u00" + String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)).utf8)
                default: written.append(byte)
                }
            }
            return String(decoding: written + Array("\"".utf8), as: UTF8.self)
        }
        let plain = Array("Larry's Bakery, 1 Main Street ".utf8)
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}"] {
            for position in 0...40 {
                for around in ["", "é", "😀"] {
                    var text = String(decoding: plain + plain, as: UTF8.self)
                    let index = text.utf8.index(text.utf8.startIndex, offsetBy: position)
                    text.insert(contentsOf: around + special + around, at: index)
                    #expect(JSONWriter.quote(text) == reference(text), "\(special.debugDescription) at \(position) with \(around)")
                }
            }
        }
        let accented = String(repeating: "Zoë Ünal ", count: 5)
        #expect(JSONWriter.quote(accented) == "\"" + accented + "\"")
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
