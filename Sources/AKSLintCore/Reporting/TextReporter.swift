/// The report for people: findings grouped by input and cluster, each with its location, message
/// and fix. Every string that came from an input is sanitized, so a hostile file cannot send
/// escape sequences to the terminal; colour codes are only added by the reporter itself.
public struct TextReporter: Reporter {
    /// Whether to colour severities with ANSI escape sequences.
    public let colored: Bool
    /// Only findings: no headers for clusters without findings.
    public let quiet: Bool

    /// Creates a text reporter.
    public init(colored: Bool, quiet: Bool = false) {
        self.colored = colored
        self.quiet = quiet
    }

    /// Writes the report, one cluster at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        for input in report.inputs {
            for (cluster, results) in input.resultsByCluster {
                let findings = results.filter(\.isOpen)
                if findings.isEmpty && quiet { continue }
                output.write(header(input: input, cluster: cluster, results: results))
                for finding in findings { output.write(render(finding)) }
                output.write("\n")
            }
        }
        if let summary = report.controlSummary { output.write(controls(summary)) }
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
        return style(title, .bold) + ": " + counts + "\n"
    }

    private func render(_ finding: Finding) -> String {
        let location = safe(finding.locationText)
        let subject = finding.subjectText.map { " [\(safe($0))]" } ?? ""
        let state = finding.state == .indeterminate ? style("  indeterminate", .yellow) : ""
        var lines = ["  " + style(location, .bold) + "  " + severityLabel(finding.severity) + "  \(finding.ruleId) \(finding.ruleName)" + subject + state]
        lines.append("    " + safe(finding.message))
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

}
