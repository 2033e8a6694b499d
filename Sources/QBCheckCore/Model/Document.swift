/// One record read from an input: a QBO entity, a HubSpot CRM object, or the sync settings,
/// with the file it came from and where it stands in it.
///
/// A class: every rule is handed every document, and a shared reference costs one retain where
/// a copied value would retain each of its parts.
public final class Document: Sendable {
    /// The settings and the HubSpot account description are boxed (`indirect`): held inline,
    /// the settings made every document of a million-record export 300 bytes larger.
    public enum Content: Sendable {
        case quickbooks(QBOEntity)
        case hubspot(CRMObject)
        indirect case settings(SyncSettings)
        /// `hubspot/account.json`: tier, connecting user, workflows.
        indirect case hubspotAccount(HubSpotAccount)
    }

    /// What a QBO batch request asks for the entity; nil when the document is a plain record.
    public enum Operation: String, Sendable {
        case create, update, delete
    }

    public let file: SourceFile
    public let location: Location
    /// The record's pointer in its file (`/QueryResponse/Invoice/3`; empty for a whole file):
    /// the pointers of its values are found from it.
    public let pointer: JSONPointer
    public let content: Content
    public let operation: Operation?

    public init(file: SourceFile, location: Location, pointer: JSONPointer, content: Content, operation: Operation? = nil) {
        self.file = file
        self.location = location
        self.pointer = pointer
        self.content = content
        self.operation = operation
    }

    /// A record read from `root`, a node the document reader traced from the file's root.
    public convenience init(file: SourceFile, root: Node, content: Content, operation: Operation? = nil) {
        self.init(file: file, location: root.location, pointer: root.pointer ?? .root, content: content, operation: operation)
    }

    public var transaction: QBOTransaction? {
        if case .quickbooks(.transaction(let transaction)) = content { return transaction }
        return nil
    }

    public var crmObject: CRMObject? {
        if case .hubspot(let object) = content { return object }
        return nil
    }

    public var nameEntity: QBONameEntity? {
        if case .quickbooks(.name(let entity)) = content { return entity }
        return nil
    }

    public var settings: SyncSettings? {
        if case .settings(let settings) = content { return settings }
        return nil
    }

    public var hubspotAccount: HubSpotAccount? {
        if case .hubspotAccount(let account) = content { return account }
        return nil
    }

    /// Whether the document is a record of QBO or HubSpot (not a description of settings).
    public var isRecord: Bool {
        switch content {
        case .quickbooks, .hubspot: true
        case .settings, .hubspotAccount: false
        }
    }

    /// A HubSpot invoice or a QBO Invoice.
    public var isInvoice: Bool {
        transaction?.entity == "Invoice" || crmObject?.type == .invoices
    }

    /// The record's id in its system (QBO `Id`, HubSpot `id`), if it has one yet.
    public var recordID: String? {
        switch content {
        case .quickbooks(let entity): entity.id?.value
        case .hubspot(let object): object.id?.value
        case .settings, .hubspotAccount: nil
        }
    }

    /// How messages name the record: `invoice 1037`, `contact 512`, `customer "Amy's Bird Sanctuary"`.
    public var label: String {
        switch content {
        case .quickbooks(.transaction(let transaction)):
            let noun = transaction.entity.sentenceCased
            if let number = transaction.docNumber?.value { return "\(noun) \(number)" }
            if let id = transaction.id?.value { return "\(noun) with Id \(id)" }
            return "new \(noun)"
        case .quickbooks(.name(let entity)):
            if let name = entity.effectiveDisplayName?.value { return "\(entity.entity.sentenceCased) \"\(name)\"" }
            return "\(entity.entity.sentenceCased) \(entity.id?.value ?? "(new)")"
        case .quickbooks(.item(let item)):
            if let name = item.name?.value { return "product \"\(name)\"" }
            return "product \(item.id?.value ?? "(new)")"
        case .quickbooks(let entity):
            return "\(entity.name.sentenceCased) \(entity.id?.value ?? "")".trimmingSpaces
        case .hubspot(let object):
            if object.type == .invoices, let number = object["hs_number"]?.value { return "invoice \(number)" }
            return "\(object.type.noun) \(object.id?.value ?? "(new)")"
        case .settings:
            return "sync settings"
        case .hubspotAccount:
            return "HubSpot account settings"
        }
    }
}

