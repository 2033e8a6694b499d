import QBCheckCore

/// `qbcheck rules` and `qbcheck explain ID`.
enum CatalogRenderer {
    static func list(_ catalog: RuleCatalog, as format: OutputFormat) -> String {
        switch format {
        case .text, .sarif, .junit, .github, .html:
            let width = catalog.ids.map(\.count).max() ?? 0
            return catalog.entries.map { entry in
                entry.id.padding(to: width) + "  " + entry.severity.rawValue.padding(to: 7) + "  " + entry.title + "\n"
            }.joined()
        case .json:
            return JSONWriter().write(.object([
                ("version", .integer(1)),
                ("rules", .array(catalog.entries.map { entry in
                    .object([
                        ("id", .string(entry.id)), ("title", .string(entry.title)), ("severity", .string(entry.severity.rawValue)),
                        ("objects", .array(entry.objects.map(JSONWriter.Value.string))),
                        ("directions", .array(entry.directions.map(JSONWriter.Value.string))),
                        ("constraint", .string(entry.constraint)), ("explanation", .string(entry.explanation)),
                        ("remedy", .string(entry.remedy)),
                        ("sources", .array(entry.sources.map { source in
                            .object([("title", .string(source.title)), ("url", source.url.map(JSONWriter.Value.string) ?? .null),
                                     ("quickbooksError", source.quickbooksError.map(JSONWriter.Value.string) ?? .null)])
                        })),
                    ])
                })),
            ])) + "\n"
        }
    }

    static func explain(_ entry: RuleCatalog.Entry) -> String {
        var output = "\(entry.id): \(entry.title)\n"
        output += "severity: \(entry.severity.rawValue)\n"
        output += "applies to: \(entry.objects.joined(separator: ", ")) (\(entry.directions.joined(separator: ", ")))\n\n"
        output += "Documented constraint:\n  \(entry.constraint)\n\n"
        output += "Why it matters:\n  \(entry.explanation)\n\n"
        output += "What to do:\n  \(entry.remedy)\n\n"
        output += "Sources:\n"
        for source in entry.sources {
            output += "  - \(source.title)"
            if let error = source.quickbooksError { output += " (QBO error \(error))" }
            if let url = source.url { output += "\n    \(url)" }
            output += "\n"
        }
        return output
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
