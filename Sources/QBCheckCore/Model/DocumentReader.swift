/// Recognizes the documents in a file by their shape, as the QBO and HubSpot APIs send them.
///
/// QBO: bare entities, `{"Invoice": {...}, "time": ...}` wrappers, `QueryResponse`, batch
/// requests and responses, CDC responses. HubSpot: single objects, `{"results": [...]}` list and
/// batch pages. Also `{"before": ..., "after": ...}` edits, `qbcheck.json`, and arrays of any of
/// these. One bad record in a list is reported alone; its neighbours are still read.
public enum DocumentReader {
    public typealias Entry = Result<Subject, InputError>

    /// Reads every document of a file. `objectType` names the HubSpot type when the file's
    /// name says it (`hubspot/contacts.json` in an account snapshot).
    public static func read(_ file: SourceFile, objectType: CRMObjectType? = nil) -> [Entry] {
        var entries: [Entry] = []
        forEach(in: file, objectType: objectType) { entry, _ in entries.append(entry) }
        return entries
    }

    /// Hands each document to `body` as soon as it is read, with the byte offset reached in the
    /// file (for progress). The records of query responses, list pages, batches and top-level
    /// arrays are read one at a time, so no tree ever holds a whole export.
    public static func forEach(in file: SourceFile, objectType: CRMObjectType? = nil, _ body: (Entry, Int) -> Void) {
        forEach(in: file, hint: objectType ?? hubSpotType(fromFileName: file.name), body)
    }

    /// The same, with the HubSpot type the file's name announces already worked out (NDJSON
    /// readers hand every line of one file here).
    public static func forEach(in file: SourceFile, hint: CRMObjectType?, _ body: (Entry, Int) -> Void) {
        forEach(in: file, reading: Reading(hint: hint, skimsBulkRecords: false), body)
    }

    /// How a file is read: the HubSpot type its name announces, and whether QBO records that
    /// an account snapshot's first look does not need (`AccountSnapshot.isReadOnFirstLook`:
    /// transactions, payments) are only recognized, not read into their model
    /// (`QBOEntity.other`): they are read whole later, one at a time.
    public struct Reading: Sendable {
        public var hint: CRMObjectType?
        public var skimsBulkRecords: Bool
        /// Whether records may be read straight into the model (`DirectRecordReader`): off
        /// only for the tests that compare it with the usual way.
        package var readsRecordsDirectly = true

        public init(hint: CRMObjectType?, skimsBulkRecords: Bool) {
            self.hint = hint
            self.skimsBulkRecords = skimsBulkRecords
        }
    }

    /// The same, read as `reading` says.
    public static func forEach(in file: SourceFile, reading: Reading, _ body: (Entry, Int) -> Void) {
        // A query response's list of records the first look does not need is stepped over.
        let skips: ([String]) -> Bool = reading.skimsBulkRecords
            ? { path in path.count == 2 && path[0] == "QueryResponse" && !AccountSnapshot.isReadOnFirstLook(name: path[1]) }
            : { _ in false }
        withoutActuallyEscaping(body) { body in
            forEach(in: file, reading: reading, skips: skips, body)
        }
    }

