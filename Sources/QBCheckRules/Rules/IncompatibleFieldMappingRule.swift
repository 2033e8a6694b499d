import QBCheckCore

/// "Mapped property types must be compatible: text⇔text, number⇔number, date⇔date or datetime,
/// checkbox⇔boolean, dropdown⇔picklist; number, date and checkbox may map one-way into text."
public struct IncompatibleFieldMappingRule: Rule {
    public let id = "incompatible-field-mapping"
    public var records: RecordKinds { .settings }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let settings = document.settings else { return }
        for pair in [settings.contacts, settings.products, settings.invoices].compactMap({ $0 }) {
            for mapping in pair.customMappings {
                guard let hubspot = mapping.hubspotType?.value, let quickbooks = mapping.quickbooksType?.value else { continue }
                let direction = mapping.direction ?? pair.direction
                guard let problem = Self.problem(hubspot: hubspot, quickbooks: quickbooks, direction: direction) else { continue }
                output.report(mapping.hubspotType?.location ?? mapping.location, in: document,
                    "the mapping of the HubSpot \(hubspot) property \(mapping.hubspotProperty.value) to the QuickBooks \(quickbooks) field \(mapping.quickbooksField.value) \(problem), so the sync cannot convert its values",
                    remedy: "Map properties of compatible types (text⇔text, number⇔number, date⇔date or datetime, checkbox⇔boolean, dropdown⇔picklist), or make a number, date or checkbox mapping into text one-way.")
            }
        }
    }

    /// Why the pair cannot sync in that direction, or nil when it can.
    static func problem(hubspot: String, quickbooks: String, direction: SyncSettings.Direction) -> String? {
        let twoWay: Set<[String]> = [["text", "text"], ["number", "number"], ["date", "date"], ["date", "datetime"], ["datetime", "datetime"],
                                     ["datetime", "date"], ["checkbox", "boolean"], ["radio", "radio"], ["dropdown", "picklist"]]
        if twoWay.contains([hubspot, quickbooks]) { return nil }
        let intoText: Set<String> = ["number", "date", "datetime", "checkbox", "boolean"]
        if quickbooks == "text", intoText.contains(hubspot) {
            return direction == .hubspotToQuickBooks ? nil : "can only sync one way, HubSpot → QuickBooks (into text), but is set to \(direction.rawValue)"
        }
        if hubspot == "text", intoText.contains(quickbooks) {
            return direction == .quickbooksToHubSpot ? nil : "can only sync one way, QuickBooks → HubSpot (into text), but is set to \(direction.rawValue)"
        }
        return "pairs incompatible types"
    }
}
