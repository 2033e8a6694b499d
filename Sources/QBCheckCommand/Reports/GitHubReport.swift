import QBCheckCore

/// GitHub Actions workflow commands, so each finding is an annotation on its line:
/// `::error file=…,line=…,col=…,title=<rule id>::message`.
struct GitHubReport {
    let renderer: ReportRenderer

    func render(_ report: Report) -> String {
        var output = ""
        for error in report.inputErrors {
            var properties = "file=\(Self.property(renderer.displayPath(error.file)))"
            if let position = error.position { properties += ",line=\(position.line),col=\(position.column)" }
            output += "::error \(properties),title=unreadable input::\(Self.data(error.message))\n"
        }
        for finding in report.findings {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let properties = "file=\(Self.property(renderer.displayPath(finding.file))),line=\(finding.position.line),col=\(finding.position.column),title=\(Self.property(finding.rule))"
            output += "::\(command) \(properties)::\(Self.data("\(finding.message)\nWhat to do: \(finding.remedy)"))\n"
        }
        return output + ReportRenderer.summary(report) + "\n"
    }

    /// Escapes a command's message as the Actions runner expects.
    static func data(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a property value (also `:` and `,`, which separate properties).
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
