import QBCheckCore
import QBCheckPreflight

/// `preflight --format json` (version 1): the counts, the failing records and every finding.
enum PreflightJSON {
    static func render(_ preflight: PreflightReport) -> String {
        let pairs: [JSONWriter.Value] = preflight.summaries.map { summary in
            .object([
                ("object", .string(summary.pair.object.rawValue)),
                ("direction", .string(summary.pair.direction.rawValue)),
                ("description", .string(summary.pair.description)),
                ("records", .integer(summary.records)),
                ("syncs", .integer(summary.syncs)),
                ("fails", .integer(summary.fails)),
                ("excluded", .integer(summary.excluded)),
                ("exclusions", .array(summary.exclusions.map { .object([("reason", .string($0.reason)), ("count", .integer($0.count))]) })),
            ])
        }
        let failing: [JSONWriter.Value] = preflight.failing.map { outcome in
            .object([
                ("object", .string(outcome.pair.object.rawValue)),
                ("direction", .string(outcome.pair.direction.rawValue)),
                ("record", .string(outcome.record.label)),
                ("kind", .string(outcome.record.kind)),
                ("id", outcome.record.id.map(JSONWriter.Value.string) ?? .null),
                ("counterpart", outcome.counterpart.map(JSONWriter.Value.string) ?? .null),
                ("file", .string(outcome.record.file)),
                ("line", .integer(outcome.record.position.line)),
                ("rules", .array(outcome.findings.filter { $0.severity == .error }.map { .string($0.rule) }.uniqued)),
            ])
        }
        let report = preflight.report
        let document: JSONWriter.Value = .object([
            ("version", .integer(1)),
            ("account", .string(preflight.account)),
            ("setupDate", preflight.setupDate.map { .string($0.description) } ?? .null),
            ("recommendedFilters", .array(preflight.recommendedFilters.map { pair, filter in
                .object([("object", .string(pair.object.rawValue)), ("direction", .string(pair.direction.rawValue)), ("filter", .string(filter))])
            })),
            ("pairs", .array(pairs)),
            ("failing", .array(failing)),
            ("findings", .array(report.findings.map(JSONReport.finding))),
            ("skipped", .array(report.skipped.map { .object([("rule", .string($0.rule)), ("reason", .string($0.reason)), ("records", .integer($0.records))]) })),
            ("errors", .array(report.inputErrors.map { .object([("file", .string($0.file)), ("line", $0.position.map { .integer($0.line) } ?? .null),
                                                                ("column", $0.position.map { .integer($0.column) } ?? .null), ("message", .string($0.message))]) })),
            ("fees", .array(preflight.fees.map { .object([("currency", .string($0.currency)), ("total", .number($0.total.formatted(minimumPlaces: 2))), ("payments", .integer($0.payments))]) })),
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

extension Array where Element == JSONWriter.Value {
    /// The strings without repeats, in order.
    var uniqued: [JSONWriter.Value] {
        var seen = Set<String>()
        return filter { value in
            guard case .string(let text) = value else { return true }
            return seen.insert(text).inserted
        }
    }
}
