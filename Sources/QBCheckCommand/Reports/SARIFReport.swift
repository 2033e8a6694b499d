import QBCheckCore

/// SARIF 2.1.0 as GitHub code scanning reads it: the catalog as `tool.driver.rules`, each
/// finding as a result located at the offending value (URIs relative to the working folder;
/// columns count Unicode code points, as qbcheck's do), unreadable inputs as notifications.
struct SARIFReport {
    let renderer: ReportRenderer

    func render(_ report: Report) -> String {
        let entries = renderer.catalog.entries
        let index = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules: [JSONWriter.Value] = entries.map { entry in
            .object([
                ("id", .string(entry.id)),
                ("name", .string(Self.camelCase(entry.id))),
                ("shortDescription", .object([("text", .string(entry.title))])),
                ("fullDescription", .object([("text", .string(entry.constraint))])),
                ("help", .object([
                    ("text", .string("\(entry.explanation)\n\nWhat to do: \(entry.remedy)")),
                    ("markdown", .string("\(entry.explanation)\n\n**What to do:** \(entry.remedy)\n\nSources:\n" + Self.sourceList(entry.sources))),
                ])),
                ("defaultConfiguration", .object([("level", .string(Self.level(entry.severity)))])),
                ("properties", .object([("tags", .array((entry.objects + ["hubspot-quickbooks-sync"]).map(JSONWriter.Value.string)))])),
            ])
        }
        let results: [JSONWriter.Value] = report.findings.map { finding in
            var members: [(String, JSONWriter.Value)] = [("ruleId", .string(finding.rule))]
            if let position = index[finding.rule] { members.append(("ruleIndex", .integer(position))) }
            members += [
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string("\(finding.message). What to do: \(finding.remedy)"))])),
                ("locations", .array([.object([
                    ("physicalLocation", physicalLocation(finding.file, finding.position)),
                    ("logicalLocations", .array([.object([("fullyQualifiedName", .string(finding.pointer.text)), ("kind", .string("member"))])])),
                ])])),
                ("properties", .object([("record", .string(finding.record.label)), ("pointer", .string(finding.pointer.text))])),
            ]
            return .object(members)
        }
        let notifications: [JSONWriter.Value] = report.inputErrors.map { error in
            var members: [(String, JSONWriter.Value)] = [("level", .string("error")), ("message", .object([("text", .string(error.message))]))]
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(error.file, error.position))])])))
            return .object(members)
        }
        let log: JSONWriter.Value = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("qbcheck")),
                    ("version", .string(renderer.version)),
                    ("semanticVersion", .string(renderer.version)),
                    ("rules", .array(rules)),
                ]))])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(report.inputErrors.isEmpty)),
                    ("toolExecutionNotifications", .array(notifications)),
                ])])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return JSONWriter().write(log) + "\n"
    }

    private func physicalLocation(_ file: String, _ position: SourcePosition?) -> JSONWriter.Value {
        var members: [(String, JSONWriter.Value)] = [
            ("artifactLocation", .object([("uri", .string(Self.uri(renderer.displayPath(file)))), ("uriBaseId", .string("%SRCROOT%"))])),
        ]
        if let position {
            members.append(("region", .object([("startLine", .integer(position.line)), ("startColumn", .integer(position.column))])))
        }
        return .object(members)
    }

    static func sourceList(_ sources: [RuleCatalog.Source]) -> String {
        sources.map { source in
            guard let url = source.url else { return "- \(source.title)" }
            return "- [\(source.title)](\(url))"
        }.joined(separator: "\n")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference: unreserved characters and `/` kept, the rest percent-encoded.
    static func uri(_ path: String) -> String {
        let path = path == "<stdin>" ? "stdin" : path
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// `closed-period` → `ClosedPeriod`, SARIF's rule name.
    static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
