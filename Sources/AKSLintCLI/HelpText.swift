import AKSLintCore

/// The text of `akslint --help`: the usage and options come from ``OptionTable``, so the help
/// lists exactly what the parser accepts. It fits an 80-column terminal.
enum HelpText {
    /// The column option help starts at.
    static let helpColumn = 26
    /// The width help lines are wrapped to.
    static let width = 80

    static var usage: String {
        var text = "akslint: checks the security posture of Azure Kubernetes Service clusters\nfrom their configuration.\n\nUSAGE\n"
        for command in OptionTable.commands { text += "  " + command.usage + "\n" + wrapped(command.summary, indent: 6) }
        text += """

            INPUTS
              az aks show / az aks list -o json      one cluster / many clusters
              az aks nodepool list / show            node pools alone
              az rest, az resource show, REST bodies, Export-AzRuleData (PSRule)
              Azure Resource Graph results ({"data": [...]})
              ARM templates with parameter files, Bicep files and .bicepparam,
              Terraform plans and states (terraform show -json)
              UTF-8 (with or without BOM) or UTF-16 with BOM; comments and
              trailing commas allowed

            OPTIONS

            """
        for spec in OptionTable.check { text += line(spec.spelling, spec.help) }
        for global in OptionTable.global { text += line(global.names.joined(separator: ", "), global.help) }
        text += """

            CONFIGURATION (.akslint.json beside the inputs, comments allowed)
              {"enabledRules": ["reliability"], "disabledRules": ["AKS702"],
               "severityOverrides": {"AKS604": "info"}, "failOn": "medium",
               "strict": false, "naming": {"cluster": "aks-*"},
               "suppressions": [{"rule": "AKS201", "cluster": "prod-*",
                 "reason": "why it is accepted", "expires": "2027-03-31"}]}
              In a template: "metadata": {"akslint": {"suppress": [{"rule":
              "AKS201", "reason": "..."}]}} on the cluster resource.
              Suppressed and baselined findings stay in JSON and in the counts;
              they do not fail the run.

            EXIT STATUS
              0  no open finding at or above --fail-on
              1  at least one such finding
              2  usage error, bad configuration, baseline or calendar, or an
                 input could not be read (the other inputs are still reported)
              3  internal error (please report it)

            """
        return text
    }

    /// One option: its spelling, then its help from ``helpColumn``, wrapped at ``width``; a
    /// spelling too long for its column gets a line of its own.
    private static func line(_ spelling: String, _ help: String) -> String {
        let start = "  " + spelling
        guard start.count < helpColumn - 1 else { return start + "\n" + wrapped(help, indent: helpColumn) }
        let lines = wrapped(help, indent: helpColumn)
        return start + String(lines.dropFirst(start.count))
    }

    /// `text` in lines of at most ``width`` columns, each indented by `indent` spaces.
    static func wrapped(_ text: String, indent: Int) -> String {
        WordWrap.lines(text, width: width, indent: String(repeating: " ", count: indent)) + "\n"
    }
}