    private static func forEach(in file: SourceFile, reading: Reading, skips: @escaping ([String]) -> Bool,
                                _ body: @escaping (Entry, Int) -> Void) {
        // A query response's transactions, customers, vendors and employees are read straight
        // into the model, as NDJSON lines are (a first look steps over the transactions' lists:
        // `skips`).
        let readsElement: (([String], Int, Int, Int) -> Int?)? = !reading.readsRecordsDirectly ? nil : { path, index, start, depthLeft in
            guard path.count == 2, path[0] == "QueryResponse", DirectRecordReader.takes(entity: path[1]),
                  let (document, end) = DirectRecordReader.readElement(of: file, at: start, entity: path[1],
                                                                          pointer: JSONPointer(path).appending(index), depthLeft: depthLeft)
            else { return nil }
            body(.success(.document(document)), start)
            return end
        }
        JSONReader.forEachPiece(in: file, streams: streamsRecords, leadsToStreamed: leadsToRecords, skips: skips, readsElement: readsElement) { piece in
            switch piece {
            case .success(.skipped(let path, _, let offset)):
                // One record stands for the list: the first look notes the kind, keeps nothing.
                let location = Location(offset: offset)
                let document = Document(file: file, location: location, pointer: JSONPointer(path).appending(0), content: .quickbooks(.other(path[1], location)))
                body(.success(.document(document)), offset)
            case .failure(let error):
                body(.failure(InputError(error, in: file)), error.offset)
            case .success(.value(let node)):
                for result in read(node, in: file, reading: reading) {
                    body(result.mapError { InputError($0, in: file, within: node.location, at: node.pointer ?? .root) }, node.offset)
                }
            case .success(.element(let path, _, let node)):
                for result in element(node, in: path, file: file, reading: reading) {
                    body(result.mapError { InputError($0, in: file, within: node.location, at: node.pointer ?? .root) }, node.offset)
                }
            }
        }
    }

    /// One NDJSON line. A sales transaction (`{"Invoice": {...}, "time": ...}`, the common case)
    /// or a customer, vendor or employee is read straight into the model (`DirectRecordReader`);
    /// any other line, or one that reader refuses, the usual way (`forEachInLineByTape`), which
    /// reports what is reported.
    public static func forEachInLine(_ file: SourceFile, reading: Reading, _ body: (Entry, Int) -> Void) {
        // A first look skims transactions (`Reading.skimsBulkRecords`): the usual way does that.
        if reading.readsRecordsDirectly, let (document, offset) = DirectRecordReader.read(file, takingTransactions: !reading.skimsBulkRecords) {
            return body(.success(.document(document)), offset)
        }
        forEachInLineByTape(file, reading: reading, body)
    }

    /// The usual way of `forEachInLine`: the line onto a tape, read as one value when it holds a
    /// single record, without the streaming reader's path and handlers (five heap allocations
    /// per line). A line that holds a list of records, or that cannot be read, goes through
    /// `forEach(in:reading:_:)`, so what is reported never differs.
    package static func forEachInLineByTape(_ file: SourceFile, reading: Reading, _ body: (Entry, Int) -> Void) {
        guard case .success(let node) = JSONReader.readSingleNode(file) else { return forEach(in: file, reading: reading, body) }
        // An entity and `time`: read as `read` reads it first, with no list of results made
        // and no look for the members of a list (such a line has none).
        if let (name, entity) = MemberNames(node: node).onlyEntityBesidesTimeAndWarnings() {
            let result = quickbooks(entity, name: name, in: file, reading: reading)
            return body(result.mapError { InputError($0, in: file, within: node.location, at: .root) }, node.offset)
        }
        // A HubSpot record: read as `read` reads it first, with no look for a list either.
        if MemberNames(node: node).isHubSpotRecord() {
            return body(hubspot(node, in: file, hint: reading.hint).mapError { InputError($0, in: file, within: node.location, at: .root) }, node.offset)
        }
        guard !mayHoldRecordList(node) else { return forEach(in: file, reading: reading, body) }
        for result in read(node, in: file, reading: reading) {
            body(result.mapError { InputError($0, in: file, within: node.location, at: .root) }, node.offset)
        }
    }

    /// Whether the streaming reader could hand out elements of `node`: the names are those of
    /// `streamsRecords` and `leadsToRecords`, asked of the object's bytes (walking its member
    /// names as strings cost 0.7 % more).
    private static func mayHoldRecordList(_ node: Node) -> Bool {
        node.isArray || node.has("results") || node.has("QueryResponse") || node.has("BatchItemResponse") || node.has("BatchItemRequest")
    }

    /// The arrays whose elements are records: a top-level array, `results`, a batch's items,
    /// and a QueryResponse's entity lists.
    static func streamsRecords(_ path: [String]) -> Bool {
        switch path.count {
        case 0: true
        case 1: ["results", "BatchItemResponse", "BatchItemRequest"].contains(path[0])
        case 2: path[0] == "QueryResponse" && QBOEntity.isKnownName(path[1])
        default: false
        }
    }

