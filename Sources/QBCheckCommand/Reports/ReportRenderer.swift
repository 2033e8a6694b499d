import QBCheckCore

/// Prints a report in the format asked for. Each format lives in its own file and is tested on
/// its exact output.
public struct ReportRenderer: Sendable {
    public var catalog: RuleCatalog
    /// Turns a file name into the path reports show (relative to the working folder).
    public var displayPath: @Sendable (String) -> String
    public var version: String

    public init(catalog: RuleCatalog, version: String, displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.catalog = catalog
        self.version = version
        self.displayPath = displayPath
    }

    public func render(_ report: Report, as format: OutputFormat) -> String {
        switch format {
        case .text: TextReport.render(report)
        case .json: JSONReport.render(report)
        case .sarif: SARIFReport(renderer: self).render(report)
        case .junit: JUnitReport(renderer: self).render(report)
        case .github: GitHubReport(renderer: self).render(report)
        // The page is a preflight report; a plain report shows as text.
        case .html: TextReport.render(report)
        }
    }

    /// One line per unreadable input: `file:line:col: error: message (at /pointer)`.
    public static func inputErrors(_ report: Report) -> String {
        report.inputErrors.map(line).joined()
    }

    static func line(_ error: InputError) -> String {
        let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
        let pointer = error.pointer.map { $0.text.isEmpty ? "" : " (at \($0.text))" } ?? ""
        return "\(error.file)\(position): error: \(error.message)\(pointer)\n"
    }

    /// `checked 3 documents: 2 errors, 1 warning, 0 infos`, and what was left out.
    static func summary(_ report: Report) -> String {
        var line = "checked \(plural(report.documents, "document")): \(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), \(plural(report.count(.info), "info"))"
        if !report.suppressed.isEmpty { line += "; \(report.suppressed.count) suppressed" }
        if report.baselined > 0 { line += "; \(report.baselined) in the baseline" }
        if !report.inputErrors.isEmpty { line += "; \(plural(report.inputErrors.count, "input error")) (see above)" }
        return line
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
