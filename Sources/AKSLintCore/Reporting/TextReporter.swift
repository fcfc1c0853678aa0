/// The report for people: findings grouped by input and cluster, each with its location (the
/// input's path is in the group's heading, so a finding shows only its line and column, unless it
/// is in another file), message and fix; a run over several clusters ends with the rules that
/// failed and on how many clusters. Every string that came from an input is sanitized, so a
/// hostile file cannot send escape sequences to the terminal; colour codes are only added by the
/// reporter itself.
public struct TextReporter: Reporter {
    /// Whether to colour severities with ANSI escape sequences.
    public let colored: Bool
    /// Only findings: no headers for clusters without findings, no table of rules.
    public let quiet: Bool
    /// The terminal's width, to wrap messages to; nil (a file or a pipe) keeps each on one line.
    /// Commands and template changes are never wrapped, so they can be copied as they are.
    public let width: Int?

    /// Creates a text reporter.
    public init(colored: Bool, quiet: Bool = false, width: Int? = nil) {
        self.colored = colored
        self.quiet = quiet
        self.width = width.map { max(40, $0) }
    }

    /// Writes the report, one cluster at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        for input in report.inputs {
            for (cluster, results) in input.resultsByCluster {
                let findings = results.filter(\.isOpen)
                if findings.isEmpty && quiet { continue }
                output.write(header(input: input, cluster: cluster, results: results))
                for finding in findings { output.write(render(finding, inputPath: input.path)) }
                output.write("\n")
            }
        }
        if !quiet, report.summary.clusters > 1 { output.write(ruleTable(report)) }
        if let summary = report.controlSummary { output.write(controls(summary)) }
    }

    /// The rules that failed on some cluster, most clusters first: "AKS103 local-accounts-disabled
    /// 12 of 40 clusters". Empty when none failed.
    private func ruleTable(_ report: LintReport) -> String {
        var clustersByRule: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        var clusterCount = 0
        for input in report.inputs {
            clusterCount += input.clusters.count
            for finding in input.results where finding.isOpen && finding.state == .fail {
                clustersByRule[finding.ruleId, default: []].insert(input.path + "\u{1F}" + finding.cluster.identity)
                names[finding.ruleId] = finding.ruleName
            }
        }
        guard !clustersByRule.isEmpty else { return "" }
        let rows = clustersByRule.map { (id: $0.key, failed: $0.value.count) }.sorted { $0.failed != $1.failed ? $0.failed > $1.failed : $0.id < $1.id }
        let labels = rows.map { "\($0.id) \(names[$0.id] ?? "")" }
        let column = min(44, (labels.map(\.count).max() ?? 0) + 2)
        var text = style("Failed rules", .bold) + " (\(rows.count) of \(report.rules.count), by the clusters they fail on):\n"
        for (row, label) in zip(rows, labels) {
            let padding = String(repeating: " ", count: max(1, column - label.count))
            text += "  \(label)\(padding)\(row.failed) of \(clusterCount) \(clusterCount == 1 ? "cluster" : "clusters")\n"
        }
        return text + "\n"
    }

    /// "MCSB NS-2: 3 of 4 checks pass", one line per control of the framework the run evidences.
    private func controls(_ summary: ControlSummary) -> String {
        var lines = [style(summary.framework.title, .bold) + ":"]
        for row in summary.rows {
            let failing = row.failingRules.isEmpty ? "" : " (not passing: \(row.failingRules.joined(separator: ", ")))"
            lines.append("  " + ControlSummary.sentence(row) + failing + " — " + row.control.title)
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// One line counting what the run found, for the end of a run.
    public func summaryLine(_ report: LintReport) -> String {
        "akslint: " + report.summary.sentence
    }

    private func header(input: InputReport, cluster: ClusterReference, results: [Finding]) -> String {
        let open = results.filter { $0.suppression == nil }
        let failed = open.count { $0.state == .fail }
        let indeterminate = open.count { $0.state == .indeterminate }
        let passed = results.count { $0.state == .pass }
        let accepted = results.count - open.count
        var title = "\(safe(input.path)) — cluster \(safe(cluster.displayName))"
        if let group = cluster.resourceGroup { title += " (resource group \(safe(group)))" }
        if let call = cluster.deployedBy { title += " (deployed by \(safe(call)))" }
        if let resource = cluster.terraform { title += " (\(safe(resource.address))\(resource.action.map { ", \(TerraformResourceInfo.phrase(of: $0))" } ?? ""))" }
        if let parameters = input.parametersPath { title += " with parameters from \(safe(parameters))" }
        var counts = "\(failed) failed, \(indeterminate) indeterminate, \(passed) passed"
        if failed == 0 && indeterminate == 0 { counts = "no findings (\(passed) passed)" }
        if accepted > 0 { counts += ", \(accepted) suppressed or in the baseline" }
        guard let width, title.count + 2 + counts.count > width else { return style(title, .bold) + ": " + counts + "\n" }
        return style(wrapped(title + ":", indent: "", continuation: "  "), .bold) + "\n" + wrapped(counts, indent: "  ") + "\n"
    }

    private func render(_ finding: Finding, inputPath: String) -> String {
        let region = finding.location.region.start
        let location = finding.location.file == inputPath ? "\(region.line):\(region.column)" : safe(finding.locationText)
        let subject = finding.subjectText.map { " [\(safe($0))]" } ?? ""
        let state = finding.state == .indeterminate ? style("  indeterminate", .yellow) : ""
        var lines = ["  " + style(location, .bold) + "  " + severityLabel(finding.severity) + "  \(finding.ruleId) \(finding.ruleName)" + subject + state]
        lines.append(wrapped(safe(finding.message), indent: "    "))
        for followUp in finding.followUps {
            switch followUp {
            case .command(let label, let command): lines.append("    " + style(label + ":", .dim) + " " + safe(command))
            case .template(let change) where !finding.location.isBicep: lines.append("    " + style("ARM:", .dim) + " " + safe(change))
            case .bicep(let change) where finding.location.isBicep: lines.append("    " + style("Bicep:", .dim) + " " + continued(change))
            case .terraform(let change): lines.append("    " + style("Terraform:", .dim) + " " + continued(change))
            case .template, .bicep: break
            case .unresolved(let expression): lines.append("    " + style("unresolved:", .dim) + " " + safe(expression))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A change of several lines, each made safe for the terminal, the continuation lines
    /// indented under the first.
    private func continued(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n      ")
    }

    private func severityLabel(_ severity: Severity) -> String {
        let label = severity.rawValue.uppercased()
        switch severity {
        case .critical: return style(label, .magenta)
        case .high: return style(label, .red)
        case .medium: return style(label, .yellow)
        case .low: return style(label, .cyan)
        case .info: return style(label, .dim)
        }
    }

    private enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case yellow = "33"
        case magenta = "1;35"
        case cyan = "36"
    }

    private func style(_ text: String, _ style: Style) -> String {
        colored ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func safe(_ text: String) -> String { TerminalSafety.sanitize(text) }

    /// `text` after `indent`, wrapped at ``width`` (one line when there is no width).
    private func wrapped(_ text: String, indent: String, continuation: String? = nil) -> String {
        guard let width else { return indent + text }
        return WordWrap.lines(text, width: width, indent: indent, continuation: continuation)
    }

}
