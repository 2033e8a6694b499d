import QBCheckCore
import QBCheckPreflight

/// `preflight` for a terminal: counts per pair and direction, the failing records with their
/// findings, the recommendations on the accounts' settings, other findings, and the fees.
enum PreflightText {
    static func render(_ preflight: PreflightReport) -> String {
        var output = "qbcheck preflight of \(preflight.account)"
        output += preflight.setupDate.map { " (setup date \($0))\n\n" } ?? " (no setup date: recommended filters not applied)\n\n"
        if !preflight.recommendedFilters.isEmpty {
            output += "HubSpot's recommended filters, from the setup date:\n"
            for (pair, filter) in preflight.recommendedFilters { output += "  \(pair.description): \(filter)\n" }
            output += "\n"
        }
        output += "What would sync\n"
        let width = SyncPair.all.map(\.description.count).max() ?? 0
        for summary in preflight.summaries {
            var line = "  \(summary.pair.description.padding(to: width))  \(ReportRenderer.plural(summary.records, "record")): \(summary.syncs) sync, \(summary.fails) fail, \(summary.excluded) excluded"
            if !summary.exclusions.isEmpty {
                line += " (" + summary.exclusions.map { "\($0.reason): \($0.count)" }.joined(separator: "; ") + ")"
            }
            output += line + "\n"
        }
        let failing = preflight.failing
        if !failing.isEmpty {
            output += "\nFailing records (\(failing.count))\n"
            for outcome in failing {
                let ids = [outcome.record.id.map { "\(outcome.record.kind) \($0)" }, outcome.counterpart.map { "matches \($0)" }].compactMap { $0 }
                output += "  \(outcome.pair.description): \(outcome.record.label)\(ids.isEmpty ? "" : " (\(ids.joined(separator: ", ")))") at \(outcome.record.file):\(outcome.record.position.line)\n"
                for finding in outcome.findings { output += indent(finding) }
            }
        }
        let recommendations = preflight.accountFindings
        if !recommendations.isEmpty {
            output += "\nAccount settings and recommendations (\(recommendations.count))\n"
            for finding in recommendations { output += indent(finding) }
        }
        let others = preflight.otherFindings
        if !others.isEmpty {
            output += "\nOther findings (\(others.count))\n"
            for finding in others { output += indent(finding) }
        }
        if !preflight.fees.isEmpty {
            output += "\nProcessing and platform fees to book as an expense in QuickBooks: "
            output += preflight.fees.map { "\($0.total.formatted(minimumPlaces: 2)) \($0.currency) (\(ReportRenderer.plural($0.payments, "payment")))" }.joined(separator: ", ") + "\n"
        }
        let skipped = preflight.report.skipped
        if !skipped.isEmpty { output += "\n" }
        for skip in skipped {
            output += "skipped \(skip.rule)\(skip.records > 0 ? " (\(ReportRenderer.plural(skip.records, "record")))" : ""): \(skip.reason)\n"
        }
        return output + "\n" + ReportRenderer.summary(preflight.report) + "\n"
    }

    private static func indent(_ finding: Finding) -> String {
        "    \(finding.file):\(finding.position.line):\(finding.position.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            + "      remedy: \(finding.remedy)\n"
    }
}
