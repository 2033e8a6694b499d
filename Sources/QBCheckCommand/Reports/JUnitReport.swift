import QBCheckCore

/// JUnit XML as GitLab and Jenkins read it: one test suite per input file, one test case per
/// record (named after it, distinct within its file), a failure per error finding; warnings and
/// infos go to the test case's output; an unreadable input is an error test case.
struct JUnitReport {
    let renderer: ReportRenderer

    private struct Suite {
        var name: String
        var cases: [Case] = []
    }

    private struct Case {
        var name: String
        var record: RecordIdentity?
        var failures: [Finding] = []
        var notes: [Finding] = []
        var error: InputError?
    }

    func render(_ report: Report) -> String {
        var suites: [Suite] = []
        var suiteIndex: [String: Int] = [:]
        var caseIndex: [String: (suite: Int, test: Int)] = [:]
        func suite(_ file: String) -> Int {
            if let index = suiteIndex[file] { return index }
            suites.append(Suite(name: renderer.displayPath(file)))
            suiteIndex[file] = suites.count - 1
            return suites.count - 1
        }
        func key(_ record: RecordIdentity) -> String { "\(record.file)#\(record.position)#\(record.pointer.text)" }
        func testCase(for record: RecordIdentity) -> (Int, Int) {
            if let index = caseIndex[key(record)] { return index }
            let s = suite(record.file)
            let where_ = record.pointer.text.isEmpty ? "line \(record.position.line)" : record.pointer.text
            var name = "\(record.label) (\(where_))"
            if suites[s].cases.contains(where: { $0.name == name }) { name += " #\(suites[s].cases.count + 1)" }
            suites[s].cases.append(Case(name: name, record: record))
            caseIndex[key(record)] = (s, suites[s].cases.count - 1)
            return (s, suites[s].cases.count - 1)
        }
        for record in report.records { _ = testCase(for: record) }
        for finding in report.findings {
            let (s, t) = testCase(for: finding.record)
            if finding.severity == .error { suites[s].cases[t].failures.append(finding) } else { suites[s].cases[t].notes.append(finding) }
        }
        for error in report.inputErrors {
            let s = suite(error.file)
            let position = error.position.map { " line \($0.line)" } ?? ""
            suites[s].cases.append(Case(name: "read \(renderer.displayPath(error.file))\(position)", error: error))
        }

        suites.sort { $0.name < $1.name }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { !$0.failures.isEmpty }.count }
        let errors = report.inputErrors.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"qbcheck\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            let suiteFailures = suite.cases.filter { !$0.failures.isEmpty }.count
            let suiteErrors = suite.cases.filter { $0.error != nil }.count
            xml += "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\" errors=\"\(suiteErrors)\">\n"
            for test in suite.cases {
                var attributes = "classname=\"\(Self.escape(suite.name))\" name=\"\(Self.escape(test.name))\" file=\"\(Self.escape(suite.name))\""
                if let line = test.record?.position.line ?? test.error?.position?.line { attributes += " line=\"\(line)\"" }
                guard !test.failures.isEmpty || !test.notes.isEmpty || test.error != nil else {
                    xml += "    <testcase \(attributes)/>\n"
                    continue
                }
                xml += "    <testcase \(attributes)>\n"
                for finding in test.failures {
                    xml += "      <failure type=\"\(Self.escape(finding.rule))\" message=\"\(Self.escape(finding.message))\">\(Self.escape(Self.detail(finding), inAttribute: false))</failure>\n"
                }
                if let error = test.error {
                    xml += "      <error type=\"input\" message=\"\(Self.escape(error.message))\">\(Self.escape(ReportRenderer.line(error), inAttribute: false))</error>\n"
                }
                if !test.notes.isEmpty {
                    xml += "      <system-out>\(Self.escape(test.notes.map(Self.detail).joined(separator: "\n"), inAttribute: false))</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    static func detail(_ finding: Finding) -> String {
        "\(finding.file):\(finding.position.line):\(finding.position.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\nremedy: \(finding.remedy)"
    }

    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        Markup.escape(text, inAttribute: inAttribute)
    }
}
