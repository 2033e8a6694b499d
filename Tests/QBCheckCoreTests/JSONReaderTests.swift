import QBCheckCore
import Testing

@Suite struct JSONReaderTests {
    private func single(_ text: String, name: String = "t.json") -> JSONReader.Entry {
        JSONReader.readSingle(SourceFile(name: name, text: text))
    }

    private func error(_ text: String, name: String = "t.json") -> (message: String, position: SourcePosition)? {
        let file = SourceFile(name: name, text: text)
        for entry in JSONReader.read(file) {
            if case .failure(let error) = entry { return (error.message, file.position(of: error.offset)) }
        }
        return nil
    }

    @Test func recordsTheLineAndColumnOfEveryValue() throws {
        let text = "{\n  \"Invoice\": {\n    \"Line\": [\n      {\"Amount\": 12.5}\n    ],\n    \"Name\": \"Café Olé\", \"Id\": \"7\"\n  }\n}\n"
        let file = SourceFile(name: "t.json", text: text)
        let value = try single(text).get()
        let amount = try #require(value.value(at: JSONPointer(text: "/Invoice/Line/0/Amount")))
        #expect(file.position(of: amount.offset) == SourcePosition(line: 4, column: 18))
        // Columns count characters, so the accented name does not shift what follows it.
        let id = try #require(value.value(at: JSONPointer(text: "/Invoice/Id")))
        #expect(file.position(of: id.offset) == SourcePosition(line: 6, column: 31))
    }

    @Test func keepsNumbersAsWritten() throws {
        let value = try single("[1234.565, 100.00, -0, 1e3, 0.1]").get()
        let texts = value.array?.compactMap { element -> String? in
            if case .number(let text) = element.kind { return text }
            return nil
        }
        #expect(texts == ["1234.565", "100.00", "-0", "1e3", "0.1"])
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try single(#"{"a": "line\nbreak \"quoted\" \u00e9 \ud83d\ude00 \/"}"#).get()
        #expect(value["a"]?.string == "line\nbreak \"quoted\" é 😀 /")
    }

    @Test func lastDuplicateKeyWins() throws {
        let value = try single(#"{"DisplayName": "First", "DisplayName": "Second"}"#).get()
        #expect(value["DisplayName"]?.string == "Second")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "unexpected '}': expected a member name in double quotes", SourcePosition(line: 1, column: 9)),
        ("{\"a\" 1}", "unexpected '1': expected ':' after the member name", SourcePosition(line: 1, column: 6)),
        ("[1, 2", "unexpected end of input: expected ',' or ']' (the file may be truncated)", SourcePosition(line: 1, column: 6)),
        ("{\"a\": tru}", "unexpected 't': expected a value", SourcePosition(line: 1, column: 7)),
        ("{\"a\": 01}", "malformed number", SourcePosition(line: 1, column: 7)),
        ("{\"a\": 1.}", "malformed number", SourcePosition(line: 1, column: 7)),
        ("{\"a\": \"x\ty\"}", "control character U+0009 inside a string: JSON requires it to be escaped", SourcePosition(line: 1, column: 9)),
        ("{\"a\": \"\\x\"}", "invalid escape sequence in a string", SourcePosition(line: 1, column: 8)),
        ("{\"a\": \"\\ud800\"}", "invalid \\u escape: a UTF-16 surrogate without its pair", SourcePosition(line: 1, column: 8)),
        ("", "the file is empty: expected a JSON document", SourcePosition(line: 1, column: 1)),
        ("  \n ", "the file is empty: expected a JSON document", SourcePosition(line: 2, column: 2)),
        ("{} x", "unexpected content after the JSON document", SourcePosition(line: 1, column: 4)),
    ])
    func reportsSyntaxErrorsWithPositions(text: String, message: String, position: SourcePosition) {
        let found = error(text)
        #expect(found?.message == message)
        #expect(found?.position == position)
    }

    @Test func rejectsInvalidAndOverlongUTF8() {
        for bytes: [UInt8] in [[0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            let file = SourceFile(name: "t.json", bytes: Array("{\"a\": \"x".utf8) + bytes + Array("\"}".utf8))
            guard case .failure(let error) = JSONReader.readSingle(file) else {
                Issue.record("accepted invalid UTF-8 \(bytes)")
                continue
            }
            #expect(error.message.hasPrefix("invalid UTF-8"))
            #expect(file.position(of: error.offset) == SourcePosition(line: 1, column: 9))
        }
    }

    @Test func skipsAUTF8ByteOrderMarkAndRefusesUTF16() throws {
        let bom = SourceFile(name: "t.json", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(try JSONReader.readSingle(bom).get()["a"] != nil)
        let utf16 = SourceFile(name: "t.json", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])
        guard case .failure(let error) = JSONReader.readSingle(utf16) else {
            Issue.record("accepted UTF-16")
            return
        }
        #expect(error.message.contains("UTF-16"))
    }

    @Test func limitsNestingInsteadOfExhaustingTheStack() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let found = error(text)
        #expect(found?.message.contains("nested more than 512 levels") == true)
        #expect(found?.position == SourcePosition(line: 1, column: 513))
    }

    @Test func readsNDJSONLineByLineAndKeepsGoingAfterABadLine() {
        let text = "{\"a\": 1}\n{\"a\": \n\n{\"a\": 3}\r\n"
        let entries = JSONReader.read(SourceFile(name: "export.ndjson", text: text))
        #expect(entries.count == 3)
        if case .failure(let error) = entries[1] {
            #expect(SourceFile(name: "x", text: text).position(of: error.offset) == SourcePosition(line: 2, column: 7))
        } else {
            Issue.record("the broken second line was accepted")
        }
        #expect((try? entries[2].get())?["a"] != nil)
    }

    @Test func recognizesNDJSONWithoutTheExtension() {
        let entries = JSONReader.read(SourceFile(name: "<stdin>", text: "{\"a\": 1}\n{\"a\": 2}\n"))
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { (try? $0.get()) != nil })
    }

