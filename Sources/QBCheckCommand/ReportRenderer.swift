import QBCheckCore

/// Prints a report for people (`text`, like a compiler) or for programs (`json`, version 1).
public enum ReportRenderer {
    public static func render(_ report: Report, as format: OutputFormat) -> String {
        switch format {
        case .text: text(report)
        case .json: json(report)
        }
    }

    /// `file:line:col: error: message [rule-id]`, the remedy below it, then a summary line.
    static func text(_ report: Report) -> String {
        var output = ""
        for finding in report.findings {
            output += "\(finding.file):\(finding.position.line):\(finding.position.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            output += "    remedy: \(finding.remedy)\n"
        }
        if !report.findings.isEmpty { output += "\n" }
        for skip in report.skipped {
            let records = skip.records > 0 ? " (\(skip.records) record\(skip.records == 1 ? "" : "s"))" : ""
            output += "skipped \(skip.rule)\(records): \(skip.reason)\n"
        }
        output += summary(report) + "\n"
        return output
    }

    static func summary(_ report: Report) -> String {
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var line = "checked \(plural(report.documents, "document")): \(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), \(plural(report.count(.info), "info"))"
        if !report.inputErrors.isEmpty { line += "; \(plural(report.inputErrors.count, "input error")) (see above)" }
        return line
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

    static func json(_ report: Report) -> String {
        let findings: [JSONWriter.Value] = report.findings.map { finding in
            .object([
                ("rule", .string(finding.rule)),
                ("severity", .string(finding.severity.rawValue)),
                ("file", .string(finding.file)),
                ("pointer", .string(finding.pointer.text)),
                ("line", .integer(finding.position.line)),
                ("column", .integer(finding.position.column)),
                ("record", .string(finding.record)),
                ("message", .string(finding.message)),
                ("remedy", .string(finding.remedy)),
            ])
        }
        let skipped: [JSONWriter.Value] = report.skipped.map { skip in
            .object([("rule", .string(skip.rule)), ("reason", .string(skip.reason)), ("records", .integer(skip.records))])
        }
        let errors: [JSONWriter.Value] = report.inputErrors.map { error in
            .object([
                ("file", .string(error.file)),
                ("line", error.position.map { .integer($0.line) } ?? .null),
                ("column", error.position.map { .integer($0.column) } ?? .null),
                ("pointer", error.pointer.map { .string($0.text) } ?? .null),
                ("message", .string(error.message)),
            ])
        }
        let document: JSONWriter.Value = .object([
            ("version", .integer(1)),
            ("findings", .array(findings)),
            ("skipped", .array(skipped)),
            ("errors", .array(errors)),
            ("summary", .object([
                ("documents", .integer(report.documents)),
                ("errors", .integer(report.count(.error))),
                ("warnings", .integer(report.count(.warning))),
                ("infos", .integer(report.count(.info))),
                ("inputErrors", .integer(report.inputErrors.count)),
            ])),
        ])
        return JSONWriter().write(document) + "\n"
    }
}
