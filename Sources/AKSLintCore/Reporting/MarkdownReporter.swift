/// The report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY`, a pull-request comment or
/// an Azure DevOps summary: a one-line verdict, a table per cluster, then the open findings grouped
/// by severity with their location and fix, and the suppressed ones folded away.
///
/// Input-controlled text is escaped (see ``MarkdownEscaping``). The output stays under
/// ``maximumBytes`` (GitHub refuses a step summary above 1 MiB): findings that do not fit are
/// counted, not listed.
public struct MarkdownReporter: Reporter {
    /// The size the report is kept under.
    public let maximumBytes: Int

    /// Creates a Markdown reporter.
    public init(maximumBytes: Int = 1_000_000) {
        self.maximumBytes = maximumBytes
    }

    /// Writes the Markdown document (built whole first: it is at most ``maximumBytes``).
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        output.write(document(report))
    }

    /// One row per control of the framework the run evidences.
    private func controlTable(_ summary: ControlSummary) -> String {
        var table = "### \(MarkdownEscaping.text(summary.framework.title))\n\n| Control | Checks passing | Rules not passing |\n|---|---|---|\n"
        for row in summary.rows {
            let rules = row.failingRules.isEmpty ? "" : row.failingRules.joined(separator: ", ")
            let tally = row.total == 0 ? "no check applies" : "\(row.passed) of \(row.total)"
            table += "| \(MarkdownEscaping.text(row.control.label)) \(MarkdownEscaping.text(row.control.title)) | \(tally) | \(rules) |\n"
        }
        return table + "\n"
    }

    private func document(_ report: LintReport) -> String {
        var document = MarkdownDocument(budget: maximumBytes)
        document.append("## akslint: AKS security posture\n\n")
        document.append("**\(report.summary.sentence)**\n\n")
        if let noCluster = report.noClusterWarning { document.append("> **Warning:** \(MarkdownEscaping.text(noCluster))\n\n") }
        document.append(clusterTable(report))
        if let summary = report.controlSummary { document.append(controlTable(summary)) }
        if !report.errors.isEmpty {
            document.append("### Inputs that could not be read\n\n")
            for error in report.errors {
                let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
                document.appendItem("- \(MarkdownEscaping.code(error.path + position)): \(MarkdownEscaping.text(error.message))\n")
            }
            document.append("\n")
        }
        let open = report.findings.filter(\.isOpen)
        for severity in Severity.allCases {
            let failing = open.filter { $0.state == .fail && $0.severity == severity }
            guard !failing.isEmpty else { continue }
            document.append("### \(severity.rawValue.capitalized) (\(failing.count))\n\n")
            for finding in failing { document.appendItem(item(finding)) }
            document.append("\n")
        }
        let indeterminate = open.filter { $0.state == .indeterminate }
        if !indeterminate.isEmpty {
            document.append("### Indeterminate (\(indeterminate.count))\n\nValues that cannot be known offline (parameters without values, `reference()`); check them at deployment.\n\n")
            for finding in indeterminate { document.appendItem(item(finding)) }
            document.append("\n")
        }
        let accepted = report.findings.filter { $0.suppression != nil }
        if !accepted.isEmpty {
            document.append("<details><summary>Suppressed or in the baseline (\(accepted.count))</summary>\n\n")
            for finding in accepted { document.appendItem(acceptedItem(finding)) }
            document.append("\n</details>\n\n")
        }
        let notes = report.suppressionReview.notes
        if !notes.isEmpty {
            document.append("### Suppressions to review\n\n")
            for note in notes { document.appendItem("- \(MarkdownEscaping.code(note.source.description)): \(MarkdownEscaping.text(note.message))\n") }
            document.append("\n")
        }
        return document.finished()
    }

    /// The per-cluster table, kept to a third of the report's budget so the findings still fit;
    /// clusters beyond that are counted below it.
    private func clusterTable(_ report: LintReport) -> String {
        let rows = report.inputs.flatMap { input in input.resultsByCluster.map { (input.path, $0.cluster, $0.results) } }
        guard !rows.isEmpty else { return "" }
        var table = "| Cluster | Input | Critical | High | Medium | Low | Info | Indeterminate | Suppressed | Passed |\n"
        table += "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        for (listed, (path, cluster, results)) in rows.enumerated() {
            guard table.utf8.count < maximumBytes / 3 else {
                let unlisted = rows.count - listed
                return table + "\n_\(unlisted) more \(unlisted == 1 ? "cluster is" : "clusters are") not listed in this table; the JSON and SARIF reports list every cluster._\n\n"
            }
            let open = results.filter(\.isOpen)
            var cells = [MarkdownEscaping.code(cluster.displayName, inTable: true), MarkdownEscaping.code(path, inTable: true)]
            for severity in Severity.allCases {
                cells.append("\(open.count { $0.state == .fail && $0.severity == severity })")
            }
            cells.append("\(open.count { $0.state == .indeterminate })")
            cells.append("\(results.count { $0.suppression != nil })")
            cells.append("\(results.count { $0.state == .pass })")
            table += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return table + "\n"
    }

    private func item(_ finding: Finding) -> String {
        var heading = "- **\(finding.ruleId) \(finding.ruleName)** on \(MarkdownEscaping.code(finding.cluster.displayName))"
        if let subject = finding.subjectText { heading += " (\(MarkdownEscaping.text(subject)))" }
        heading += " at \(MarkdownEscaping.code(finding.locationText))"
        var lines = [heading, "  " + MarkdownEscaping.text(finding.message)]
        var changes: [String] = []
        for followUp in finding.followUps {
            switch followUp {
            case .command(let label, let command): lines.append("  \(label.capitalizedFirst): \(MarkdownEscaping.code(command))")
            case .template(let change): changes.append("ARM: \(MarkdownEscaping.code(change))")
            case .bicep(let change): changes.append("Bicep: \(MarkdownEscaping.code(change))")
            case .terraform(let change): changes.append("Terraform: \(MarkdownEscaping.code(change))")
            case .unresolved(let expression): lines.append("  Unresolved: \(MarkdownEscaping.code(expression))")
            }
        }
        if !changes.isEmpty { lines.append("  " + changes.joined(separator: " · ")) }
        return lines.joined(separator: "  \n") + "\n"
    }

    private func acceptedItem(_ finding: Finding) -> String {
        guard let suppression = finding.suppression else { return "" }
        var line = "- **\(finding.ruleId) \(finding.ruleName)** on \(MarkdownEscaping.code(finding.cluster.displayName))"
        if let subject = finding.subjectText { line += " (\(MarkdownEscaping.text(subject)))" }
        let label = suppression.kind == .baseline ? "in the baseline" : "suppressed in \(MarkdownEscaping.code(suppression.source.description))"
        line += ", \(label): \(MarkdownEscaping.text(suppression.justification))"
        if let expires = suppression.expires { line += " (until \(expires))" }
        return line + "\n"
    }
}

/// A Markdown document that stops listing items once it would outgrow its budget.
struct MarkdownDocument {
    private var text = ""
    private var bytes = 0
    private let budget: Int
    private var omitted = 0
    /// Room kept for closing sections and the note about omitted items.
    private static let reserve = 4_096

    init(budget: Int) {
        self.budget = budget
    }

    /// Appends structure (headings, tables): always kept.
    mutating func append(_ chunk: String) {
        text += chunk
        bytes += chunk.utf8.count
    }

    /// Appends a list item, unless the document is full; then it is counted as omitted.
    mutating func appendItem(_ item: String) {
        let size = item.utf8.count
        guard omitted == 0, bytes + size + Self.reserve <= budget else {
            omitted += 1
            return
        }
        append(item)
    }

    /// The text, with a note when items were left out.
    func finished() -> String {
        guard omitted > 0 else { return text }
        return text + "_\(omitted) more \(omitted == 1 ? "entry is" : "entries are") not listed, to keep this summary under GitHub's 1 MiB limit; the JSON and SARIF reports list every finding._\n"
    }
}

extension String {
    /// The string with its first letter upper-cased.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
