/// QBO's custom field definitions, as the user describes them in
/// `DIR/quickbooks/custom-fields.json` (format version 1).
///
/// The QBO Accounting API does not expose a field's type, category, print setting or sales
/// forms (only the first three string fields' names, in Preferences), yet the sync maps only
/// fields that are *Text and number*, in the *Transaction* category, printable, and on all
/// sales forms, and only the first three created. This file records what QBO's Custom fields
/// screen shows, so those rules can be checked.
public struct CustomFieldDefinitions: Sendable {
    public static let formatVersion = 1

    public struct Definition: Sendable {
        public var location: Location
        public var name: Located<String>
        /// `text-and-number`, `number`, `date` or `dropdown`, as QBO's *Data type*.
        public var type: Located<String>
        /// `transaction`, `customer`, `vendor` or `project`, as QBO's *Category*.
        public var category: Located<String>
        public var printable: Located<Bool>
        /// Which sales forms the field is on: invoices, estimates, sales receipts.
        public var salesForms: [String: Located<Bool>]
        public var salesFormsLocation: Location
        /// 1 for the field created first; the API exposes only the first three.
        public var creationOrder: Located<Int>
        public var active: Bool
    }

    public static let types = ["text-and-number", "number", "date", "dropdown"]
    public static let categories = ["transaction", "customer", "vendor", "project"]
    public static let salesFormNames = ["invoices", "estimates", "salesReceipts"]

    public var file: SourceFile
    public var definitions: [Definition]

    public static func recognizes(_ node: Node) -> Bool {
        node.has("qbcheckCustomFields")
    }

    public init(_ node: Node, file: SourceFile) throws(ShapeError) {
        self.file = file
        guard try node.decimal("qbcheckCustomFields")?.value == ExactDecimal(Self.formatVersion) else {
            throw ShapeError(at: node.location, "custom-fields.json needs \"qbcheckCustomFields\": \(Self.formatVersion), the format version")
        }
        var definitions: [Definition] = []
        for field in try node.array("fields") {
            definitions.append(try Self.definition(field))
        }
        self.definitions = definitions
    }

    private static func definition(_ node: Node) throws(ShapeError) -> Definition {
        func required<T>(_ key: String, _ read: (String) throws(ShapeError) -> Located<T>?) throws(ShapeError) -> Located<T> {
            guard let value = try read(key) else {
                throw ShapeError(at: node.location, "a custom field definition needs \"\(key)\"")
            }
            return value
        }
        func oneOf(_ key: String, _ allowed: [String]) throws(ShapeError) -> Located<String> {
            let value = try required(key) { (key) throws(ShapeError) in try node.string(key) }
            guard allowed.contains(value.value) else {
                throw ShapeError(at: value.location, "unknown \(key) \"\(value.value)\": use one of \(allowed.joined(separator: ", "))\(Suggestion.hint(for: value.value, in: allowed))")
            }
            return value
        }
        let order = try required("creationOrder") { (key) throws(ShapeError) in try node.decimal(key) }
        guard let number = Int(order.value.description), number >= 1 else {
            throw ShapeError(at: order.location, "creationOrder must be a whole number from 1 (the field created first)")
        }
        guard let forms = try node.object("salesForms") else {
            throw ShapeError(at: node.location, "a custom field definition needs \"salesForms\": {\"invoices\", \"estimates\", \"salesReceipts\"}")
        }
        var salesForms: [String: Located<Bool>] = [:]
        for name in salesFormNames {
            if let flag = try forms.bool(name) { salesForms[name] = flag }
        }
        return Definition(
            location: node.location,
            name: try required("name") { (key) throws(ShapeError) in try node.string(key) },
            type: try oneOf("type", types),
            category: try oneOf("category", categories),
            printable: try required("printable") { (key) throws(ShapeError) in try node.bool(key) },
            salesForms: salesForms,
            salesFormsLocation: forms.location,
            creationOrder: Located(number, at: order.location),
            active: try node.bool("active")?.value ?? true)
    }
}
