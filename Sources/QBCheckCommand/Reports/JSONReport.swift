import QBCheckCore

/// For programs: the versioned JSON report (version 1), documented field by field in the README.
enum JSONReport {
    static func render(_ report: Report) -> String {
        let findings: [JSONWriter.Value] = report.findings.map(finding)
        let skipped: [JSONWriter.Value] = report.skipped.map { skip in
            .object([("rule", .string(skip.rule)), ("reason", .string(skip.reason)), ("records", .integer(skip.records))])
        }
        let suppressed: [JSONWriter.Value] = report.suppressed.map { suppressed in
            guard case .object(var members) = finding(suppressed.finding) else { return .null }
            members.append(("reason", .string(suppressed.reason)))
            return .object(members)
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
            ("suppressed", .array(suppressed)),
            ("errors", .array(errors)),
            ("summary", .object([
                ("documents", .integer(report.documents)),
                ("errors", .integer(report.count(.error))),
                ("warnings", .integer(report.count(.warning))),
                ("infos", .integer(report.count(.info))),
                ("suppressed", .integer(report.suppressed.count)),
                ("baselined", .integer(report.baselined)),
                ("baselineFixed", .integer(report.baselineFixed)),
                ("inputErrors", .integer(report.inputErrors.count)),
            ])),
        ])
        return JSONWriter().write(document) + "\n"
    }

    static func finding(_ finding: Finding) -> JSONWriter.Value {
        .object([
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("file", .string(finding.file)),
            ("pointer", .string(finding.pointer.text)),
            ("line", .integer(finding.position.line)),
            ("column", .integer(finding.position.column)),
            ("record", .string(finding.record.label)),
            ("recordId", finding.record.id.map(JSONWriter.Value.string) ?? .null),
            ("message", .string(finding.message)),
            ("remedy", .string(finding.remedy)),
        ])
    }
}
