/// What qbcheck knows of the HubSpot account beyond its CRM records, as the user describes it
/// in `DIR/hubspot/account.json` (format version 1): the Operations Hub tier (custom mappings
/// need Starter or more), the user who connects the app, and the workflows that touch payments,
/// invoices or deal properties. HubSpot's APIs expose none of this in a form the sync rules can
/// read, so the file records what the account's settings screens show.
public struct HubSpotAccount: Sendable {
    public static let formatVersion = 1
    public static let tiers = ["free", "starter", "professional", "enterprise"]
    public static let workflowActions = ["create-paid-invoice", "create-paid-sales-receipt", "other"]

    public struct ConnectingUser: Sendable {
        public var location: Location
        public var email: String?
        public var superAdmin: Bool
        public var appMarketplaceAccess: Bool
    }

    public struct Workflow: Sendable {
        public var location: Location
        public var id: String?
        public var name: Located<String>
        public var enabled: Bool
        public var actions: [Located<String>]
        public var enrollmentFilter: SyncFilter?
        /// Properties the workflow reads or writes: object, property and group.
        public var properties: [(object: String, property: Located<String>, group: String?)]
    }

    public var location: Location
    public var operationsHub: Located<String>?
    public var connectingUser: ConnectingUser?
    public var workflows: [Workflow]

    public static func recognizes(_ node: Node) -> Bool {
        node.has("qbcheckHubSpotAccount")
    }

    public init(_ node: Node) throws(ShapeError) {
        try SyncSettings.expectKeys(node, ["qbcheckHubSpotAccount", "operationsHub", "connectingUser", "workflows", "$comment"])
        guard try node.decimal("qbcheckHubSpotAccount")?.value == ExactDecimal(Self.formatVersion) else {
            throw ShapeError(at: node.location, "hubspot/account.json needs \"qbcheckHubSpotAccount\": \(Self.formatVersion), the format version")
        }
        location = node.location
        if let tier = try node.string("operationsHub"), !Self.tiers.contains(tier.value) {
            throw ShapeError(at: tier.location, "unknown Operations Hub tier \"\(tier.value)\": use \(Self.tiers.joined(separator: ", "))\(Suggestion.hint(for: tier.value, in: Self.tiers))")
        }
        operationsHub = try node.string("operationsHub")
        if let user = try node.object("connectingUser") {
            try SyncSettings.expectKeys(user, ["email", "superAdmin", "appMarketplaceAccess"])
            connectingUser = ConnectingUser(location: user.location, email: try user.string("email")?.value,
                                            superAdmin: try user.bool("superAdmin")?.value ?? false,
                                            appMarketplaceAccess: try user.bool("appMarketplaceAccess")?.value ?? false)
        }
        var workflows: [Workflow] = []
        for workflow in try node.array("workflows") {
            try SyncSettings.expectKeys(workflow, ["id", "name", "enabled", "actions", "enrollmentFilter", "properties"])
            guard let name = try workflow.string("name") else { throw ShapeError(at: workflow.location, "a workflow needs \"name\"") }
            var actions: [Located<String>] = []
            for action in try workflow.array("actions") {
                let text = try action.asString()
                guard Self.workflowActions.contains(text.value) else {
                    throw ShapeError(at: text.location, "unknown workflow action \"\(text.value)\": use \(Self.workflowActions.joined(separator: ", "))\(Suggestion.hint(for: text.value, in: Self.workflowActions))")
                }
                actions.append(text)
            }
            var properties: [(String, Located<String>, String?)] = []
            for property in try workflow.array("properties") {
                try SyncSettings.expectKeys(property, ["object", "property", "group"])
                guard let object = try property.string("object")?.value, let name = try property.string("property") else {
                    throw ShapeError(at: property.location, "a workflow property needs \"object\" and \"property\"")
                }
                properties.append((object, name, try property.string("group")?.value))
            }
            workflows.append(Workflow(
                location: workflow.location, id: try workflow.string("id")?.value, name: name,
                enabled: try workflow.bool("enabled")?.value ?? true, actions: actions,
                enrollmentFilter: try workflow.object("enrollmentFilter").map { (node) throws(ShapeError) in try SyncFilter(node) },
                properties: properties))
        }
        self.workflows = workflows
    }

    /// Whether the tier allows custom field mappings (Operations Hub Starter, Professional, Enterprise).
    public var allowsCustomMappings: Bool? {
        operationsHub.map { $0.value != "free" }
    }
}
