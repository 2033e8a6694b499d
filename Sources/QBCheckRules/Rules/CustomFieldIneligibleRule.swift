import QBCheckCore

/// "For a QuickBooks Online custom field to be available to HubSpot for custom field mappings
/// on invoices, within QuickBooks the custom field type must be Text and number, in the
/// Transaction category, it must be enabled for printing, and it must be enabled on all sales
/// forms, which include invoices, estimates, and sales receipts."
public struct CustomFieldIneligibleRule: Rule {
    public let id = "custom-field-ineligible"
    public var records: RecordKinds { .settings }
    public let requirements: [Requirement] = [.customFieldDefinitions]

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        guard let settings = document.settings, !settings.invoiceCustomFieldMappings.isEmpty else { return }
        guard let definitions = context.account?.customFieldDefinitions else {
            output.skip("QBO Preferences name the custom fields but not their type, category, print and sales-form settings: describe them in DIR/quickbooks/custom-fields.json (see README)")
            return
        }
        for resolved in CustomFieldMappings.resolve(settings, definitions) {
            guard let definition = resolved.definition else { continue }
            let problems = Self.problems(of: definition)
            guard !problems.isEmpty else { continue }
            let field = resolved.mapping.quickbooksField
            output.report(field.location, in: document,
                "the mapping of \(resolved.mapping.hubspotProperty.value) to the QuickBooks custom field \"\(field.value)\" cannot sync: the field \(problems.joined(separator: ", ")); HubSpot can map only fields of type Text and number, in the Transaction category, printable, and enabled on all sales forms",
                remedy: "In QuickBooks (Settings › Custom fields), make \"\(field.value)\" a Text and number field in the Transaction category, tick Print on form, and enable it on invoices, estimates and sales receipts; or map another field.")
        }
    }

    static func problems(of definition: CustomFieldDefinitions.Definition) -> [String] {
        var problems: [String] = []
        if definition.type.value != "text-and-number" { problems.append("is of type \(definition.type.value), not Text and number") }
        if definition.category.value != "transaction" { problems.append("is in the \(definition.category.value) category, not Transaction") }
        if !definition.printable.value { problems.append("is not printable") }
        let missing = CustomFieldDefinitions.salesFormNames.filter { definition.salesForms[$0]?.value != true }
        if !missing.isEmpty {
            let names = missing.map { $0 == "salesReceipts" ? "sales receipts" : $0 }
            problems.append("is not enabled on \(names.joined(separator: " and "))")
        }
        if !definition.active { problems.append("is inactive") }
        return problems
    }
}
