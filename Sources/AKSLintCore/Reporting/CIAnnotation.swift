/// What a CI annotation of one finding says, for the formats that turn findings into a CI
/// system's annotations (GitHub workflow commands, Azure Pipelines logging commands): the same
/// title, the same lines, in the same order, whichever system shows them.
enum CIAnnotation {
    /// The open findings (not suppressed or baselined) in the order CI systems should get them:
    /// failures before indeterminate results, the most severe first, report order otherwise.
    /// CI systems show only the first few annotations of a step, so the worst come first.
    static func inOrder(_ report: LintReport) -> [Finding] {
        let open = report.findings.filter(\.isOpen)
        let order = open.indices.sorted { left, right in
            let (a, b) = (open[left], open[right])
            if a.state != b.state { return a.state == .fail }
            if a.severity != b.severity { return a.severity > b.severity }
            return left < right
        }
        return order.map { open[$0] }
    }

    /// `AKS103 local-accounts-disabled (high) on prod-aks`, with `, indeterminate` and the pool.
    static func title(of finding: Finding) -> String {
        var title = "\(finding.ruleId) \(finding.ruleName) (\(finding.severity.rawValue)\(finding.state == .indeterminate ? ", indeterminate" : ""))"
        title += " on \(finding.cluster.displayName)\(finding.subjectText.map { " \($0)" } ?? "")"
        return title
    }

    /// `text` with its line breaks (`%0D`, `%0A`) and `%` itself escaped, as both CI systems'
    /// commands need; they differ only in how `%` is written (`%25`, `%AZP25`).
    static func escapingLineBreaks(_ text: String, percent: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": output += percent
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// The message, then the fix for the kind of file the finding is in (`fix: az …`, `ARM: …`
    /// or `Bicep: …`, `Terraform: …`) and any unresolved expression, one per line.
    static func lines(of finding: Finding) -> [String] {
        var lines = [finding.message]
        for followUp in finding.followUps {
            switch followUp {
            case .command(let label, let command): lines.append("\(label): \(command)")
            case .template(let change) where !finding.location.isBicep: lines.append("ARM: \(change)")
            case .bicep(let change) where finding.location.isBicep: lines.append("Bicep: \(change)")
            case .terraform(let change): lines.append("Terraform: \(change)")
            case .template, .bicep: break
            case .unresolved(let expression): lines.append("unresolved: \(expression)")
            }
        }
        return lines
    }
}
