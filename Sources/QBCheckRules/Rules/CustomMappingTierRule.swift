import QBCheckCore

/// "Users of an Operations Hub Starter, Professional or Enterprise account can add other fields
/// by clicking Add a mapping": custom mappings need one of those tiers.
public struct CustomMappingTierRule: Rule {
    public let id = "custom-mapping-tier"
    public var records: RecordKinds { .settings }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let settings = document.settings else { return }
        var mappings: [(location: Location, name: String)] = settings.invoiceCustomFieldMappings.map { ($0.quickbooksField.location, "custom field \"\($0.quickbooksField.value)\"") }
        for pair in [settings.contacts, settings.products, settings.invoices].compactMap({ $0 }) {
            mappings += pair.customMappings.map { ($0.hubspotProperty.location, "\($0.hubspotProperty.value) ↔ \($0.quickbooksField.value)") }
        }
        guard !mappings.isEmpty else { return }
        guard let account = context.account?.hubspotAccount else {
            output.skip(Requirement.hubspotAccount.missingReason)
            return
        }
        guard account.allowsCustomMappings != true else { return }
        let tier = account.operationsHub?.value ?? "not stated"
        for mapping in mappings {
            output.report(mapping.location, in: document,
                "the custom mapping \(mapping.name) needs Operations Hub Starter, Professional or Enterprise, but the HubSpot account's Operations Hub tier is \(tier); without it the mapping cannot be created and its values never sync",
                remedy: "Upgrade to Operations Hub Starter or above, or remove the custom mapping and keep the default mappings.")
        }
    }
}
