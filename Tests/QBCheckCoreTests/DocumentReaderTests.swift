import QBCheckCore
import Testing

@Suite struct DocumentReaderTests {
    private func documents(_ text: String, name: String = "t.json") -> [DocumentReader.Entry] {
        DocumentReader.read(SourceFile(name: name, text: text))
    }

    private func kinds(_ text: String, name: String = "t.json") -> [String] {
        documents(text, name: name).map { entry in
            switch entry {
            case .success(.document(let document)): document.kindName + (document.operation.map { " " + $0.rawValue } ?? "")
            case .success(.edit(let edit)): "edit of " + (edit.primary?.kindName ?? "?")
            case .failure(let error): "error: " + error.message
            }
        }
    }

    @Test func recordsAreStreamedOnlyFromTheirContainersWhateverSurroundsThem() throws {
        // The reader follows only the paths that lead to record lists: arrays elsewhere (even
        // one named `results` deeper down) are part of the value, not records of their own.
        let text = #"{"meta": {"results": [{"id": "9"}]}, "results": [{"id": "1", "properties": {"email": "a@example.com"}}], "paging": {"next": {"after": "2"}}}"#
        let entries = documents(text, name: "contacts.ndjson")
        #expect(entries.count == 1)
        guard case .success(.document(let contact)) = try #require(entries.first) else {
            Issue.record("expected one contact")
            return
        }
        #expect(contact.kindName == "HubSpot contact")
        #expect(contact.pointer.text == "/results/0")
        #expect(kinds(#"{"QueryResponse": {"Item": [{"Name": "A", "Type": "Service"}]}}"# + "\n" + #"{"Invoice": {"Id": "1", "Line": [{"Id": "1"}]}}"#, name: "t.ndjson")
            == ["QBO Item", "QBO Invoice"])
    }

    @Test func recognizesQuickBooksShapes() {
        #expect(kinds(#"{"Invoice": {"Id": "1", "Line": []}, "time": "2015-07-24T10:33:39.11-07:00"}"#) == ["QBO Invoice"])
        #expect(kinds(#"{"QueryResponse": {"Customer": [{"DisplayName": "A"}, {"DisplayName": "B"}], "startPosition": 1, "maxResults": 6}}"#)
            == ["QBO Customer", "QBO Customer"])
        #expect(kinds(#"{"BatchItemRequest": [{"bId": "1", "operation": "create", "Vendor": {"DisplayName": "V"}}, {"bId": "2", "Query": "select"}]}"#)
            == ["QBO Vendor create"])
        #expect(kinds(#"{"BatchItemResponse": [{"bId": "1", "Fault": {"Error": []}}, {"bId": "2", "Item": {"Name": "X", "Type": "Service"}}]}"#)
            == ["QBO Item"])
        #expect(kinds(#"{"CDCResponse": [{"QueryResponse": [{"Payment": [{"Id": "9"}]}]}], "time": "x"}"#) == ["QBO Payment"])
        #expect(kinds(#"{"Line": [{"DetailType": "SalesItemLineDetail", "Amount": 100.0}], "CustomerRef": {"value": "1"}}"#) == ["QBO Invoice"])
    }

    @Test func recognizesHubSpotShapes() {
        #expect(kinds(#"{"id": "512", "properties": {"email": "a@b.c", "firstname": "A"}, "archived": false}"#) == ["HubSpot contact"])
        #expect(kinds(#"{"results": [{"id": "1", "properties": {"hs_invoice_status": "open"}}], "paging": {}}"#) == ["HubSpot invoice"])
        #expect(kinds(#"{"status": "COMPLETE", "results": [{"id": "1", "properties": {"hs_sku": "X", "price": "1"}}]}"#) == ["HubSpot product"])
        #expect(kinds(#"{"id": "1", "properties": {"hs_object_id": "1"}}"#, name: "exports/line_items.json") == ["HubSpot line item"])
    }

    /// A HubSpot object with no type named is told by the properties only its type carries
    /// (present even when null), in this order, then by an association with line items.
    @Test func infersEveryHubSpotTypeFromItsProperties() {
        let cases: [(String, [String])] = [
            (#""properties": {"name": "Acme", "hs_due_date": null}"#, ["HubSpot invoice"]),
            (#""properties": {"name": "Acme"}, "associations": {"Line Items": {"results": []}}"#, ["HubSpot invoice"]),
            (#""properties": {"email": "a@b.c", "hs_fees_amount": "1.5"}"#, ["HubSpot payment"]),
            (#""properties": {"email": "a@b.c", "quantity": "2"}"#, ["HubSpot line item"]),
            (#""properties": {"price": "1", "lastname": "Lee"}"#, ["HubSpot contact"]),
            (#""properties": {"hs_cost_of_goods_sold": "1", "domain": "acme.example"}"#, ["HubSpot product"]),
            (#""properties": {"domain": "acme.example"}"#, ["HubSpot company"]),
        ]
        for (members, expected) in cases {
            #expect(kinds(#"{"id": "7", "# + members + "}") == expected, "\(members)")
        }
    }

    @Test func acceptsBothLineItemAssociationKeys() throws {
        for key in ["line items", "line_items"] {
            let entry = try #require(documents(#"{"id": "1", "properties": {"hs_invoice_status": "open"}, "associations": {"\#(key)": {"results": [{"id": "9", "type": "invoice_to_line_item"}]}}}"#).first)
            guard case .success(.document(let document)) = entry else {
                Issue.record("not read: \(entry)")
                continue
            }
            #expect(document.crmObject?.associated(.lineItems).map(\.id.value) == ["9"])
        }
    }

    @Test func readsEveryInvoiceLineType() throws {
        let text = #"""
        {"Invoice": {"Line": [
          {"Id": "1", "DetailType": "SalesItemLineDetail", "Amount": 10, "SalesItemLineDetail": {"ItemRef": {"value": "5"}, "UnitPrice": "2.5", "Qty": 4, "ServiceDate": "2025-01-02", "TaxCodeRef": {"value": "NON"}}},
          {"DetailType": "SubTotalLineDetail", "Amount": 10, "SubTotalLineDetail": {}},
          {"DetailType": "DiscountLineDetail", "Amount": 1, "DiscountLineDetail": {"PercentBased": true, "DiscountPercent": 10}},
          {"Id": "3", "DetailType": "DescriptionOnly", "Description": "Note", "DescriptionLineDetail": {"ServiceDate": "2025-01-03"}},
          {"Id": "4", "DetailType": "GroupLineDetail", "GroupLineDetail": {"GroupItemRef": {"value": "30"}, "Quantity": 1, "Line": [
            {"Id": "5", "DetailType": "SalesItemLineDetail", "Amount": 7, "SalesItemLineDetail": {"ItemRef": {"value": "6"}}}]}}],
          "CustomerRef": {"value": "1"}, "CustomField": [{"DefinitionId": "1", "Name": "Crew #", "Type": "StringType"}],
          "LinkedTxn": [{"TxnId": "100", "TxnType": "Estimate"}], "TxnTaxDetail": {"TotalTax": 0}}}
        """#
        guard case .success(.document(let document)) = try #require(documents(text).first), let invoice = document.transaction else {
            Issue.record("invoice not read")
            return
        }
        #expect(invoice.lines.map(\.kind) == [.salesItem, .subTotal, .discount, .descriptionOnly, .group])
        #expect(invoice.lines[0].unitPrice?.value == ExactDecimal("2.5"))
        #expect(invoice.lines[0].serviceDate?.value.description == "2025-01-02")
        #expect(invoice.lines[2].discountPercent?.value == ExactDecimal("10"))
        #expect(invoice.lines[3].serviceDate?.value.description == "2025-01-03")
        #expect(invoice.allLines.compactMap { document.text($0.id) } == ["1", "3", "4", "5"])
        #expect(invoice.allLines.compactMap { document.text($0.item) } == ["5", "30", "6"])
        #expect(document.text(invoice.lines[3].description) == "Note")
        #expect(document.text(invoice.lines[0].taxCode, is: "NON") && !document.text(invoice.lines[0].taxCode, is: "TAX"))
        #expect(invoice.lineCount == 5, "nested lines are not counted among the invoice's lines")
        #expect(invoice.allLines.map(\.isNested) == [false, false, false, false, false, true])
        let amount = try #require(Array(invoice.allLines).last?.amount)
        #expect(document.pointer.text == "/Invoice")
        #expect(document.pointer(of: amount.location).text == "/Invoice/Line/4/GroupLineDetail/Line/0/Amount")
        #expect(invoice.linkedTransactions.first?.type?.value == "Estimate")
    }

    /// Each NDJSON line is read as one value unless it may hold a list of records; either way
    /// a line must read exactly as the whole-file reader reads it alone: the same records, the
    /// same pointers and places, the same errors.
    @Test func anNDJSONLineReadsAsTheLineAloneWouldWhateverItHolds() {
        let lines = [
            #"{"Invoice": {"Id": "1", "DocNumber": "1001", "Line": [{"Amount": 5, "DetailType": "SalesItemLineDetail"}]}, "time": "2025-01-01"}"#,
            #"{"QueryResponse": {"Invoice": [{"Id": "2"}, {"Id": "3", "Line": "none"}]}}"#,
            #"[{"Customer": {"Id": "4", "DisplayName": "Amy"}}, {"id": "5", "properties": {"email": "b@example.com"}}]"#,
            #"{"results": [{"id": "6", "properties": {"email": "c@example.com"}}]}"#,
            #"{"BatchItemRequest": [{"bId": "1", "operation": "create", "Customer": {"DisplayName": "Bo"}}]}"#,
            #"{"Invoice": {"Id": "7", "TxnDate": 12}}"#,
            #"{"Invoice": {"Id": "8", "#,
            #"{"QueryResponse": {"Invoice": [{"Id": "9"}, {"Id": "#,
            #"{"Customer": {"Id": "10"}} {"#,
        ]
        func described(_ entry: DocumentReader.Entry) -> String {
            switch entry {
            case .success(.document(let document)):
                "\(document.kindName) \(document.pointer.text) \(document.file.position(of: document.location.offset)) \(document.recordID ?? "-")"
            case .success(.edit(let edit)): "edit \(edit.primary?.pointer.text ?? "")"
            case .failure(let error): "error \(error.file) \(String(describing: error.position)) \(error.pointer?.text ?? "-") \(error.message)"
            }
        }
        var read: [String] = []
        NDJSONLines.forEachDocument(in: Array(lines.joined(separator: "\n").utf8)[...], firstLine: 1, path: "t.ndjson",
                                    reading: DocumentReader.Reading(hint: nil, skimsBulkRecords: false)) { entry, _ in read.append(described(entry)) }
        var alone: [String] = []
        for (number, line) in lines.enumerated() {
            DocumentReader.forEach(in: SourceFile(name: "t.ndjson", bytes: Array(line.utf8), firstLine: number + 1)) { entry, _ in alone.append(described(entry)) }
        }
        #expect(read == alone)
        #expect(read.count == 12)
        #expect(read.filter { $0.hasPrefix("error") }.count == 5, "\(read)")
    }

    @Test func reportsWrongTypesWithTheirPointer() throws {
        let text = #"{"QueryResponse": {"Invoice": [{"Id": "1", "Line": [{"DetailType": "SalesItemLineDetail", "Amount": "twelve"}], "CustomerRef": {"value": "1"}}, {"Id": "2", "Line": []}]}}"#
        let entries = documents(text)
        #expect(entries.count == 2, "the good invoice beside the bad one is still read")
        guard case .failure(let error) = entries[0] else {
            Issue.record("a non-numeric amount was accepted")
            return
        }
        #expect(error.pointer?.text == "/QueryResponse/Invoice/0/Line/0/Amount")
        #expect(error.message.contains("expected an amount"))
        #expect(error.position == SourcePosition(line: 1, column: 101))
        #expect((try? entries[1].get()) != nil)
    }

    @Test func reportsUnknownShapesAndFaults() {
        #expect(kinds(#"{"order": 1}"#).first?.hasPrefix("error: unknown document shape") == true)
        #expect(kinds(#"[1]"#).first?.hasPrefix("error: expected a QBO or HubSpot document") == true)
        #expect(kinds(#"{"Fault": {"Error": [{"Message": "Stale Object Error", "code": "5010"}]}}"#).first?.contains("code 5010") == true)
        #expect(kinds(#"{"id": "1", "properties": {"zzz": "1"}}"#).first?.contains("cannot be told") == true)
    }

    @Test func readsEditsAndRefusesMismatchedSides() {
        #expect(kinds(#"{"before": {"Invoice": {"Id": "1"}}, "after": {"Invoice": {"Id": "1"}}}"#) == ["edit of QBO Invoice"])
        #expect(kinds(#"{"before": null, "after": {"Invoice": {"Id": "1"}}}"#) == ["edit of QBO Invoice"])
        #expect(kinds(#"{"before": {"Invoice": {"Id": "1"}}, "after": {"Customer": {"Id": "1"}}}"#).first?.contains("BEFORE is a QBO Invoice but AFTER is a QBO Customer") == true)
    }

    @Test func entityNamesAreToldAlikeBySetAndSwitch() {
        for name in QBOEntity.knownNames.sorted() + ["invoice", "Invoices", "Unknown", ""] {
            #expect(QBOEntity.isKnownName(name) == QBOEntity.knownNames.contains(name), "\(name)")
        }
        #expect(QBOEntity.transactionNames.union(QBOEntity.nameEntityNames).allSatisfy(QBOEntity.isKnownName))
        // A record's member that opens with anything but a capital is told from its first byte
        // to be no entity: every entity name must open with one.
        #expect(QBOEntity.knownNames.allSatisfy { $0.utf8.first.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? false })
    }

    /// A QBO entity beside `time` or `warnings` is that entity, whichever member comes first and
    /// however its name is written (escapes included); beside any other member, it is not.
    @Test func anEntityIsToldBesideTimeAndWarningsOnly() {
        #expect(kinds(#"{"time": "2015-07-24T10:33:39.11-07:00", "\u0049nvoice": {"Id": "1", "Line": []}}"#) == ["QBO Invoice"])
        #expect(kinds(#"{"warnings": [], "Customer": {"DisplayName": "A"}, "time": "t"}"#) == ["QBO Customer"])
        #expect(kinds(#"{"invoice": {"Id": "1", "Line": []}}"#).first?.hasPrefix("error: unknown document shape") == true)
        #expect(kinds(#"{"id": "1", "Invoice": {"Id": "1", "Line": []}}"#) != ["QBO Invoice"])
        #expect(kinds(#"{"Invoice": {"Id": "1", "Line": []}, "\u0069d": "1"}"#) != ["QBO Invoice"])
    }

    /// A HubSpot record is told by its members whatever their order or spelling; beside a
    /// member no CRM record carries, or without `id`, `associations` or `createdAt`, it is read
    /// as the other shapes read it.
    @Test func aHubSpotRecordIsToldByItsMembersOnly() {
        let contact = #""properties": {"email": "a@b.c"}"#
        for members in [#""id": "1", "# + contact, contact + #", "createdAt": "2025-01-01T00:00:00Z", "archived": false"#,
                        #""\u0069d": "1", "updatedAt": "x", "archivedAt": null, "propertiesWithHistory": {}, "# + contact,
                        contact + #", "associations": {}"#] {
            #expect(kinds("{" + members + "}") == ["HubSpot contact"], "\(members)")
            #expect(kinds("{" + members + "}", name: "t.ndjson") == ["HubSpot contact"], "\(members)")
        }
        #expect(kinds(#"{"updatedAt": "x", "# + contact + "}").first?.hasPrefix("error: unknown document shape") == true)
        #expect(kinds(#"{"qbcheck": 1, "id": "1", "# + contact + "}") != ["HubSpot contact"])
        #expect(kinds(#"{"id": "1", "results": [{"id": "2", "properties": {"domain": "a.example"}}], "# + contact + "}")
                == ["HubSpot company", "HubSpot contact"], "a list's records are read, then the object")
        #expect(kinds(#"{"id": "1", "Invoice": {"Id": "1", "Line": []}, "# + contact + "}") == ["HubSpot contact"])
    }

    /// Association keys and object types are read in every spelling the APIs write them, and
    /// nothing else is taken for a type.
    @Test func objectTypesAreReadInEverySpellingAndNothingElse() {
        let spellings: [(String, CRMObjectType)] = [
            ("contact", .contacts), ("contacts", .contacts), ("company", .companies), ("companies", .companies),
            ("product", .products), ("products", .products), ("invoice", .invoices), ("invoices", .invoices),
            ("line_item", .lineItems), ("line_items", .lineItems), ("lineitem", .lineItems), ("lineitems", .lineItems),
            ("line items", .lineItems), ("Line Items", .lineItems), ("LINE-ITEMS", .lineItems),
            ("commerce_payment", .commercePayments), ("commerce_payments", .commercePayments), ("payment", .commercePayments),
            ("Payments", .commercePayments), ("tax", .taxes), ("taxes", .taxes), ("Contacts", .contacts),
        ]
        for (name, type) in spellings { #expect(CRMObjectType(apiName: name) == type, "\(name)") }
        for name in ["", "c", "p", "deals", "tickets", "contactz", "invoice_to_contact", "lineitemz", "taxs", "comerce_payments", "products ", "Line Ítems", "ﬁle"] {
            #expect(CRMObjectType(apiName: name) == nil, "\(name)")
        }
    }

    /// Each thread reads NDJSON lines, and invoices' lines, into arrays it uses over again: an
    /// array must never be written over while a record read from it is still held, whether
    /// the records are kept (as workers keep a chunk's) or let go one by one.
    @Test func recordsKeptWhileOthersAreReadKeepTheirOwnBytesAndLines() throws {
        func invoice(_ number: Int, lines: Int) -> String {
            let line = (0..<lines).map { #"{"Id": "\#(number)-\#($0)", "DetailType": "SalesItemLineDetail", "Amount": \#($0 + 1), "Description": "Line \#($0) of \#(number)"}"# }
            return #"{"Invoice": {"Id": "\#(number)", "DocNumber": "D\#(number)", "CustomerRef": {"value": "1"}, "Line": [\#(line.joined(separator: ","))]}, "time": "t"}"#
        }
        let sizes = [3, 1, 12, 2, 40, 1, 5]
        let text = sizes.enumerated().map { invoice($0.offset, lines: $0.element) }.joined(separator: "\n")
        var kept: [Document] = []
        for round in 0..<3 {
            NDJSONLines.forEachDocument(in: Array(text.utf8)[...], firstLine: 1, path: "t.ndjson",
                                        reading: DocumentReader.Reading(hint: nil, skimsBulkRecords: false)) { entry, _ in
                // The first round keeps every record; the others let each go when read.
                if round == 0, case .success(.document(let document)) = entry { kept.append(document) }
            }
        }
        #expect(kept.count == sizes.count)
        for (number, document) in kept.enumerated() {
            let invoice = try #require(document.transaction)
            #expect(invoice.docNumber?.value == "D\(number)")
            #expect(invoice.allLines.count == sizes[number])
            #expect(invoice.allLines.map { document.text($0.id) } == (0..<sizes[number]).map { "\(number)-\($0)" })
            #expect(invoice.allLines.map { document.text($0.description) } == (0..<sizes[number]).map { "Line \($0) of \(number)" })
            #expect(invoice.allLines.compactMap { $0.amount?.value } == (0..<sizes[number]).map { ExactDecimal($0 + 1) })
        }
    }
}
