/// The report as JUnit XML, for Azure DevOps' Publish Test Results, GitLab and Jenkins: one
/// `testsuite` per input file, one `testcase` per cluster and rule evaluated.
///
/// A rule that fails (for any node pool) is a `failure` carrying every message, location and fix;
/// an indeterminate, suppressed, baselined or not-applicable result is `skipped` with the reason
/// (indeterminate is a `failure` under `--strict`); an input that cannot be read is an `error`.
/// The shape is the one in `Fixtures/schemas/junit.xsd`, which `.ci/run` validates against.
public struct JUnitReporter: Sendable {
    /// When the run started, `YYYY-MM-DDTHH:MM:SS` in UTC (the `timestamp` of every suite).
    public let timestamp: String
    /// Whether indeterminate results are failures (`--strict`).
    public let strict: Bool

    /// Creates a JUnit reporter.
    public init(timestamp: String, strict: Bool = false) {
        self.timestamp = timestamp
        self.strict = strict
    }

    /// The outcome of one testcase.
    enum Outcome {
        case passed
        case failure(message: String, type: String, body: String)
        case skipped(message: String)
        case error(message: String)
    }

    struct TestCase {
        let name: String
        let className: String
        let outcome: Outcome
    }

    /// The XML document.
    public func render(_ report: LintReport) -> String {
        let suites = report.inputs.map { input in (input, testCases(input, rules: report.rules)) }
        let all = suites.flatMap(\.1)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"akslint\"\(counts(all)) time=\"0\">\n"
        for (index, (input, cases)) in suites.enumerated() {
            xml += "  <testsuite name=\"\(attribute(input.path))\" id=\"\(index)\"\(counts(cases)) time=\"0\" timestamp=\"\(timestamp)\">\n"
            xml += "    <properties>\n"
            xml += "      <property name=\"akslint.version\" value=\"\(AKSLintInfo.version)\"/>\n"
            xml += "      <property name=\"akslint.evaluationDate\" value=\"\(report.evaluationDay)\"/>\n"
            if let format = input.format { xml += "      <property name=\"akslint.inputFormat\" value=\"\(format.rawValue)\"/>\n" }
            if let parameters = input.parametersPath { xml += "      <property name=\"akslint.parameters\" value=\"\(attribute(parameters))\"/>\n" }
            xml += "    </properties>\n"
            for testCase in cases { xml += render(testCase) }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    private func render(_ testCase: TestCase) -> String {
        let open = "    <testcase name=\"\(attribute(testCase.name))\" classname=\"\(attribute(testCase.className))\" time=\"0\""
        switch testCase.outcome {
        case .passed:
            return open + "/>\n"
        case .failure(let message, let type, let body):
            return open + ">\n      <failure message=\"\(attribute(message))\" type=\"\(type)\">\(XMLEscaping.escape(body, keepNewlines: true))</failure>\n    </testcase>\n"
        case .skipped(let message):
            return open + ">\n      <skipped message=\"\(attribute(message))\"/>\n    </testcase>\n"
        case .error(let message):
            return open + ">\n      <error message=\"\(attribute(message))\" type=\"input\"/>\n    </testcase>\n"
        }
    }

    /// One testcase per cluster and rule, clusters in input order, rules by id.
    func testCases(_ input: InputReport, rules: [RuleMetadata]) -> [TestCase] {
        if let error = input.error {
            let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
            return [TestCase(name: "read input", className: input.path, outcome: .error(message: "\(input.path)\(position): \(error.message)"))]
        }
        var cases: [TestCase] = []
        for (cluster, results) in input.resultsByCluster {
            var ruleOrder: [String] = []
            var byRule: [String: [Finding]] = [:]
            for result in results {
                if byRule[result.ruleId] == nil { ruleOrder.append(result.ruleId) }
                byRule[result.ruleId, default: []].append(result)
            }
            for ruleId in ruleOrder.sorted() {
                let ruleResults = byRule[ruleId] ?? []
                let name = "\(ruleId) \(ruleResults[0].ruleName)"
                cases.append(TestCase(name: name, className: cluster.displayName, outcome: outcome(of: ruleResults)))
            }
        }
        return cases
    }

    private func outcome(of results: [Finding]) -> Outcome {
        let failing = results.filter { $0.isOpen && ($0.state == .fail || strict) }
        if let first = failing.first {
            let body = failing.map(describe).joined(separator: "\n\n")
            let message = failing.count == 1 ? first.message : "\(first.message) (and \(failing.count - 1) more)"
            return .failure(message: message, type: first.severity.rawValue, body: body)
        }
        if let indeterminate = results.first(where: { $0.isOpen }) {
            return .skipped(message: "indeterminate: \(indeterminate.message)")
        }
        if let suppressed = results.first(where: { $0.suppression != nil }), let suppression = suppressed.suppression {
            let label = suppression.kind == .baseline ? "in the baseline" : "suppressed"
            return .skipped(message: "\(label) (\(suppression.source)): \(suppression.justification)")
        }
        if results.allSatisfy({ $0.state == .notApplicable }), let first = results.first {
            return .skipped(message: "not applicable: \(first.message)")
        }
        return .passed
    }

    /// The failure text: where, what, and how to fix it.
    private func describe(_ finding: Finding) -> String {
        var lines = ["\(finding.severity.rawValue.uppercased()) \(finding.locationText)\(finding.subjectText.map { " [\($0)]" } ?? "")"]
        lines.append(finding.message)
        if finding.state == .indeterminate, let expression = finding.unresolvedExpression {
            lines.append("unresolved: \(ValueDescription.expression(expression))")
        } else {
            if let command = finding.remediation.command { lines.append("\(finding.fixLabel): \(command)") }
            lines.append("ARM: \(finding.remediation.template)")
            lines.append("Bicep: \(finding.remediation.bicep)")
        }
        lines.append("JSON path: \(finding.location.jsonPath)")
        return lines.map { TerminalSafety.sanitize($0) }.joined(separator: "\n")
    }

    private func counts(_ cases: [TestCase]) -> String {
        var failures = 0, errors = 0, skipped = 0
        for testCase in cases {
            switch testCase.outcome {
            case .failure: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            case .passed: break
            }
        }
        return " tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
    }

    private func attribute(_ text: String) -> String { XMLEscaping.escape(text, keepNewlines: false) }
}
