import QBCheckCore
import QBCheckRules

// libFuzzer entry: the reader, document recognition and every rule, on arbitrary bytes, with
// and without an account snapshot; and the direct reader of NDJSON lines against the usual way.
// Built by Scripts/fuzz.sh (swiftc -sanitize=fuzzer,address).

/// A small account, so the rules that need one run too.
private let account: AccountSnapshot = {
    let files = [
        "acct/quickbooks/preferences.json": #"{"Preferences": {"AccountingInfoPrefs": {"BookCloseDate": "2024-12-31"}, "SalesFormsPrefs": {"CustomTxnNumbers": true}, "ProductAndServicesPrefs": {"RevenueRecognitionEnabled": true}, "CurrencyPrefs": {"HomeCurrency": {"value": "USD"}, "MultiCurrencyEnabled": true}}}"#,
        "acct/quickbooks/companyinfo.json": #"{"CompanyInfo": {"CompanyName": "Fuzz", "Country": "CA"}}"#,
        "acct/quickbooks/customers.json": #"{"QueryResponse": {"Customer": [{"Id": "1", "DisplayName": "Amy", "PrimaryEmailAddr": {"Address": "a@x.example"}, "CurrencyRef": {"value": "USD"}}, {"Id": "2", "DisplayName": "Old", "Active": false}]}}"#,
        "acct/quickbooks/items.json": #"{"QueryResponse": {"Item": [{"Id": "21", "Name": "Service", "Sku": "S-1", "Type": "Service"}, {"Id": "22", "Name": "Old", "Sku": "S-2", "Active": false}]}}"#,
        "acct/hubspot/companies.json": #"{"results": [{"id": "5", "properties": {"name": "Biglytics"}}]}"#,
        "acct/hubspot/invoices.json": #"{"results": [{"id": "9", "properties": {"hs_number": "INV-1", "hs_invoice_source": "hubspot"}}]}"#,
        "acct/hubspot/account.json": #"{"qbcheckHubSpotAccount": 1, "operationsHub": "free", "connectingUser": {"superAdmin": false}}"#,
        "acct/qbcheck.json": #"{"qbcheck": 1, "sync": {"setupDate": "2025-01-02", "invoices": {"customFieldMappings": [{"hubspotProperty": "x", "quickbooksField": "Crew #"}]}}}"#,
    ]
    return AccountLoader(fileSystem: .inMemory(files)).load("acct").snapshot
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the file name (JSON, NDJSON, a HubSpot type) and the context.
    let names = ["fuzz.json", "fuzz.ndjson", "contacts.json", "line_items.json", "invoices.json", "qbcheck.json"]
    let selector = Int(bytes.first ?? 0)
    let file = SourceFile(name: names[selector % names.count], bytes: Array(bytes.dropFirst()))
    var subjects: [Subject] = []
    for entry in DocumentReader.read(file) {
        if case .success(let subject) = entry { subjects.append(subject) }
    }
    // An NDJSON line read straight into the model must read as the usual way reads it.
    if let direct = DirectRecordReader.read(file) {
        var usual: [(DocumentReader.Entry, Int)] = []
        DocumentReader.forEachInLineByTape(file, reading: DocumentReader.Reading(hint: nil, skimsBulkRecords: false)) { usual.append(($0, $1)) }
        guard usual.count == 1, case (.success(.document(let document)), let offset) = usual[0],
              describe(document, offset: offset) == describe(direct.document, offset: direct.offset) else {
            fatalError("the direct reader read a line otherwise than the usual way")
        }
    }
    let withAccount = selector & 0x80 != 0
    let context = RuleContext(account: withAccount ? account : nil, declaredOrigin: selector & 0x40 != 0 ? .hubspot : nil, batch: subjects)
    let report = RuleRegistry.engine.run(subjects, in: context)
    for finding in report.findings { _ = file.position(of: finding.position.column) }
    return 0
}

/// A document field by field, with every place.
private func describe(_ document: Document, offset: Int) -> String {
    var text = "\(offset) \(document.location.offset) \(document.pointer)\n"
    dump(document.content, to: &text)
    return text
}