/// The QBO entities the sync rules read; others are kept as `other` and checked by no rule.
public enum QBOEntity: Sendable {
    case transaction(QBOTransaction)
    case payment(QBOPayment)
    case name(QBONameEntity)
    case item(QBOItem)
    case companyInfo(QBOCompanyInfo)
    case preferences(QBOPreferences)
    case other(String, Location)

    /// Entity names as QBO writes them in wrappers and query responses.
    public static let transactionNames: Set<String> = ["Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt"]
    public static let nameEntityNames: Set<String> = ["Customer", "Vendor", "Employee"]
    public static let knownNames: Set<String> = transactionNames.union(nameEntityNames).union([
        "Payment", "Item", "CompanyInfo", "Preferences", "Account", "TaxCode", "TaxRate", "Term", "Class",
        "Department", "PaymentMethod", "Bill", "Purchase", "JournalEntry", "Deposit", "Transfer", "TimeActivity",
        "VendorCredit", "PurchaseOrder", "BillPayment", "Budget", "Attachable", "TaxAgency", "CompanyCurrency",
        "ExchangeRate", "JournalCode", "Entitlements",
    ])

    /// Whether `name` is one of `knownNames`, asked without touching the shared set: it is asked
    /// of every record, on every worker thread, and a shared set's storage is a reference count
    /// the threads would pass back and forth.
    public static func isKnownName(_ name: String) -> Bool {
        switch name {
        case "Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt", "Customer", "Vendor", "Employee": true
        default: knownNames.contains(name)
        }
    }

    public init(_ node: Node, name: String) throws(ShapeError) {
        switch name {
        case "Invoice", "CreditMemo", "SalesReceipt", "Estimate", "RefundReceipt": self = .transaction(try node.withFields { (fields) throws(ShapeError) in try QBOTransaction(fields, entity: name) })
        case "Customer", "Vendor", "Employee": self = .name(try node.withFields { (fields) throws(ShapeError) in try QBONameEntity(fields, entity: name) })
        case "Payment": self = .payment(try QBOPayment(node))
        case "Item": self = .item(try QBOItem(node))
        case "CompanyInfo": self = .companyInfo(try QBOCompanyInfo(node))
        case "Preferences": self = .preferences(try QBOPreferences(node))
        default: self = .other(name, node.location)
        }
    }

    public var name: String {
        switch self {
        case .transaction(let transaction): transaction.entity
        case .payment: "Payment"
        case .name(let entity): entity.entity
        case .item: "Item"
        case .companyInfo: "CompanyInfo"
        case .preferences: "Preferences"
        case .other(let name, _): name
        }
    }

    public var id: Located<String>? {
        switch self {
        case .transaction(let transaction): transaction.id
        case .payment(let payment): payment.id
        case .name(let entity): entity.id
        case .item(let item): item.id
        default: nil
        }
    }
}

extension String {
    private static let sentenceCasedNames: [String: String] = [
        "Invoice": "invoice", "CreditMemo": "credit memo", "SalesReceipt": "sales receipt", "Estimate": "estimate",
        "RefundReceipt": "refund receipt", "Customer": "customer", "Vendor": "vendor", "Employee": "employee",
        "Payment": "payment", "Item": "item",
    ]

    /// `CreditMemo` → `credit memo`, `Invoice` → `invoice`.
    package var sentenceCased: String {
        // Labels are built for many records: the entity names QBO sends are known by heart.
        if let known = String.sentenceCasedNames[self] { return known }
        var result = ""
        for character in self {
            if character.isUppercase, !result.isEmpty { result.append(" ") }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }
}

/// A proposed change to one record: BEFORE and AFTER. A nil BEFORE is a creation, a nil AFTER
/// a deletion.
public struct Edit: Sendable {
    public var before: Document?
    public var after: Document?

    public init(before: Document?, after: Document?) {
        self.before = before
        self.after = after
    }

    /// The side that names the record (AFTER when present).
    public var primary: Document? { after ?? before }
}

/// What one rule run judges: a single document, or an edit of one.
public enum Subject: Sendable {
    case document(Document)
    case edit(Edit)

    /// The record as it will be: the document, or an edit's AFTER (nil for a deletion).
    public var resulting: Document? {
        switch self {
        case .document(let document): document
        case .edit(let edit): edit.after
        }
    }
}

extension Document {
    /// The pointer of a value read from this record.
    public func pointer(of location: Location) -> JSONPointer {
        file.pointer(of: location, within: self.location, at: pointer)
    }
}
