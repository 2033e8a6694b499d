/// The sync settings and rule configuration of `qbcheck.json` (format version 1).
///
/// They say what HubSpot's sync setup says: which object pairs sync, in which direction, which
/// default mappings are on, which custom fields are mapped. Unknown keys are errors (with the
/// closest valid key), so a typo never silently turns a setting off.
public struct SyncSettings: Sendable {
    public static let formatVersion = 1

    public enum Direction: String, Sendable, CaseIterable {
        case twoWay = "two-way"
        case quickbooksToHubSpot = "quickbooks-to-hubspot"
        case hubspotToQuickBooks = "hubspot-to-quickbooks"

        public var writesToQuickBooks: Bool { self != .quickbooksToHubSpot }
        public var writesToHubSpot: Bool { self != .hubspotToQuickBooks }
    }

    /// One object pair's settings (contacts ⇔ customers, products ⇔ items, invoices ⇔ invoices).
    public struct ObjectSync: Sendable {
        public var location: Location
        public var enabled: Bool
        public var direction: Direction
        public var conflictResolution: Origin?
        /// Custom mappings (Operations Hub Starter and up).
        public var customMappings: [FieldMapping]
        /// Filters the user set; nil means HubSpot's recommended filters from the setup date.
        public var quickbooksToHubSpotFilter: SyncFilter?
        public var hubspotToQuickBooksFilter: SyncFilter?
        /// Where `filters.hubspotToQuickBooks` stands, when given.
        public var hubspotToQuickBooksFilterLocation: Location?
        /// The default mappings switched off (`"mappings": {"phone": false}`), by name.
        public var switchedOffMappings: Set<String>

        package init(location: Location, enabled: Bool, direction: Direction, conflictResolution: Origin?, customMappings: [FieldMapping],
                     quickbooksToHubSpotFilter: SyncFilter?, hubspotToQuickBooksFilter: SyncFilter?, hubspotToQuickBooksFilterLocation: Location?,
                     switchedOffMappings: Set<String> = []) {
            self.location = location
            self.enabled = enabled
            self.direction = direction
            self.conflictResolution = conflictResolution
            self.customMappings = customMappings
            self.quickbooksToHubSpotFilter = quickbooksToHubSpotFilter
            self.hubspotToQuickBooksFilter = hubspotToQuickBooksFilter
            self.hubspotToQuickBooksFilterLocation = hubspotToQuickBooksFilterLocation
            self.switchedOffMappings = switchedOffMappings
        }

        /// Whether a default mapping is on (every one is, unless switched off).
        public func maps(_ name: String) -> Bool {
            !switchedOffMappings.contains(name)
        }
    }

    /// A HubSpot invoice property mapped to a QBO invoice custom field, by the field's name.
    public struct CustomFieldMapping: Sendable {
        public var location: Location
        public var hubspotProperty: Located<String>
        public var quickbooksField: Located<String>
    }

    public var location: Location
    public var setupDate: Located<CalendarDate>?
    public var contacts: ObjectSync?
    public var products: ObjectSync?
    public var invoices: ObjectSync?
    /// The default mapping *Display name ← Associated company name* (on unless switched off).
    public var displayNameFromCompany: Located<Bool>?
    public var invoiceCustomFieldMappings: [CustomFieldMapping]
    /// The income account the *Custom line item* product posts to (named in the invoice-sync setup).
    public var customLineItemIncomeAccount: Located<String>?
    /// The rule configuration: `rules` and `suppressions`.
    public var rules: RuleConfiguration

    /// Settings when there is no `qbcheck.json`: nothing mapped, every rule at its default.
    public static let defaults = SyncSettings(
        location: Location(offset: 0), setupDate: nil, contacts: nil, products: nil, invoices: nil,
        displayNameFromCompany: nil, invoiceCustomFieldMappings: [], customLineItemIncomeAccount: nil, rules: .none)

    init(location: Location, setupDate: Located<CalendarDate>?, contacts: ObjectSync?, products: ObjectSync?,
         invoices: ObjectSync?, displayNameFromCompany: Located<Bool>?, invoiceCustomFieldMappings: [CustomFieldMapping],
         customLineItemIncomeAccount: Located<String>?, rules: RuleConfiguration) {
        self.location = location
        self.setupDate = setupDate
        self.contacts = contacts
        self.products = products
        self.invoices = invoices
        self.displayNameFromCompany = displayNameFromCompany
        self.invoiceCustomFieldMappings = invoiceCustomFieldMappings
        self.customLineItemIncomeAccount = customLineItemIncomeAccount
        self.rules = rules
    }

    /// Whether a JSON object is a `qbcheck.json` (it carries the `qbcheck` format key).
    public static func recognizes(_ node: Node) -> Bool {
        node.has("qbcheck")
    }

