import QBCheckCore

/// "The QuickBooks Online app doesn't write data to the Accounting deal property group. It's
/// recommended to use the invoice object when creating reports and triggering workflows."
public struct AccountingDealPropertiesRule: Rule {
    public let id = "accounting-deal-properties"
    public var records: RecordKinds { [.settings, .hubspotAccount] }

    public init() {}

    private static let remedy =
        "Base the report, workflow or mapping on the invoice object's properties (amount billed, balance due, status) instead of the deal's Accounting group."

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        if let settings = document.settings {
            for pair in [settings.contacts, settings.products, settings.invoices].compactMap({ $0 }) {
                for mapping in pair.customMappings where Self.isDealAccounting(object: mapping.hubspotObject, group: mapping.hubspotGroup?.value) {
                    output.report(mapping.hubspotProperty.location, in: document,
                        "the mapping of the deal property \(mapping.hubspotProperty.value) relies on the deal's Accounting property group, which the QuickBooks Online app never writes, so it stays empty",
                        remedy: Self.remedy)
                }
            }
        }
        if let account = document.hubspotAccount {
            for workflow in account.workflows where workflow.enabled {
                for property in workflow.properties where Self.isDealAccounting(object: property.object, group: property.group) {
                    output.report(property.property.location, in: document,
                        "workflow \"\(workflow.name.value)\" relies on the deal property \(property.property.value) of the Accounting group, which the QuickBooks Online app never writes, so the workflow never sees synced values",
                        remedy: Self.remedy)
                }
            }
        }
    }

    static func isDealAccounting(object: String?, group: String?) -> Bool {
        guard let object, CRMObjectType(apiName: object) == nil, object.lowercased().hasPrefix("deal") else { return false }
        return group?.lowercased() == "accounting"
    }
}