    /// Whether `path` is one of the paths above, or leads to one (only `QueryResponse` is on the
    /// way to another): the reader follows no other path.
    static func leadsToRecords(_ path: [String]) -> Bool {
        streamsRecords(path) || (path.count == 1 && path[0] == "QueryResponse")
    }

    /// Reads one streamed element as its container says it is.
    private static func element(_ node: Node, in path: [String], file: SourceFile, reading: Reading) -> [Result<Subject, ShapeError>] {
        switch path.first {
        case "QueryResponse": [quickbooks(node, name: path[1], in: file, reading: reading)]
        case "BatchItemResponse", "BatchItemRequest": batchItem(node, in: file, reading: reading).map { [$0] } ?? []
        default: read(node, in: file, reading: reading)
        }
    }

    /// The HubSpot object type a file's name announces: `contacts.json`, `line_items.ndjson`.
    public static func hubSpotType(fromFileName name: String) -> CRMObjectType? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        return CRMObjectType(apiName: stem)
    }

    private static func read(_ node: Node, in file: SourceFile, reading: Reading) -> [Result<Subject, ShapeError>] {
        if node.isArray {
            return node.elements.flatMap { read($0, in: file, reading: reading) }
        }
        guard node.isObject else {
            return [.failure(ShapeError(at: node.location, "expected a QBO or HubSpot document (a JSON object), found \(node.typeName)"))]
        }
        let keys = MemberNames(node: node)
        // The shape of nearly every NDJSON line, told first: an object whose members are one
        // QBO entity and `time` or `warnings` has none of the members the shapes below look
        // for, so asking first changes no answer, and spares a line nine walks of its members.
        if let (name, entity) = keys.onlyEntityBesidesTimeAndWarnings() {
            return [quickbooks(entity, name: name, in: file, reading: reading)]
        }
        // A HubSpot record, told in one walk of its members: none of the shapes below looks for
        // the members it carries, so telling it first changes no answer, and spares each of a
        // HubSpot export's records a dozen walks of its members.
        if keys.isHubSpotRecord() {
            return [hubspot(node, in: file, hint: reading.hint)]
        }
        do throws(ShapeError) {
            if keys.contains("before") || keys.contains("after"), keys.isSubset(of: ["before", "after", "$comment"]) {
                return [try edit(node, in: file, reading: reading)]
            }
            if HubSpotAccount.recognizes(node) {
                return [.success(.document(Document(file: file, root: node, content: .hubspotAccount(try HubSpotAccount(node)))))]
            }
            if SyncSettings.recognizes(node) {
                return [.success(.document(Document(file: file, root: node, content: .settings(try SyncSettings(node)))))]
            }
            if let fault = node.child("Fault") {
                return [.failure(ShapeError(at: fault.location, "this is a QBO error response (Fault), not a record: \(faultSummary(fault))"))]
            }
            if let query = try node.object("QueryResponse") {
                return queryResponse(query, in: file, reading: reading)
            }
            if keys.contains("BatchItemResponse") || keys.contains("BatchItemRequest") {
                return try batch(node, in: file, reading: reading)
            }
            if keys.contains("CDCResponse") {
                var results: [Result<Subject, ShapeError>] = []
                for response in try node.array("CDCResponse") {
                    for query in try response.array("QueryResponse") { results += queryResponse(query, in: file, reading: reading) }
                }
                return results
            }
            if keys.contains("results"), !keys.contains("properties") {
                return try node.array("results").flatMap { read($0, in: file, reading: reading) }
            }
            if keys.contains("properties"), keys.contains("id") || keys.contains("associations") || keys.contains("createdAt") {
                return [hubspot(node, in: file, hint: reading.hint)]
            }
            if let name = bareQuickBooksEntity(keys) {
                return [quickbooks(node, name: name, in: file, reading: reading)]
            }
        } catch {
            return [.failure(error)]
        }
        let shown = node.keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
        return [.failure(ShapeError(at: node.location, "unknown document shape (keys \(shown)): expected a QBO entity, a QBO query or batch response, a HubSpot CRM object or list, or {\"before\", \"after\"}"))]
    }

    private static func faultSummary(_ fault: Node) -> String {
        let first = fault.child("Error")?.elements.first
        let code = first?.child("code")?.stringValue ?? "?"
        let message = first?.child("Message")?.stringValue ?? "?"
        return "code \(code), \"\(message)\""
    }

    private static func queryResponse(_ query: Node, in file: SourceFile, reading: Reading) -> [Result<Subject, ShapeError>] {
        var results: [Result<Subject, ShapeError>] = []
        for (key, value) in query.members where QBOEntity.knownNames.contains(key) {
            guard value.isArray else {
                results.append(.failure(ShapeError(at: value.location, "expected the QueryResponse's \"\(key)\" to be an array, found \(value.typeName)")))
                continue
            }
            for element in value.elements { results.append(quickbooks(element, name: key, in: file, reading: reading)) }
        }
        return results
    }

    private static func batch(_ node: Node, in file: SourceFile, reading: Reading) throws(ShapeError) -> [Result<Subject, ShapeError>] {
        (try node.array("BatchItemResponse") + node.array("BatchItemRequest")).compactMap { batchItem($0, in: file, reading: reading) }
    }

    /// One item of a batch request or response. Faults and queries are not records: nil.
    private static func batchItem(_ item: Node, in file: SourceFile, reading: Reading) -> Result<Subject, ShapeError>? {
        guard let name = item.members.map(\.key).first(where: { QBOEntity.knownNames.contains($0) }),
              let entity = item.child(name) else { return nil }
        var operation: Document.Operation?
        do throws(ShapeError) {
            if let text = try item.string("operation") {
                guard let parsed = Document.Operation(rawValue: text.value) else {
                    return .failure(ShapeError(at: text.location, "unknown batch operation \"\(text.value)\": QBO accepts create, update and delete"))
                }
                operation = parsed
            }
        } catch {
            return .failure(error)
        }
        return quickbooks(entity, name: name, in: file, reading: reading).map {
            guard case .document(let document) = $0 else { return $0 }
            return .document(Document(file: document.file, location: document.location, pointer: document.pointer, content: document.content, operation: operation))
        }
    }

    private static func quickbooks(_ node: Node, name: String, in file: SourceFile, reading: Reading) -> Result<Subject, ShapeError> {
        guard node.isObject else {
            return .failure(ShapeError(at: node.location, "expected the QBO \(name) to be an object, found \(node.typeName)"))
        }
        if reading.skimsBulkRecords, !AccountSnapshot.isReadOnFirstLook(name: name) {
            return .success(.document(Document(file: file, root: node, content: .quickbooks(.other(name, node.location)))))
        }
        do throws(ShapeError) {
            return .success(.document(Document(file: file, root: node, content: .quickbooks(try QBOEntity(node.untraced, name: name)))))
        } catch {
            return .failure(error)
        }
    }

    private static func hubspot(_ node: Node, in file: SourceFile, hint: CRMObjectType?) -> Result<Subject, ShapeError> {
        guard let type = hint ?? inferHubSpotType(node) else {
            return .failure(ShapeError(at: node.location, "a HubSpot object whose type cannot be told from its properties: name the file after its type (contacts.json, companies.json, products.json, invoices.json, line_items.json, commerce_payments.json)"))
        }
        do throws(ShapeError) {
            return .success(.document(Document(file: file, root: node, content: .hubspot(try CRMObject(node.untraced, type: type)))))
        } catch {
            return .failure(error)
        }
    }

    /// Tells a HubSpot object's type by the properties only that type carries.
    static func inferHubSpotType(_ node: Node) -> CRMObjectType? {
        // The properties that tell are read in one walk over the object's member names per table
        // of hints (compared as bytes: no set of every property name is made); a lookup by name
        // walked them once per name, up to 23 times for a company.
        let properties = node.child("properties")
        let invoiceOrPayment = properties?.fields.members(InvoiceOrPaymentHint.self)
        func has(_ hints: InvoiceOrPaymentHint...) -> Bool { hints.contains { invoiceOrPayment?.has($0) ?? false } }
        // The associations are named (a string each) only when the properties do not tell.
        func associatesLineItems() -> Bool {
            node.child("associations")?.keys.contains { CRMObjectType(apiName: $0) == .lineItems } ?? false
        }
        if has(.hs_invoice_status, .hs_invoice_source, .hs_invoice_date, .hs_due_date, .hs_amount_billed, .hs_balance_due, .hs_invoice_link)
            || associatesLineItems() { return .invoices }
        if has(.hs_initial_amount, .hs_payment_source_app, .hs_fees_amount, .hs_latest_status, .hs_payment_method_type) { return .commercePayments }
        let other = properties?.fields.members(OtherTypeHint.self)
        func has(_ hints: OtherTypeHint...) -> Bool { hints.contains { other?.has($0) ?? false } }
        if has(.hs_product_id, .quantity, .hs_line_item_currency_code) { return .lineItems }
        if has(.email, .firstname, .lastname) { return .contacts }
        if has(.price, .hs_sku, .hs_cost_of_goods_sold) { return .products }
        if has(.domain, .name) { return .companies }
        return nil
    }

    /// The properties only HubSpot invoices and payments carry, named as HubSpot names them.
    private enum InvoiceOrPaymentHint: Int, MemberSlot {
        case hs_invoice_status, hs_invoice_source, hs_invoice_date, hs_due_date, hs_amount_billed, hs_balance_due, hs_invoice_link,
             hs_initial_amount, hs_payment_source_app, hs_fees_amount, hs_latest_status, hs_payment_method_type
        static let names = MemberSlotTable(Self.self)
    }

    /// The properties that tell line items, contacts, products and companies apart.
    private enum OtherTypeHint: Int, MemberSlot {
        case hs_product_id, quantity, hs_line_item_currency_code, email, firstname, lastname, price, hs_sku, hs_cost_of_goods_sold, domain, name
        static let names = MemberSlotTable(Self.self)
    }

    /// A bare QBO entity's type, told by the fields only it carries.
    static func bareQuickBooksEntity(_ keys: MemberNames) -> String? {
        if keys.contains("Line"), keys.contains("CustomerRef") {
            if keys.contains("PaymentMethodRef") || keys.contains("UnappliedAmt") { return "Payment" }
            return "Invoice"
        }
        if keys.contains("BookCloseDate") || keys.contains("SalesFormsPrefs") || keys.contains("AccountingInfoPrefs") { return "Preferences" }
        if keys.contains("CompanyName"), keys.contains("Country") || keys.contains("LegalName") { return "CompanyInfo" }
        if keys.contains("Type"), keys.contains("Name"), !keys.contains("DisplayName") { return "Item" }
        if keys.contains("Vendor1099") { return "Vendor" }
        if keys.contains("EmployeeNumber") || keys.contains("BillableTime") { return "Employee" }
        if keys.contains("DisplayName") || keys.contains("GivenName") || keys.contains("FamilyName") { return "Customer" }
        return nil
    }

    private static func edit(_ node: Node, in file: SourceFile, reading: Reading) throws(ShapeError) -> Result<Subject, ShapeError> {
        func side(_ key: String) throws(ShapeError) -> Document? {
            guard let child = node.child(key), !child.isNull else { return nil }
            let results = read(child, in: file, reading: reading)
            guard results.count == 1, let only = results.first else {
                throw ShapeError(at: child.location, "\"\(key)\" of an edit must hold exactly one record, found \(results.count)")
            }
            switch only {
            case .failure(let error): throw error
            case .success(.document(let document)): return document
            case .success(.edit): throw ShapeError(at: child.location, "\"\(key)\" of an edit cannot itself be an edit")
            }
        }
        let before = try side("before")
        let after = try side("after")
        guard before != nil || after != nil else {
            throw ShapeError(at: node.location, "an edit needs \"before\", \"after\" or both")
        }
        return .success(.edit(try Edit(pairing: before, after, at: node.location)))
    }
}

