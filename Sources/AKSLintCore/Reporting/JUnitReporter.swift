/// The report as JUnit XML, for Azure DevOps' Publish Test Results, GitLab and Jenkins: one
/// `testsuite` per input file, one `testcase` per cluster and rule evaluated.
///
/// A rule that fails (for any node pool) is a `failure` carrying every message, location and fix;
/// an indeterminate, suppressed, baselined or not-applicable result is `skipped` with the reason
/// (indeterminate is a `failure` under `--strict`); an input that cannot be read is an `error`.
/// The shape is the one in `Fixtures/schemas/junit.xsd`, which `.ci/run` validates against.
public struct JUnitReporter: Reporter {
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

    /// Writes the XML document in two passes: the counts every `testsuite` element carries, then
    /// the testcases, one cluster at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let counts = report.inputs.map(count)
        let noCluster = report.noClusterWarning.map { TestCase(name: "AKS clusters found", className: "akslint", outcome: strict ? .error(message: $0) : .skipped(message: $0)) }
        let noClusterCounts = noCluster.map { _ in Counts(tests: 1, errors: strict ? 1 : 0, skipped: strict ? 0 : 1) } ?? Counts()
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"akslint\"\(counts.reduce(noClusterCounts, +)) time=\"0\">\n")
        for (index, input) in report.inputs.enumerated() {
            var header = "  <testsuite name=\"\(attribute(input.path))\" id=\"\(index)\"\(counts[index]) time=\"0\" timestamp=\"\(timestamp)\">\n"
            header += "    <properties>\n"
            header += "      <property name=\"akslint.version\" value=\"\(AKSLintInfo.version)\"/>\n"
            header += "      <property name=\"akslint.evaluationDate\" value=\"\(report.evaluationDay)\"/>\n"
            if let format = input.format { header += "      <property name=\"akslint.inputFormat\" value=\"\(format.rawValue)\"/>\n" }
            if let parameters = input.parametersPath { header += "      <property name=\"akslint.parameters\" value=\"\(attribute(parameters))\"/>\n" }
            header += "    </properties>\n"
            output.write(header)
            forEachTestCase(of: input) { output.write(render($0)) }
            output.write("  </testsuite>\n")
        }
        if let noCluster {
            output.write("  <testsuite name=\"akslint\" id=\"\(report.inputs.count)\"\(noClusterCounts) time=\"0\" timestamp=\"\(timestamp)\">\n")
            output.write(render(noCluster))
            output.write("  </testsuite>\n")
        }
        output.write("</testsuites>\n")
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
    func testCases(_ input: InputReport) -> [TestCase] {
        var cases: [TestCase] = []
        forEachTestCase(of: input) { cases.append($0) }
        return cases
    }

    /// Calls `body` with each testcase of `input`, building one cluster's at a time.
    private func forEachTestCase(of input: InputReport, _ body: (TestCase) -> Void) {
        if let error = input.error {
            let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
            body(TestCase(name: "read input", className: input.path, outcome: .error(message: "\(input.path)\(position): \(error.message)")))
        }
        forEachRule(of: input) { cluster, results in
            body(TestCase(name: "\(results[0].ruleId) \(results[0].ruleName)", className: cluster.displayName, outcome: outcome(of: results)))
        }
    }

    /// Calls `body` with each cluster of `input` and the results of one rule on it, rules by id.
    private func forEachRule(of input: InputReport, _ body: (ClusterReference, [Finding]) -> Void) {
        for (cluster, results) in input.resultsByCluster {
            var ruleOrder: [String] = []
            var byRule: [String: [Finding]] = [:]
            for result in results {
                if byRule[result.ruleId] == nil { ruleOrder.append(result.ruleId) }
                byRule[result.ruleId, default: []].append(result)
            }
            for ruleId in ruleOrder.sorted() { body(cluster, byRule[ruleId] ?? []) }
        }
    }

    /// The counts of an input's testcases, without building them.
    private func count(_ input: InputReport) -> Counts {
        var counts = input.error == nil ? Counts() : Counts(tests: 1, failures: 0, errors: 1, skipped: 0)
        forEachRule(of: input) { _, results in
            counts.tests += 1
            switch kind(of: results) {
            case .failure: counts.failures += 1
            case .skipped: counts.skipped += 1
            case .passed: break
            }
        }
        return counts
    }

    /// What a rule's results on one cluster make of its testcase (see ``outcome(of:)``).
    private enum Kind { case failure, skipped, passed }

    private func kind(of results: [Finding]) -> Kind {
        if results.contains(where: { $0.isOpen && ($0.state == .fail || strict) }) { return .failure }
        if results.contains(where: { $0.isOpen || $0.suppression != nil }) { return .skipped }
        if !results.isEmpty && results.allSatisfy({ $0.state == .notApplicable }) { return .skipped }
        return .passed
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
        for followUp in finding.followUps {
            switch followUp {
            case .command(let label, let command): lines.append("\(label): \(command)")
            case .template(let change): lines.append("ARM: \(change)")
            case .bicep(let change): lines.append("Bicep: \(change)")
            case .terraform(let change): lines.append("Terraform: \(change)")
            case .unresolved(let expression): lines.append("unresolved: \(expression)")
            }
        }
        lines.append("JSON path: \(finding.location.jsonPath)")
        return lines.map { TerminalSafety.sanitize($0) }.joined(separator: "\n")
    }

    private func attribute(_ text: String) -> String { XMLEscaping.escape(text, keepNewlines: false) }
}

/// The counts a `testsuites` or `testsuite` element carries, written as its attributes.
private struct Counts: CustomStringConvertible {
    var tests = 0, failures = 0, errors = 0, skipped = 0

    static func + (left: Counts, right: Counts) -> Counts {
        Counts(tests: left.tests + right.tests, failures: left.failures + right.failures, errors: left.errors + right.errors, skipped: left.skipped + right.skipped)
    }

    var description: String { " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\"" }
}
