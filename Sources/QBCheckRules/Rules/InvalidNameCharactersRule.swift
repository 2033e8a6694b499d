import QBCheckCore

/// QBO: "The DisplayName, Title, GivenName, MiddleName, FamilyName, Suffix, and PrintOnCheckName
/// attributes must not contain colon (:), tab (\t), or newline (\n) characters" (error 2040,
/// "Invalid String. The String may contain unsupported or illegal chars"). Item names use `:` to
/// separate parent and sub-item, so a colon there is reported as a warning (inferred, not
/// documented).
public struct InvalidNameCharactersRule: Rule {
    public let id = "invalid-name-characters"
    public var records: RecordKinds { [.quickbooksNames, .quickbooksItems, .hubspotObjects] }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        QuickBooksName.forEachName(of: document, in: context, where: { value, _ in Self.firstRefusedByte(in: value) != nil }) { name in
            let value = name.value
            // Bytes, not characters: a name can be megabytes long.
            guard let byte = Self.firstRefusedByte(in: value.value) else { return }
            let shown = byte == UInt8(ascii: ":") ? "a colon (:)" : byte == 0x09 ? "a tab" : "a line break"
            let quoted = value.value.count > 80 ? String(value.value.prefix(80)) + "…" : value.value
            output.report(value.location, in: document,
                "the \(name.field) \"\(quoted.replacingLineBreaks)\" contains \(shown), which QuickBooks does not accept in names (error 2040, \"Invalid String. The String may contain unsupported or illegal chars\")",
                remedy: "Remove the colon, tab or line break from the name (a dash or a space reads the same).",
                severity: name.isItemName ? .warning : nil)
        }
    }
}

extension InvalidNameCharactersRule {
    /// The first colon, tab or line feed of `name`. Read from the string's storage: seven
    /// names of each of a million customers, walked a byte at a time through the string's
    /// view, had cost more than reading the customer.
    static func firstRefusedByte(in name: String) -> UInt8? {
        let refused = { (byte: UInt8) in byte == UInt8(ascii: ":") || byte == 0x09 || byte == 0x0A }
        if let found = name.utf8.withContiguousStorageIfAvailable({ $0.first(where: refused) }) { return found }
        return name.utf8.first(where: refused)
    }
}

extension String {
    var replacingLineBreaks: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? "⏎" : $0 == "\t" ? "⇥" : $0 })
    }
}
