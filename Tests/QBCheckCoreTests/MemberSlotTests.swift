import QBCheckCore
import Testing

/// The QBO model reads an invoice's, a line's and a customer's members once into slots
/// (`MemberSlot`) instead of looking each field up by name: the slots must read exactly what
/// the lookups read, whatever the record's order, repeats, escapes and nulls.
@Suite struct MemberSlotTests {
    private func invoice(_ members: String) throws -> QBOTransaction? {
        try invoiceDocument(members)?.transaction
    }

    private func invoiceDocument(_ members: String) throws -> Document? {
        let entries = DocumentReader.read(SourceFile(name: "t.json", text: #"{"Invoice": {"# + members + "}}"))
        return try #require(entries.first).get().resulting
    }

    private func failure(_ text: String) throws -> InputError {
        let entries = DocumentReader.read(SourceFile(name: "t.json", text: text))
        guard case .failure(let error) = try #require(entries.first) else {
            Issue.record("the record was read")
            throw ReadUnexpectedly()
        }
        return error
    }

    private struct ReadUnexpectedly: Error {}

    @Test func theLastOfARepeatedMemberCountsAsALookupTakesIt() throws {
        let read = try #require(try invoice(#""DocNumber": "1", "CustomerRef": {"value": "7"}, "Line": [], "DocNumber": "2""#))
        #expect(read.docNumber?.value == "2")
        #expect(read.customer?.value == "7")
    }

    @Test func membersAreFoundInAnyOrderAndNamesWithEscapesAlike() throws {
        let read = try #require(try invoice(#""TotalAmt": 5.5, "Line": [], "Doc\u004Eumber": "1037", "CustomerRef": {"value": "7"}, "Id": "12""#))
        #expect(read.docNumber?.value == "1037")
        #expect(read.totalAmount?.value == ExactDecimal("5.5"))
        #expect(read.id?.value == "12")
    }

    @Test func nullIsAbsentAndUnknownMembersAreLeftAlone() throws {
        let read = try #require(try invoice(#""DocNumber": null, "Line": [], "CustomerRef": {"value": "7"}, "DocNumbers": "9", "Doc": "8""#))
        #expect(read.docNumber == nil)
    }

    @Test func aLineOfAnUnknownDetailTypeKeepsItsDetailByName() throws {
        let document = try #require(try invoiceDocument(#""CustomerRef": {"value": "7"}, "Line": [{"DetailType": "TaxLineDetail", "Amount": 1, "TaxLineDetail": {"TaxCodeRef": {"value": "TAX"}}}]"#))
        let line = try #require(document.transaction?.lines.first)
        #expect(line.kind == .other)
        #expect(document.text(line.detailType) == "TaxLineDetail")
        #expect(document.text(line.taxCode) == "TAX")
        #expect(document.text(line.taxCode, is: "TAX"))
    }

    @Test func aLineReadsOnlyTheDetailOfItsType() throws {
        // A sales line's item comes from `SalesItemLineDetail`, not from a stray group detail.
        let line = #"{"DetailType": "SalesItemLineDetail", "Amount": 2, "GroupLineDetail": {"GroupItemRef": {"value": "30"}}, "SalesItemLineDetail": {"ItemRef": {"value": "5"}, "Qty": 2}}"#
        let document = try #require(try invoiceDocument(#""CustomerRef": {"value": "7"}, "Line": ["# + line + "]"))
        let read = try #require(document.transaction)
        #expect(document.text(read.lines.first?.item) == "5")
        #expect(read.lines.first?.quantity?.value == ExactDecimal("2"))
    }

    @Test func aWrongTypeIsReportedAtTheMemberReadFirst() throws {
        // Two wrong members: the error names the one the model reads first (Id before TotalAmt),
        // wherever they stand in the record.
        let error = try failure(#"{"Invoice": {"TotalAmt": "lots", "Line": [], "Id": [1]}}"#)
        #expect(error.pointer?.text == "/Invoice/Id")
        #expect(error.message.contains("expected a string, found an array"))
        let detail = try failure(#"{"Invoice": {"Line": [{"DetailType": "SalesItemLineDetail", "SalesItemLineDetail": {"Qty": "two"}}]}}"#)
        #expect(detail.pointer?.text == "/Invoice/Line/0/SalesItemLineDetail/Qty")
        let notObject = try failure(#"{"Invoice": {"Line": [{"DetailType": "SalesItemLineDetail", "SalesItemLineDetail": 3}]}}"#)
        #expect(notObject.pointer?.text == "/Invoice/Line/0/SalesItemLineDetail")
        #expect(notObject.message.contains("expected an object, found a number 3"))
    }

    @Test func aCustomersMembersAreReadTheSameWay() throws {
        let text = #"{"Customer": {"Active": "false", "DisplayName": "Amy", "PrimaryEmailAddr": {"Address": "amy@example.com"}, "DisplayName": "Amy's Bird Sanctuary"}}"#
        let customer = try #require(try DocumentReader.read(SourceFile(name: "t.json", text: text)).first?.get().resulting?.nameEntity)
        #expect(customer.displayName?.value == "Amy's Bird Sanctuary")
        #expect(customer.email?.value == "amy@example.com")
        #expect(customer.active == false)
    }
}
