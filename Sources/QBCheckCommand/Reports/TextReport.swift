import QBCheckCore

/// For people: `file:line:col: error: message [rule-id]`, the remedy below it, then what was
/// skipped, suppressed and baselined, then a summary line.
enum TextReport {
    static func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings {
            output += "\(finding.file):\(finding.position.line):\(finding.position.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            output += "    remedy: \(finding.remedy)\n"
        }
        if !report.findings.isEmpty { output += "\n" }
        // Rules skipped for one reason share a line.
        var reasons: [String] = []
        var rulesByReason: [String: [String]] = [:]
        for skip in report.skipped {
            if rulesByReason[skip.reason] == nil { reasons.append(skip.reason) }
            let records = skip.records > 0 ? " (\(ReportRenderer.plural(skip.records, "record")))" : ""
            rulesByReason[skip.reason, default: []].append(skip.rule + records)
        }
        for reason in reasons {
            output += "skipped \(rulesByReason[reason, default: []].joined(separator: ", ")): \(reason)\n"
        }
        for suppressed in report.suppressed {
            let finding = suppressed.finding
            output += "suppressed \(finding.rule) on \(finding.record.label) (\(finding.file):\(finding.position.line)): \(suppressed.reason)\n"
        }
        if report.baselineFixed > 0 {
            output += "baseline: \((report.baselineFixed == 1 ? "1 entry" : "\(report.baselineFixed) entries")) no longer occur\(report.baselineFixed == 1 ? "s" : ""); remove \(report.baselineFixed == 1 ? "it" : "them") by taking the baseline again\n"
        }
        output += ReportRenderer.summary(report) + "\n"
        return output
    }
}