    public init(_ node: Node) throws(ShapeError) {
        try Self.expectKeys(node, ["qbcheck", "sync", "rules", "suppressions", "$comment"])
        guard let version = try node.decimal("qbcheck") else {
            throw ShapeError(at: node.location, "qbcheck.json needs \"qbcheck\": \(Self.formatVersion), the format version")
        }
        guard version.value == ExactDecimal(Self.formatVersion) else {
            throw ShapeError(at: version.location, "qbcheck.json format version \(version.value) is not supported: this qbcheck reads version \(Self.formatVersion)")
        }
        location = node.location
        let sync = try node.object("sync")
        if let sync { try Self.expectKeys(sync, ["setupDate", "contacts", "products", "invoices", "$comment"]) }
        setupDate = try sync?.date("setupDate")
        contacts = try sync?.object("contacts").map { (node) throws(ShapeError) in try Self.objectSync(node, object: "contacts", extraKeys: []) }
        products = try sync?.object("products").map { (node) throws(ShapeError) in try Self.objectSync(node, object: "products", extraKeys: []) }
        invoices = try sync?.object("invoices").map { (node) throws(ShapeError) in try Self.objectSync(node, object: "invoices", extraKeys: ["customFieldMappings", "customLineItemIncomeAccount"]) }
        customLineItemIncomeAccount = try sync?.object("invoices")?.string("customLineItemIncomeAccount")
        displayNameFromCompany = try sync?.object("contacts")?.object("mappings")?.bool(DefaultMapping.displayNameFromCompany)
        var mappings: [CustomFieldMapping] = []
        for mapping in try sync?.object("invoices")?.array("customFieldMappings") ?? [] {
            try Self.expectKeys(mapping, ["hubspotProperty", "quickbooksField"])
            guard let property = try mapping.string("hubspotProperty") else {
                throw ShapeError(at: mapping.location, "a custom field mapping needs \"hubspotProperty\", the HubSpot invoice property")
            }
            guard let field = try mapping.string("quickbooksField") else {
                throw ShapeError(at: mapping.location, "a custom field mapping needs \"quickbooksField\", the name of the QuickBooks custom field")
            }
            mappings.append(CustomFieldMapping(location: mapping.location, hubspotProperty: property, quickbooksField: field))
        }
        invoiceCustomFieldMappings = mappings
        rules = try RuleConfiguration(rules: try node.object("rules"), suppressions: try node.array("suppressions"))
    }

    private static func objectSync(_ node: Node, object: String, extraKeys: [String]) throws(ShapeError) -> ObjectSync {
        try expectKeys(node, ["enabled", "direction", "conflictResolution", "customMappings", "filters", "mappings", "$comment"] + extraKeys)
        var switchedOff = Set<String>()
        if let switches = try node.object("mappings") {
            try expectKeys(switches, DefaultMapping.switchNames(of: object))
            for (name, _) in switches.members where try switches.bool(name)?.value == false { switchedOff.insert(name) }
        }
        var direction = Direction.twoWay
        if let text = try node.string("direction") {
            guard let parsed = Direction(rawValue: text.value) else {
                throw ShapeError(at: text.location, "unknown direction \"\(text.value)\": use one of \(Direction.allCases.map(\.rawValue).joined(separator: ", "))\(Suggestion.hint(for: text.value, in: Direction.allCases.map(\.rawValue)))")
            }
            direction = parsed
        }
        var winner: Origin?
        if let text = try node.string("conflictResolution") {
            guard let parsed = Origin(rawValue: text.value) else {
                throw ShapeError(at: text.location, "unknown conflict resolution \"\(text.value)\": use \"hubspot\" or \"quickbooks\"")
            }
            winner = parsed
        }
        var mappings: [FieldMapping] = []
        for mapping in try node.array("customMappings") { mappings.append(try FieldMapping(mapping)) }
        let filters = try node.object("filters")
        if let filters { try expectKeys(filters, ["quickbooksToHubSpot", "hubspotToQuickBooks"]) }
        let inbound = try filters?.object("quickbooksToHubSpot").map { (node) throws(ShapeError) in try SyncFilter(node) }
        let outbound = try filters?.object("hubspotToQuickBooks").map { (node) throws(ShapeError) in try SyncFilter(node) }
        return ObjectSync(location: node.location, enabled: try node.bool("enabled")?.value ?? true, direction: direction,
                          conflictResolution: winner, customMappings: mappings, quickbooksToHubSpotFilter: inbound,
                          hubspotToQuickBooksFilter: outbound, hubspotToQuickBooksFilterLocation: outbound?.location,
                          switchedOffMappings: switchedOff)
    }

    static func expectKeys(_ node: Node, _ allowed: [String]) throws(ShapeError) {
        guard let object = node.value.object else {
            throw ShapeError(at: node.location, "expected an object, found \(node.typeName)")
        }
        for member in object.members where !allowed.contains(member.key) {
            throw ShapeError(
                at: Location(offset: member.keyOffset),
                "unknown setting \"\(member.key)\"\(Suggestion.hint(for: member.key, in: allowed))")
        }
    }

    /// Whether the sync will write records of this pair into HubSpot (on, and not HubSpot → QBO only).
    public static func writesToHubSpot(_ pair: ObjectSync?) -> Bool {
        guard let pair else { return true }
        return pair.enabled && pair.direction.writesToHubSpot
    }

    /// Whether the sync will write records of this pair into QBO (on, and not QBO → HubSpot only).
    public static func writesToQuickBooks(_ pair: ObjectSync?) -> Bool {
        guard let pair else { return true }
        return pair.enabled && pair.direction.writesToQuickBooks
    }
}
