import Foundation
import QBCheckCore
import QBCheckSync
import Testing

/// The planner reads each record's JSON from the record's own bytes (`Document.tree`): it must
/// be the very value the whole file holds at the record's place, for every way a snapshot
/// writes its records.
@Suite struct RecordTreeTests {
    /// Every record of `directory`, read alone and read as part of its whole file. A record of
    /// an NDJSON file is read from its own line (its offset counts from the line's start).
    func compare(_ directory: String, fileSystem: FileSystem) throws -> (records: Int, differing: [String]) {
        let (account, errors) = AccountLoader(fileSystem: fileSystem).load(directory)
        #expect(errors.isEmpty, "\(errors)")
        var files: [String: (export: ExportFile?, lineStarts: [Int])] = [:]
        var differing: [String] = []
        let records = account.allDocuments.filter(\.isRecord)
        for document in records {
            let name = document.file.name
            if files[name] == nil {
                let bytes = try fileSystem.read(name)
                files[name] = (ExportFile.read(name, fileSystem: fileSystem), [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 })
            }
            guard let (export, lineStarts) = files[name] else { continue }
            let offset = JSONReader.isLineDelimited(name: name) ? lineStarts[document.file.firstLine - 1] + document.location.offset : document.location.offset
            // The whole file's document that starts at or before the record, and the record in it.
            let root = export?.roots.last { $0.offset <= offset }
            let whole = root?.tree.value(at: document.pointer.tokens)
            if document.tree == nil || document.tree != whole {
                differing.append("\(name)\(document.pointer) line \(document.file.firstLine): \(document.tree?.written(indent: 0) ?? "nil") is not \(whole?.written(indent: 0) ?? "nil")")
            }
        }
        return (records.count, differing)
    }

    @Test func everyExampleAccountsRecordIsReadAloneAsItsFileHoldsIt() throws {
        let accounts = SyncFixture.repository.appendingPathComponent("corpus/accounts")
        for name in try FileManager.default.contentsOfDirectory(atPath: accounts.path).sorted() {
            let (records, differing) = try compare(accounts.appendingPathComponent(name).path, fileSystem: .live)
            #expect(records > 0, "\(name) has records")
            #expect(differing.isEmpty, "\(name): \(differing)")
        }
    }

    @Test func recordsOfEveryLayoutAreReadAlone() throws {
        let files: [String: String] = [
            // NDJSON wrappers, one per line, after a byte order mark.
            "/a/quickbooks/invoices.ndjson": "\u{FEFF}" + """
                {"Invoice":{"Id":"1","DocNumber":"1001","TxnDate":"2025-01-10","CustomerRef":{"value":"1"},"Line":[{"Amount":10,"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"1"}}}],"TotalAmt":10},"time":"2025-01-11T10:00:00Z"}
                {"Invoice":{"Id":"2","DocNumber":"1002","TxnDate":"2025-01-10","CustomerRef":{"value":"1"},"Line":[],"TotalAmt":0,"Id":"2"},"time":"2025-01-11T10:00:00Z"}

                """,
            // A pretty-printed query response, spaces and escapes in it.
            "/a/quickbooks/customers.json": """
                {
                  "QueryResponse": {
                    "Customer": [
                      { "Id": "1", "DisplayName": "Amy\\u2019s Bird Sanctuary", "PrimaryEmailAddr": { "Address": "amy@example.com" } },
                      {"Id":"2","DisplayName":"Bill's \\"Windsurf\\" Shop","Notes":"a\\nb"}
                    ],
                    "startPosition": 1, "maxResults": 2
                  },
                  "time": "2025-01-11T10:00:01.000-08:00"
                }
                """,
            // HubSpot: a page of results and a top-level array.
            "/a/hubspot/contacts.json": #"{"results":[{"id":"512","properties":{"email":"bcooper@biglytics.net","firstname":"Bryan"}}],"paging":{}}"#,
            "/a/hubspot/products.json": #"[{"id":"7","properties":{"name":"Gutter cleaning","hs_sku":"GC-1","price":"100.00"}}]"#,
        ]
        let (records, differing) = try compare("/a", fileSystem: .inMemory(files))
        #expect(records == 6)
        #expect(differing.isEmpty, "\(differing)")
    }

    /// The planner once looked an NDJSON record up in its whole file by its offset in its line,
    /// so every customer of `customers.ndjson` was planned as the first one.
    @Test func anAccountExportedAsNDJSONPlansAsItsQueryResponsesDo() throws {
        let pages = try SyncFixture.copy("us-complete")
        let lines = try SyncFixture.copy("us-complete")
        defer {
            SyncFixture.remove(pages)
            SyncFixture.remove(lines)
        }
        for (name, entity) in [("customers", "Customer"), ("invoices", "Invoice")] {
            let path = lines + "/quickbooks/\(name).json"
            let page = try #require(JSONTree.parse(String(contentsOfFile: path, encoding: .utf8)))
            let records = try #require(page[path: ["QueryResponse", entity]]?.array)
            #expect(records.count >= 2)
            let text = records.map { JSONTree.object([.init(entity, $0), .init("time", page["time"] ?? .null)]).written(indent: 0) + "\n" }.joined()
            try FileManager.default.removeItem(atPath: path)
            try text.write(toFile: lines + "/quickbooks/\(name).ndjson", atomically: true, encoding: .utf8)
        }
        func plan(_ account: String) throws -> [String: Any] {
            let result = SyncFixture.run(["sync", "plan", account, "--format", "json"])
            #expect(result.standardError.isEmpty)
            var output = try SyncFixture.json(result)
            output["account"] = nil
            return output
        }
        let fromPages = try plan(pages)
        let fromLines = try plan(lines)
        #expect(SyncFixture.changes(fromLines) == SyncFixture.changes(fromPages))
        #expect(NSDictionary(dictionary: fromLines) == NSDictionary(dictionary: fromPages))
        #expect(SyncFixture.changes(fromLines).contains("contacts create hubspot from 29: committed → 1002"))
    }

    /// A tree writes itself through the writer's own layout: the same text as the writer gives
    /// for the same document, at either indent, and it reads back as the same tree.
    @Test func aTreeIsWrittenAsTheWriterWritesTheSameDocument() throws {
        let text = #"{"QueryResponse":{"Customer":[{"Id":"1","Balance":100.00,"Active":true,"Notes":"a\"b\\c\n\u0001é","Tags":[],"Meta":{}}],"startPosition":1},"time":null}"#
        let tree = try #require(JSONTree.parse(text))
        let value = try JSONReader.readSingle(SourceFile(name: "t.json", text: text)).get().writerValue
        for indent in [0, 2] {
            #expect(tree.written(indent: indent) == JSONWriter(indent: indent).write(value))
            #expect(JSONTree.parse(tree.written(indent: indent)) == tree)
        }
        #expect(tree.written(indent: 0) == text, "compact text is written back byte for byte")
    }
}
