import QBCheckCore

/// QBO's name limits (Customer reference): DisplayName 500 characters; GivenName, MiddleName,
/// FamilyName and CompanyName 100; Title and Suffix 16; Item Name 100. Longer names fail.
/// (The SDK schema states smaller limits for older editions; the REST reference is used.)
public struct NameTooLongRule: Rule {
    public let id = "name-too-long"
    public var records: RecordKinds { [.quickbooksNames, .quickbooksItems, .hubspotObjects] }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        // Counted in characters; the byte count (never smaller) rules out short names cheaply.
        QuickBooksName.forEachName(of: document, in: context, where: { $0.utf8.count > $1 }) { name in
            let (value, limit) = (name.value, name.limit)
            let length = value.value.count
            guard length > limit else { return }
            output.report(value.location, in: document,
                "the \(name.field) has \(length) characters, but QuickBooks allows at most \(limit), so the record fails to sync",
                remedy: "Shorten the name to \(limit) characters or fewer.")
        }
    }
}
