import QBCheckCore

extension RuleRegistry {
    /// The rule catalog, embedded in the binary so `qbcheck` works when copied anywhere.
    ///
    /// Decoded from `EmbeddedCatalog.swift`, which holds the text of `rules/*.json`; a test
    /// fails when the two drift apart and names the command that regenerates it.
    public static let catalog = RuleCatalog(entries: embeddedCatalogFiles.compactMap { name, json in
        try? RuleCatalog.entry(from: SourceFile(name: "rules/" + name, text: json))
    })
}
