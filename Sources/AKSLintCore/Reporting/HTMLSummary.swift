/// The parts of the HTML report drawn when it is written: the fleet's counts as inline SVG bar
/// charts, the most exposed clusters, what changed since the baseline, and the run's facts.
struct HTMLSummary {
    let report: LintReport

    var html: String {
        var html = "<section id=\"summary\" aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">Summary</h2><div class=\"charts\">\n"
        let summary = report.summary
        html += chart(title: "Failed by severity", bars: Severity.allCases.map { (label: $0.rawValue, value: summary.counts.failures(at: $0), style: "sev-\($0.rawValue)") })
        html += chart(title: "Failed by category", bars: failuresByCategory())
        html += "</div>\n" + exposedClusters() + baselineComparison() + "</section>\n"
        return html
    }

    /// Open failures per category of the rules that ran, most first.
    private func failuresByCategory() -> [(label: String, value: Int, style: String)] {
        var counts: [RuleCategory: Int] = [:]
        for finding in report.findings where finding.isOpen && finding.state == .fail { counts[finding.rule.category, default: 0] += 1 }
        return HTMLReporter.categoriesPresent(report)
            .map { (label: $0.title, value: counts[$0] ?? 0, style: "bar") }
            .sorted { $0.value > $1.value }
    }

    /// A horizontal bar chart with each value written beside its bar (so the numbers do not
    /// depend on reading the bars) and a text alternative.
    private func chart(title: String, bars: [(label: String, value: Int, style: String)]) -> String {
        let largest = max(1, bars.map(\.value).max() ?? 1)
        let rowHeight = 22, labelWidth = 230, barWidth = 260
        let height = rowHeight * bars.count + 8
        let described = bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
        var svg = "<figure class=\"chart\"><figcaption>\(HTMLEscaping.text(title))</figcaption>"
        svg += "<svg role=\"img\" aria-label=\"\(HTMLEscaping.text(title + ": " + described))\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\">"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 4
            let width = bar.value == 0 ? 0 : max(2, bar.value * barWidth / largest)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLEscaping.text(bar.label))</text>"
            svg += "<rect class=\"\(bar.style)\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\"></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.value)</text>"
        }
        return svg + "</svg></figure>\n"
    }

    /// The ten clusters with the most critical and high failures (then medium, and so on).
    private func exposedClusters() -> String {
        var rows: [(name: String, file: String, counts: [Int])] = []
        for input in report.inputs {
            for (cluster, results) in input.resultsByCluster {
                let failing = results.filter { $0.isOpen && $0.state == .fail }
                let counts = Severity.allCases.map { severity in failing.count { $0.severity == severity } }
                if counts.contains(where: { $0 > 0 }) { rows.append((cluster.displayName, input.path, counts)) }
            }
        }
        guard !rows.isEmpty else { return "<p>No cluster has an open failure.</p>\n" }
        let top = rows.enumerated().sorted { a, b in
            a.element.counts != b.element.counts ? a.element.counts.lexicographicallyPrecedes(b.element.counts, by: >) : a.offset < b.offset
        }.prefix(10).map(\.element)
        var html = "<h3>Most exposed clusters</h3><table class=\"exposed\"><thead><tr><th scope=\"col\">Cluster</th><th scope=\"col\">File</th>"
        html += Severity.allCases.map { "<th scope=\"col\">\($0.title)</th>" }.joined() + "</tr></thead><tbody>"
        for row in top {
            html += "<tr><th scope=\"row\"><a href=\"#cluster=\(HTMLEscaping.text(Self.fragment(TerminalSafety.sanitize(row.name))))\">\(HTMLEscaping.text(row.name))</a></th><td>\(HTMLEscaping.text(row.file))</td>"
            html += row.counts.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    /// A name as the page's address holds it (`#cluster=NAME`): percent-encoded but for letters,
    /// digits and `-._~`, as `encodeURIComponent` writes it.
    static func fragment(_ name: String) -> String {
        var encoded = ""
        for byte in name.utf8 {
            let unreserved = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "-._~!*'()".utf8.contains(byte)
            encoded += unreserved ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return encoded
    }

    /// With `--baseline`: how many findings are new, how many remain (accepted in the baseline),
    /// and how many of the baseline's entries no longer occur (fixed).
    private func baselineComparison() -> String {
        guard let baseline = report.suppressionReview.baselinePath else { return "" }
        let open = report.findings.filter(\.isOpen)
        let remaining = report.findings.count { $0.suppression?.kind == .baseline }
        let fixed = report.suppressionReview.baselineEntriesNotFound
        return "<h3>Since the baseline</h3><p class=\"baseline\">Compared with \(HTMLEscaping.text(baseline)): <strong>\(open.count) new</strong>, \(remaining) remaining (accepted in the baseline), \(fixed) fixed (in the baseline, no longer found).</p>\n"
    }

    /// Version, dates, inputs, configuration and baseline, errors and warnings.
    static func runFacts(_ report: LintReport, _ facts: HTMLReporter.RunFacts) -> String {
        var html = "<section id=\"facts\" aria-labelledby=\"facts-title\"><h2 id=\"facts-title\">Run</h2><dl class=\"facts\">"
        let entries: [(String, String)] = [
            ("akslint", AKSLintInfo.version),
            ("Run at", facts.timestamp),
            ("Evaluated as of", report.evaluationDay.description),
            ("Kubernetes support calendar", facts.calendarDate.description),
            ("Rules", "\(report.rules.count)"),
            ("Configuration", report.suppressionReview.configurationPath ?? "none"),
            ("Baseline", report.suppressionReview.baselinePath ?? "none"),
        ]
        for (term, value) in entries { html += "<dt>\(term)</dt><dd>\(HTMLEscaping.text(value))</dd>" }
        html += "</dl><details><summary>Inputs (\(report.inputs.count))</summary><ul class=\"inputs\">"
        for input in report.inputs {
            let detail = input.error == nil ? "\(input.format?.rawValue ?? "unknown"), \(input.clusters.count) \(input.clusters.count == 1 ? "cluster" : "clusters")" : "could not be read"
            html += "<li>\(HTMLEscaping.text(input.path)) — \(HTMLEscaping.text(detail))</li>"
        }
        html += "</ul></details>"
        let problems = report.errors.map { ("error", $0) } + report.warnings.map { ("warning", $0) }
        if !problems.isEmpty {
            html += "<details open><summary>Errors and warnings (\(problems.count))</summary><ul class=\"problems\">"
            for (kind, diagnostic) in problems { html += "<li class=\"problem-\(kind)\">\(kind): \(HTMLEscaping.text(diagnostic.description))</li>" }
            html += "</ul></details>"
        }
        return html + "</section>\n"
    }
}
