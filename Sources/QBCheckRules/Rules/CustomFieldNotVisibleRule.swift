import QBCheckCore

/// "Only the first three custom invoice fields created in QuickBooks are visible." The QBO API
/// exposes three string custom fields on invoices (`CustomField` with `DefinitionId` 1–3).
public struct CustomFieldNotVisibleRule: Rule {
    public let id = "custom-field-not-visible"
    public var records: RecordKinds { .settings }
    public let requirements: [Requirement] = [.customFieldDefinitions]

    public init() {}

    private static let remedy =
        "Map one of the first three custom invoice fields created in QuickBooks instead, or recreate the fields so that this one is among the first three."

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let settings = document.settings, !settings.invoiceCustomFieldMappings.isEmpty else { return }
        if let definitions = context.account?.customFieldDefinitions {
            check(settings, against: definitions, in: document, into: &output)
        } else if let preferences = context.account?.preferences?.preferences {
            check(settings, against: preferences, in: document, into: &output)
        }
    }

    private func check(_ settings: SyncSettings, against definitions: CustomFieldDefinitions, in document: Document, into output: inout RuleOutput) {
        let invoiceFields = definitions.definitions
            .filter { $0.category.value == "transaction" && $0.active }
            .sorted { $0.creationOrder.value < $1.creationOrder.value }
        for resolved in CustomFieldMappings.resolve(settings, definitions) {
            let field = resolved.mapping.quickbooksField
            guard let definition = resolved.definition else {
                let names = definitions.definitions.map(\.name.value)
                output.report(field.location, in: document,
                    "the mapping of \(resolved.mapping.hubspotProperty.value) names the QuickBooks custom field \"\(field.value)\", which is not among the fields of \(definitions.file.name)\(Suggestion.hint(for: field.value, in: names)); HubSpot cannot see a field QuickBooks does not expose",
                    remedy: "Use the field's name exactly as QuickBooks shows it, or add its definition to custom-fields.json.")
                continue
            }
            guard let rank = invoiceFields.firstIndex(where: { $0.name.value == definition.name.value }), rank >= 3 else { continue }
            let visible = invoiceFields.prefix(3).map { "\"\($0.name.value)\"" }.joined(separator: ", ")
            output.report(field.location, in: document,
                "the QuickBooks custom field \"\(field.value)\" is the \(Self.ordinal(rank + 1)) custom invoice field created, but only the first three (\(visible)) are visible to HubSpot, so the mapping of \(resolved.mapping.hubspotProperty.value) never syncs",
                remedy: Self.remedy)
        }
    }

    /// Without definitions, the three slots of `Preferences.SalesFormsPrefs.CustomField` are
    /// what the API exposes.
    private func check(_ settings: SyncSettings, against preferences: QBOPreferences, in document: Document, into output: inout RuleOutput) {
        let visible = preferences.salesCustomFields.filter(\.enabled).compactMap(\.name)
        for mapping in settings.invoiceCustomFieldMappings where !visible.contains(mapping.quickbooksField.value) {
            let shown = visible.isEmpty ? "none is enabled" : visible.map { "\"\($0)\"" }.joined(separator: ", ")
            output.report(mapping.quickbooksField.location, in: document,
                "the QuickBooks custom field \"\(mapping.quickbooksField.value)\" is not among the custom invoice fields the QuickBooks API exposes (\(shown)), so the mapping of \(mapping.hubspotProperty.value) never syncs",
                remedy: Self.remedy)
        }
    }

    static func ordinal(_ number: Int) -> String {
        switch number % 100 {
        case 11, 12, 13: return "\(number)th"
        default:
            switch number % 10 {
            case 1: return "\(number)st"
            case 2: return "\(number)nd"
            case 3: return "\(number)rd"
            default: return "\(number)th"
            }
        }
    }
}
