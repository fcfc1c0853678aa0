import AKSLintCore

/// `akslint man`: the manual page, in roff, made from ``OptionTable`` and the same texts as
/// `--help`, so it documents exactly what the parser accepts. `akslint man | man -l -` reads it;
/// `akslint man > /usr/local/share/man/man1/akslint.1` installs it.
enum ManPage {
    static var text: String {
        var page = """
            .TH AKSLINT 1 "" "akslint \(AKSLintInfo.version)" "User Commands"
            .SH NAME
            akslint \\- check the security posture of Azure Kubernetes Service clusters from their configuration
            .SH SYNOPSIS

            """
        for command in OptionTable.commands {
            page += ".B akslint\n" + escape(String(command.usage.dropFirst("akslint".count)).trimmingCharacters) + "\n.br\n"
        }
        page += """
            .SH DESCRIPTION
            akslint reads az aks show and az aks list exports, REST bodies, Azure Resource Graph rows, ARM templates
            with parameter files, Bicep files and Terraform plans and states, and judges every cluster against a
            catalogue of rules: Entra ID and Azure RBAC, local accounts, the API server's exposure, workload identity,
            Key Vault, Defender, Azure Policy and more. Each finding says where it is, why it matters and how to fix it.
            Reports are text, JSON, SARIF, JUnit, Markdown, GitHub workflow commands and Azure Pipelines logging
            commands. Directories are searched for *.json, *.jsonc, *.bicep and *.bicepparam files; \\- reads standard input.
            .SH COMMANDS

            """
        for command in OptionTable.commands {
            page += ".TP\n.B \(escape(command.usage))\n\(escape(command.summary))\n"
        }
        page += ".SH OPTIONS\n"
        for spec in OptionTable.check {
            page += ".TP\n.B \(spec.names.map(escape).joined(separator: ", "))\(escape(spec.value.synopsis))\n\(escape(spec.help))\n"
        }
        for global in OptionTable.global {
            page += ".TP\n.B \(global.names.map(escape).joined(separator: ", "))\n\(escape(global.help))\n"
        }
        page += """
            .SH CONFIGURATION
            The nearest .akslint.json in or above the inputs' folders (else above the working directory) holds the
            rules to enable and disable, severity overrides, failOn, strict, naming patterns and suppressions, each
            with a reason and an optional expiry. \\-\\-config chooses one, \\-\\-no\\-config ignores it.
            .SH "EXIT STATUS"
            .TP
            .B 0
            No open finding at or above \\-\\-fail\\-on.
            .TP
            .B 1
            At least one open finding at or above \\-\\-fail\\-on (under \\-\\-strict, indeterminate results count too).
            .TP
            .B 2
            A usage error, a bad configuration, baseline or calendar, an input that could not be read (the other inputs
            are still reported), or, under \\-\\-strict, a run that found no cluster.
            .TP
            .B 3
            An internal error (please report it).
            .SH EXAMPLES
            .nf
            az aks show \\-g RG \\-n NAME \\-o json > cluster.json
            akslint cluster.json
            akslint \\-\\-fail\\-on medium \\-f sarif \\-o akslint.sarif clusters/
            akslint \\-p main.json=prod.parameters.json main.json
            .fi
            .SH "SEE ALSO"
            akslint rules, akslint explain RULE, \(escape(AKSLintInfo.informationURI))

            """
        return page
    }

    /// Text made safe for roff: backslashes and hyphens escaped, and a line that would start with a
    /// control character (`.` or `'`) guarded.
    static func escape(_ text: String) -> String {
        var escaped = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped.replacing("\n.", with: "\n\\&.").replacing("\n'", with: "\n\\&'")
    }
}

extension String {
    fileprivate var trimmingCharacters: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
