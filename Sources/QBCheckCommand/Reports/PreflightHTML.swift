import QBCheckCore
import QBCheckPreflight

/// `preflight --format html`: one self-contained page a finance lead can open. Counts per pair
/// and direction with a bar chart (inline SVG, nothing loaded from the network), then the
/// failing records grouped by rule with each rule's explanation, the recommendations, and the
/// fees to book. Elements carry `data-` attributes so a test can read the rendered DOM.
struct PreflightHTML {
    let catalog: RuleCatalog

    func render(_ preflight: PreflightReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>qbcheck preflight: \(escape(preflight.account))</title>
            <style>
            body { font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2433; margin: 2rem auto; max-width: 1080px; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d8dde6; padding-bottom: .3rem; }
            .meta { color: #5b6478; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #eef0f4; }
            td.count { text-align: right; font-variant-numeric: tabular-nums; } .syncs { color: #1e7b34; } .fails { color: #b3261e; font-weight: 600; } .excluded { color: #6b7385; }
            .rule { margin: 1.2rem 0; padding: .8rem 1rem; border-left: 4px solid #b3261e; background: #fbf4f3; } .rule.warning { border-color: #b7791f; background: #fdf8ee; } .rule.info { border-color: #2b6cb0; background: #f1f6fc; }
            .rule h3 { margin: 0 0 .3rem; font-size: 1.05rem; } code { font-size: .9em; } ul { margin: .4rem 0 0 1.2rem; padding: 0; } li { margin: .25rem 0; }
            .remedy { color: #3b4356; } .legend span { display: inline-block; margin-right: 1rem; } .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
            </style>
            </head>
            <body>
            <h1>Sync readiness: \(escape(preflight.account))</h1>

            """
        html += "<p class=\"meta\">qbcheck preflight · setup date \(preflight.setupDate.map { escape($0.description) } ?? "not set (recommended filters not applied)") · \(preflight.report.documents) records checked · "
        html += "<span data-summary=\"errors\">\(preflight.report.count(.error))</span> errors, <span data-summary=\"warnings\">\(preflight.report.count(.warning))</span> warnings, <span data-summary=\"infos\">\(preflight.report.count(.info))</span> notes</p>\n"
        html += "<h2>What would sync</h2>\n" + chart(preflight.summaries) + table(preflight.summaries)
        html += failures(preflight)
        html += findings(preflight.accountFindings, title: "Account settings and recommendations", id: "recommendations")
        html += findings(preflight.otherFindings, title: "Other findings: records that are left out, warnings and notes, pending changes", id: "other")
        if !preflight.fees.isEmpty {
            html += "<h2>Fees to book as an expense</h2>\n<p data-fees>"
            html += preflight.fees.map { "<strong>\(escape($0.total.formatted(minimumPlaces: 2))) \(escape($0.currency))</strong> of processing and platform fees on \($0.payments) payment\($0.payments == 1 ? "" : "s")" }.joined(separator: "; ")
            html += ": HubSpot does not book them in QuickBooks; enter the total as an expense there.</p>\n"
        }
        if !preflight.report.inputErrors.isEmpty {
            html += "<h2>Files that could not be read</h2>\n<ul>\n"
            for error in preflight.report.inputErrors { html += "<li data-input-error>\(escape(ReportRenderer.line(error)))</li>\n" }
            html += "</ul>\n"
        }
        if !preflight.report.skipped.isEmpty {
            html += "<h2>Rules that could not run</h2>\n<ul>\n"
            for skip in preflight.report.skipped { html += "<li><code>\(escape(skip.rule))</code>: \(escape(skip.reason))</li>\n" }
            html += "</ul>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// A stacked horizontal bar per pair and direction: syncs, fails, excluded.
    private func chart(_ summaries: [PreflightReport.PairSummary]) -> String {
        let rowHeight = 34
        let labelWidth = 420
        let barWidth = 600
        let height = summaries.count * rowHeight + 10
        let largest = max(1, summaries.map(\.records).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" role=\"img\" aria-label=\"Records that would sync, fail or be excluded, per object and direction\">\n"
        for (index, summary) in summaries.enumerated() {
            let y = index * rowHeight + 6
            svg += "<text x=\"0\" y=\"\(y + 18)\" font-size=\"13\" fill=\"#1d2433\">\(escape(summary.pair.description))</text>\n"
            var x = labelWidth
            for (count, color, name) in [(summary.syncs, "#2f9e44", "syncs"), (summary.fails, "#d64541", "fails"), (summary.excluded, "#aab1bf", "excluded")] where count > 0 {
                let width = max(2, count * barWidth / largest)
                svg += "<rect data-bar=\"\(name)\" x=\"\(x)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"20\" fill=\"\(color)\"><title>\(count) \(name)</title></rect>\n"
                x += width
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 18)\" font-size=\"12\" fill=\"#5b6478\">\(summary.records)</text>\n"
        }
        svg += "</svg>\n"
        let legend = "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:#2f9e44\"></i>would sync</span><span><i class=\"swatch\" style=\"background:#d64541\"></i>would fail</span><span><i class=\"swatch\" style=\"background:#aab1bf\"></i>excluded</span></p>\n"
        return svg + legend
    }

    private func table(_ summaries: [PreflightReport.PairSummary]) -> String {
        var html = "<table>\n<thead><tr><th>Records</th><th>Total</th><th>Sync</th><th>Fail</th><th>Excluded</th><th>Why excluded</th></tr></thead>\n<tbody>\n"
        for summary in summaries {
            let key = "\(summary.pair.object.rawValue):\(summary.pair.direction.rawValue)"
            html += "<tr data-pair=\"\(key)\"><td>\(escape(summary.pair.description))</td>"
            html += "<td class=\"count\" data-count=\"records\">\(summary.records)</td><td class=\"count syncs\" data-count=\"syncs\">\(summary.syncs)</td>"
            html += "<td class=\"count fails\" data-count=\"fails\">\(summary.fails)</td><td class=\"count excluded\" data-count=\"excluded\">\(summary.excluded)</td>"
            html += "<td>\(escape(summary.exclusions.map { "\($0.reason): \($0.count)" }.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The failing records, grouped by the rule that fails them, each group with its explanation.
    private func failures(_ preflight: PreflightReport) -> String {
        let failing = preflight.failing
        guard !failing.isEmpty else { return "<h2>Failing records</h2>\n<p data-failing=\"0\">No record would fail.</p>\n" }
        var byRule: [String: [(PreflightReport.RecordOutcome, Finding)]] = [:]
        for outcome in failing {
            for finding in outcome.findings where finding.severity == .error { byRule[finding.rule, default: []].append((outcome, finding)) }
        }
        var html = "<h2>Failing records <small data-failing=\"\(failing.count)\">(\(failing.count))</small></h2>\n"
        for rule in byRule.keys.sorted() {
            let entry = catalog.entry(rule)
            html += "<section class=\"rule\" data-rule=\"\(escape(rule))\">\n<h3>\(escape(entry?.title ?? rule)) <code>\(escape(rule))</code></h3>\n"
            if let entry { html += "<p>\(escape(entry.explanation))</p>\n" }
            html += "<ul>\n"
            for (outcome, finding) in byRule[rule] ?? [] {
                html += "<li data-failure=\"\(escape(rule))\" data-record=\"\(escape(outcome.record.label))\"><strong>\(escape(outcome.record.label))</strong> "
                let ids = [outcome.record.id.map { "\(outcome.record.kind) \($0)" }, outcome.counterpart.map { "matches \($0)" }].compactMap { $0 }.joined(separator: ", ")
                html += "<span class=\"meta\">(\(escape(outcome.pair.description))\(ids.isEmpty ? "" : "; " + escape(ids)); \(escape(finding.file)):\(finding.position.line))</span><br>\(escape(finding.message))."
                html += "<br><span class=\"remedy\">What to do: \(escape(finding.remedy))</span></li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        return html
    }

    private func findings(_ findings: [Finding], title: String, id: String) -> String {
        guard !findings.isEmpty else { return "" }
        var html = "<h2 id=\"\(id)\">\(escape(title))</h2>\n"
        for finding in findings {
            html += "<section class=\"rule \(finding.severity.rawValue)\" data-recommendation=\"\(escape(finding.rule))\">\n"
            html += "<h3>\(escape(catalog.entry(finding.rule)?.title ?? finding.rule)) <code>\(escape(finding.rule))</code></h3>\n"
            html += "<p>\(escape(finding.message)).</p>\n<p class=\"remedy\">What to do: \(escape(finding.remedy))</p>\n"
            html += "<p class=\"meta\">\(escape(finding.file)):\(finding.position.line):\(finding.position.column)</p>\n</section>\n"
        }
        return html
    }

    private func escape(_ text: String) -> String {
        Markup.escape(text, inAttribute: true)
    }
}
