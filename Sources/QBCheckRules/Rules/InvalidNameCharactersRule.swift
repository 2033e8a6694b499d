import QBCheckCore

/// QBO: "The DisplayName, Title, GivenName, MiddleName, FamilyName, Suffix, and PrintOnCheckName
/// attributes must not contain colon (:), tab (\t), or newline (\n) characters" (error 2040,
/// "Invalid String. The String may contain unsupported or illegal chars"). Item names use `:` to
/// separate parent and sub-item, so a colon there is reported as a warning (inferred, not
/// documented).
public struct InvalidNameCharactersRule: Rule {
    public let id = "invalid-name-characters"

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        for (field, value, severity) in Self.names(of: document, in: context) {
            // Bytes, not characters: a name can be megabytes long.
            guard let byte = value.value.utf8.first(where: { $0 == UInt8(ascii: ":") || $0 == 0x09 || $0 == 0x0A }) else { continue }
            let shown = byte == UInt8(ascii: ":") ? "a colon (:)" : byte == 0x09 ? "a tab" : "a line break"
            let quoted = value.value.count > 80 ? String(value.value.prefix(80)) + "…" : value.value
            output.report(value.location, in: document,
                "the \(field) \"\(quoted.replacingLineBreaks)\" contains \(shown), which QuickBooks does not accept in names (error 2040, \"Invalid String. The String may contain unsupported or illegal chars\")",
                remedy: "Remove the colon, tab or line break from the name (a dash or a space reads the same).",
                severity: severity)
        }
    }

    /// The names a record gives QBO, with the severity of a bad character in each.
    static func names(of document: Document, in context: RuleContext) -> [(String, Located<String>, Severity?)] {
        switch document.content {
        case .quickbooks(.name(let entity)):
            return entity.limitedNames.map { ("\(entity.entity.lowercased()) \($0.field)", $0.value, nil) }
        case .quickbooks(.item(let item)):
            return item.name.map { [("product name", $0, .warning)] } ?? []
        case .hubspot(let contact) where contact.type == .contacts && context.syncsContactsToQuickBooks:
            return [("contact first name (QuickBooks GivenName)", contact["firstname"]), ("contact last name (QuickBooks FamilyName)", contact["lastname"])]
                .compactMap { field, value in value.map { (field, $0, nil) } }
        case .hubspot(let company) where company.type == .companies && context.syncsContactsToQuickBooks:
            // A company's name becomes the display name of its contacts' customers.
            return company["name"].map { [("company name (the QuickBooks DisplayName of its contacts)", $0, nil)] } ?? []
        case .hubspot(let product) where product.type == .products && SyncSettings.writesToQuickBooks(context.settings.products):
            return product["name"].map { [("product name", $0, .warning)] } ?? []
        default:
            return []
        }
    }
}

extension String {
    var replacingLineBreaks: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? "⏎" : $0 == "\t" ? "⇥" : $0 })
    }
}
