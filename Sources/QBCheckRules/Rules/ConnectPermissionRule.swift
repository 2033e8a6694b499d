import QBCheckCore

/// "To connect the app, you must be a Super Admin or have App Marketplace permissions in your
/// HubSpot account."
public struct ConnectPermissionRule: Rule {
    public let id = "connect-permission"
    public var records: RecordKinds { .hubspotAccount }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let user = document.hubspotAccount?.connectingUser, !user.superAdmin, !user.appMarketplaceAccess else { return }
        output.report(user.location, in: document,
            "the user who connects the QuickBooks Online app (\(user.email ?? "not named")) is neither a Super Admin nor has the App Marketplace permission, so HubSpot will not let them install the app",
            remedy: "Have a Super Admin connect the app, or give this user the App Marketplace permission (Settings › Users & Teams).")
    }
}
