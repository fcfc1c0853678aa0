/// The text of `akslint --help`: the usage and options come from ``OptionTable``, so the help
/// lists exactly what the parser accepts.
enum HelpText {
    /// The column option help starts at.
    static let helpColumn = 41
    /// The width help lines are wrapped to.
    static let width = 120

    static var usage: String {
        var text = "akslint: checks the security posture of Azure Kubernetes Service clusters from their exported configuration.\n\nUSAGE\n"
        for command in OptionTable.commands { text += "  " + command.synopsis + "\n" }
        text += """

            INPUTS
              az aks show -g RG -n NAME -o json      one cluster          az aks list -o json      many clusters
              az aks nodepool list / show            node pools alone     Export-AzRuleData        PSRule for Azure's export
              az rest / az resource show / REST bodies                    Azure Resource Graph results ({"data": [...]})
              ARM deployment templates (also compiled Bicep), with a parameters file
              UTF-8 (with or without BOM) or UTF-16 with BOM (Windows PowerShell's '>'); comments and trailing commas allowed

            OPTIONS

            """
        for spec in OptionTable.check { text += line(spec.spelling, spec.help) }
        for global in OptionTable.global { text += line(global.names.joined(separator: ", "), global.help) }
        text += """

            CONFIGURATION (.akslint.json, comments allowed)
              {"enabledRules": ["reliability"], "disabledRules": ["AKS702"], "severityOverrides": {"AKS604": "info"},
               "failOn": "medium", "strict": false, "naming": {"cluster": "aks-*"},
               "suppressions": [{"rule": "AKS201", "cluster": "prod-*", "reason": "why it is accepted", "expires": "2027-03-31"}]}
              In a template: "metadata": {"akslint": {"suppress": [{"rule": "AKS201", "reason": "..."}]}} on the cluster resource.
              Suppressed and baselined findings stay in JSON and in the counts; they do not fail the run.

            EXIT STATUS
              0  no open finding at or above --fail-on     1  at least one such finding
              2  usage error, bad configuration or baseline, or an input could not be read (the other inputs are still reported)
              3  internal error (please report it)

            """
        return text
    }

    /// One option: its spelling, then its help from ``helpColumn``, wrapped at ``width``.
    private static func line(_ spelling: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: helpColumn)
        var lines: [String] = []
        var current = "  " + spelling
        if current.count >= helpColumn - 1 {
            lines.append(current)
            current = indent
        } else {
            current += String(repeating: " ", count: helpColumn - current.count)
        }
        var first = true
        for word in help.split(separator: " ") {
            if !first && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (first ? "" : " ") + word
            }
            first = false
        }
        lines.append(current)
        return lines.joined(separator: "\n") + "\n"
    }
}
