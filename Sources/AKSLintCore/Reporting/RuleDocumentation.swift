/// The documentation of a rule, generated from its metadata: what `akslint explain` prints and
/// what SARIF carries as help.
public enum RuleDocumentation {
    /// The rule's documentation as Markdown.
    public static func markdown(_ rule: RuleMetadata) -> String {
        var lines: [String] = []
        lines.append("## \(rule.id) \(rule.name)")
        lines.append("")
        lines.append("**\(rule.title)**")
        lines.append("")
        lines.append("| severity | category | checks |")
        lines.append("|---|---|---|")
        lines.append("| \(rule.severity.rawValue) | \(rule.category.title) | \(markdownCell(rule.checks)) |")
        lines.append("")
        lines.append("### Why it matters")
        lines.append("")
        lines.append(rule.rationale)
        lines.append("")
        lines.append("When the setting is missing or null: \(rule.absentMeans) A value that cannot be resolved offline gives an indeterminate result, never a pass.")
        lines.append("")
        lines.append("### How to fix it")
        lines.append("")
        if let command = rule.remediation.azCommand {
            lines.append("```sh")
            lines.append(command)
            lines.append("```")
            lines.append("")
        }
        lines.append("ARM template: `\(rule.remediation.template)`")
        lines.append("")
        lines.append("Bicep:")
        lines.append("")
        lines.append("```bicep")
        lines.append(rule.remediation.bicep)
        lines.append("```")
        lines.append("")
        lines.append(rule.remediation.disruption.explanation)
        if let notes = rule.remediation.notes {
            lines.append("")
            lines.append(notes)
        }
        lines.append("")
        lines.append("### References")
        lines.append("")
        for reference in rule.references {
            lines.append("- [\(reference.title)](\(reference.url))")
        }
        if !rule.peerIDs.isEmpty {
            lines.append("- Same check elsewhere: " + rule.peerIDs.map { "`\($0)`" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("### Examples")
        for example in rule.examples {
            lines.append("")
            lines.append("\(example.title): \(describe(example.expectation))")
            lines.append("")
            lines.append("```json")
            lines.append(example.input)
            lines.append("```")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rule's documentation as plain text for a terminal.
    public static func text(_ rule: RuleMetadata) -> String {
        var lines: [String] = []
        lines.append("\(rule.id) \(rule.name) (\(rule.severity.rawValue), \(rule.category.title))")
        lines.append(rule.title)
        lines.append("")
        lines.append("Checks: \(rule.checks)")
        lines.append("Missing or null: \(rule.absentMeans)")
        lines.append("Unresolved template expression: indeterminate (counts for the gate only with --strict).")
        lines.append("")
        lines.append("Why it matters")
        lines.append(indent(rule.rationale))
        lines.append("")
        lines.append("How to fix it")
        if let command = rule.remediation.azCommand { lines.append("  az:       \(command)") }
        lines.append("  ARM:      \(rule.remediation.template)")
        lines.append("  Bicep:    " + rule.remediation.bicep.split(separator: "\n").joined(separator: "\n            "))
        lines.append(indent(rule.remediation.disruption.explanation))
        if let notes = rule.remediation.notes { lines.append(indent(notes)) }
        lines.append("")
        lines.append("References")
        for reference in rule.references { lines.append("  \(reference.title): \(reference.url)") }
        if !rule.peerIDs.isEmpty { lines.append("  Same check elsewhere: " + rule.peerIDs.joined(separator: ", ")) }
        lines.append("")
        lines.append("Examples")
        for example in rule.examples {
            lines.append("  \(example.title): \(describe(example.expectation))")
            for line in example.input.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ expectation: RuleExample.Expectation) -> String {
        switch expectation {
        case .passes: return "passes"
        case .fails(let path): return "fails at \(path)"
        case .indeterminate(let path): return "indeterminate at \(path)"
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    private static func markdownCell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