/// The member names of an object, asked one at a time of its bytes: recognizing a record
/// costs no set of its names.
struct MemberNames {
    let node: Node

    func contains(_ name: String) -> Bool { node.has(name) }

    /// Whether every member name is one of `names`.
    func isSubset(of names: Set<String>) -> Bool {
        var inside = true
        node.forEachMemberName { inside = inside && names.contains($0) }
        return inside
    }

    /// Whether the object is a HubSpot CRM record as `read` tells one (`properties`, with `id`,
    /// `associations` or `createdAt`), with no member but those a CRM record carries: told from
    /// the members' bytes in one walk.
    func isHubSpotRecord() -> Bool {
        guard node.isObject else { return false }
        let tape = node.tape
        var hasProperties = false
        var hasAnchor = false
        var strangers = false
        tape.forEachMember(of: node.index) { key in
            if strangers { return }
            if tape.textEquals(key, "properties") {
                hasProperties = true
            } else if tape.textEquals(key, "id") || tape.textEquals(key, "associations") || tape.textEquals(key, "createdAt") {
                hasAnchor = true
            } else if !(tape.textEquals(key, "updatedAt") || tape.textEquals(key, "archived") || tape.textEquals(key, "archivedAt")
                        || tape.textEquals(key, "propertiesWithHistory")) {
                strangers = true
            }
        }
        return hasProperties && hasAnchor && !strangers
    }