    @Test func readsAPrettyPrintedSequenceOfDocuments() {
        let entries = JSONReader.read(SourceFile(name: "t.json", text: "{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n"))
        #expect(entries.count == 2)
    }
}

/// A first look at a snapshot steps over the records it does not need (`skips`): what comes
/// after a skipped list must be read exactly as if the list had been read.
@Suite struct SkippedListTests {
    private func pieces(_ text: String) -> [String] {
        var seen: [String] = []
        JSONReader.forEachPiece(in: SourceFile(name: "t.json", text: text), streams: { $0.count == 2 },
                                skips: { $0 == ["QueryResponse", "Invoice"] }) { piece in
            switch piece {
            case .success(.skipped(let path, let count, let offset)): seen.append("skipped \(path.joined(separator: "/")) \(count) @\(offset)")
            case .success(.element(let path, let index, let node)): seen.append("\(path.joined(separator: "/"))[\(index)] \(node.child("Id")?.stringValue ?? "-")")
            case .success(.value): seen.append("value")
            case .failure(let error): seen.append("error \(error.message) @\(error.offset)")
            }
        }
        return seen
    }

    @Test func stringsWithBracketsQuotesAndEscapesAreSteppedOver() {
        let invoices = #"[{"Id": "1", "Memo": "a ] } , [ { \" \\"}, {"Id": "2", "Line": [[], {}, [1, [2]]], "N": -1.5e3}, "x\\", 7, true, null]"#
        let text = #"{"QueryResponse": {"Invoice": "# + invoices + #", "Customer": [{"Id": "9"}], "maxResults": 6}}"#
        #expect(pieces(text) == ["skipped QueryResponse/Invoice 6 @30", "QueryResponse/Customer[0] 9", "value"])
    }

    @Test func aListThatNeverEndsIsAnError() {
        #expect(pieces(#"{"QueryResponse": {"Invoice": [{"Id": "1", "Memo": "]}"#).last?.hasPrefix("error unexpected end") == true)
    }

    /// The first look learns that a snapshot holds invoices without reading one.
    @Test func aSkimmedQueryResponseNotesItsKindOnce() {
        let file = SourceFile(name: "q.json", text: #"{"QueryResponse": {"Invoice": [{"Id": "1"}, {"Id": "2", "Line": "not read"}], "Customer": [{"Id": "3", "DisplayName": "Bo"}]}}"#)
        var seen: [String] = []
        DocumentReader.forEach(in: file, reading: DocumentReader.Reading(hint: nil, skimsBulkRecords: true)) { entry, _ in
            switch entry {
            case .success(let subject): seen.append("\(subject.resulting?.kindName ?? "-") \(subject.resulting?.pointer.text ?? "-")")
            case .failure(let error): seen.append("error \(error.message)")
            }
        }
        #expect(seen == ["QBO Invoice /QueryResponse/Invoice/0", "QBO Customer /QueryResponse/Customer/0"])
    }
}
