import QBCheckCore

/// The QBO custom field each invoice custom-field mapping of `qbcheck.json` points at, shared
/// by the two custom-field rules.
struct CustomFieldMappings {
    /// A mapping and the definition of the field it names (nil when no field has that name).
    struct Resolved {
        var mapping: SyncSettings.CustomFieldMapping
        var definition: CustomFieldDefinitions.Definition?
    }

    static func resolve(_ settings: SyncSettings, _ definitions: CustomFieldDefinitions) -> [Resolved] {
        settings.invoiceCustomFieldMappings.map { mapping in
            let name = mapping.quickbooksField.value
            let definition = definitions.definitions.first { $0.name.value == name }
                ?? definitions.definitions.first { $0.name.value.lowercased() == name.lowercased() }
            return Resolved(mapping: mapping, definition: definition)
        }
    }
}
