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
            document.append("### \(severity.title) (\(failing.count))\n\n")
            document.appendItems(failing, item)
        }
        let indeterminate = open.filter { $0.state == .indeterminate }
        if !indeterminate.isEmpty {
            document.append("### Indeterminate (\(indeterminate.count))\n\nValues that cannot be known offline (parameters without values, `reference()`); check them at deployment.\n\n")
            document.appendItems(indeterminate, item)
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

    /// The per-cluster table, kept to a third of the report's budget so the findings still fit.
    /// When not every cluster fits, the most exposed come first (most critical failures, then
    /// high, and so on), and the rest are counted below it.
    private func clusterTable(_ report: LintReport) -> String {
        var rows = report.inputs.flatMap { input in input.resultsByCluster.map { ClusterRow(path: input.path, cluster: $0.cluster, results: $0.results) } }
        guard !rows.isEmpty else { return "" }
        let header = "| Cluster | Input | Critical | High | Medium | Low | Info | Indeterminate | Suppressed | Passed |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        let budget = maximumBytes / 3
        // A row is at most this long: names and paths are bounded (see BoundedText), counts are short.
        let fitsInOrder = rows.reduce(header.utf8.count) { $0 + $1.path.utf8.count + $1.cluster.displayName.utf8.count + 90 } < budget
        if !fitsInOrder {
            rows = rows.enumerated().sorted { a, b in
                a.element.failures != b.element.failures ? a.element.failures.lexicographicallyPrecedes(b.element.failures, by: >) : a.offset < b.offset
            }.map(\.element)
        }
        var table = header
        for (listed, row) in rows.enumerated() {
            guard table.utf8.count < budget else {
                let unlisted = rows.count - listed
                return table + "\n_The \(listed) clusters with the most severe findings are listed; \(unlisted) more \(unlisted == 1 ? "is" : "are") not. The JSON and SARIF reports list every cluster._\n\n"
            }
            var cells = [MarkdownEscaping.code(row.cluster.displayName, inTable: true), MarkdownEscaping.code(row.path, inTable: true)]
            cells += row.failures.map(String.init)
            cells.append("\(row.results.count { $0.isOpen && $0.state == .indeterminate })")
            cells.append("\(row.results.count { $0.suppression != nil })")
            cells.append("\(row.results.count { $0.state == .pass })")
            table += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return table + "\n"
    }

    /// One cluster's line of the table, with its open failures by severity, most severe first.
    private struct ClusterRow {
        let path: String
        let cluster: ClusterReference
        let results: [Finding]
        let failures: [Int]

        init(path: String, cluster: ClusterReference, results: [Finding]) {
            self.path = path
            self.cluster = cluster
            self.results = results
            let open = results.filter { $0.isOpen && $0.state == .fail }
            failures = Severity.allCases.map { severity in open.count { $0.severity == severity } }
        }
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

    /// Appends a list item, unless the document is full; then it is counted as omitted (and
    /// not even made: a fleet has hundreds of thousands).
    mutating func appendItem(_ item: @autoclosure () -> String) {
        guard omitted == 0 else {
            omitted += 1
            return
        }
        let text = item()
        guard bytes + text.utf8.count + Self.reserve <= budget else {
            omitted += 1
            return
        }
        append(text)
    }

    /// Appends one section's findings as items, then a blank line; when the document was full
    /// before any of them fit, a line says so, so the section is not left empty without a word.
    mutating func appendItems(_ findings: [Finding], _ item: (Finding) -> String) {
        let omittedBefore = omitted
        for finding in findings { appendItem(item(finding)) }
        if omitted - omittedBefore == findings.count {
            append("_None of these \(findings.count) \(findings.count == 1 ? "finding is" : "findings are") listed: the summary is at its size limit._\n")
        }
        append("\n")
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