    /// The name and value of the object's only QBO entity member (the last, if the name
    /// repeats), when every other member is `time` or `warnings` (`{"Invoice": {...}, "time":
    /// "..."}`); nil otherwise. `time` and `warnings` are told from the bytes.
    func onlyEntityBesidesTimeAndWarnings() -> (name: String, value: Node)? {
        guard node.isObject else { return nil }
        let tape = node.tape
        var entity: (name: String, index: Int)?
        var entities = 0
        var strangers = false
        tape.forEachMember(of: node.index) { key in
            // One stranger settles the answer: the other members need no look.
            if strangers || tape.textEquals(key, "time") || tape.textEquals(key, "warnings") { return }
            // QBO's entity names open with a capital: a key that opens otherwise is none of
            // them, told without a string made of it (every key of a HubSpot record is such,
            // and their strings had been a tenth of reading HubSpot's NDJSON).
            if tape.withRawText(at: key, { $0.first.map { $0 &- UInt8(ascii: "A") >= 26 } ?? true }) == true {
                strangers = true
                return
            }
            let name = tape.text(at: key)
            if QBOEntity.isKnownName(name) {
                if entity?.name != name { entities += 1 }
                entity = (name, key + 1)
            } else {
                strangers = true
            }
        }
        guard entities == 1, !strangers, let entity else { return nil }
        return (entity.name, Node(tape: tape, index: entity.index, at: node.pointer?.appending(entity.name)))
    }
}

extension Edit {
    /// Pairs two documents as BEFORE and AFTER of one record; refuses two different kinds.
    public init(pairing before: Document?, _ after: Document?, at location: Location) throws(ShapeError) {
        if let before, let after, before.kindName != after.kindName {
            throw ShapeError(at: location, "BEFORE is a \(before.kindName) but AFTER is a \(after.kindName): an edit compares two versions of one record")
        }
        self.init(before: before, after: after)
    }
}

extension Document {
    /// `QBO Invoice`, `HubSpot contact`: what kind of record this is.
    public var kindName: String {
        switch content {
        case .quickbooks(let entity): "QBO \(entity.name)"
        case .hubspot(let object): "HubSpot \(object.type.noun)"
        case .settings: "qbcheck.json"
        case .hubspotAccount: "hubspot/account.json"
        }
    }
}
