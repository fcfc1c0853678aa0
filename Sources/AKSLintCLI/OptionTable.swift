import AKSLintCore

/// What an option takes after its name.
enum OptionValue: Equatable, Sendable {
    /// Nothing: a flag.
    case none
    /// A free value, shown in help as this placeholder (`FILE`, `YYYY-MM-DD`).
    case text(String)
    /// One of these words.
    case choice([String])
    /// A path, where `-` means standard output.
    case output(String)

    /// How the value is shown after the option's names in `--help`.
    var synopsis: String {
        switch self {
        case .none: return ""
        case .text(let placeholder), .output(let placeholder): return " " + placeholder
        case .choice(let words): return " " + words.joined(separator: "|")
        }
    }
}

/// One option of `akslint check`, declared once: its spellings, what it takes, its help line and
/// what it does to the state.options. Parsing, `--help`, error messages and suggestions all read this table.
struct OptionSpec: Sendable {
    /// The spellings, the canonical long one first (`--format`, `-f`).
    let names: [String]
    let value: OptionValue
    /// One line (or a few) of help.
    let help: String
    /// Records the option (with its value, when it takes one) in the command line being parsed.
    let apply: @Sendable (inout CheckArguments, String, ArgumentParser) throws(UsageError) -> Void

    /// `-f, --format FORMAT` as help shows it (short names first).
    var spelling: String {
        let ordered = names.filter { !$0.hasPrefix("--") } + names.filter { $0.hasPrefix("--") }
        return ordered.joined(separator: ", ") + value.synopsis
    }
}

/// `akslint check`'s options as they are parsed: the `--format` and `--output` lists pair up
/// only at the end.
struct CheckArguments {
    var options = CheckOptions()
    var formats: [ReportFormat] = []
    var outputs: [String] = []
}

/// The options of `akslint check`, in the order `--help` lists them.
enum OptionTable {
    static let check: [OptionSpec] = [
        OptionSpec(names: ["--format", "-f"], value: .choice(ReportFormat.allCases.map(\.rawValue)),
                   help: "report format: text (default), json, sarif, junit, markdown, github (workflow commands), azure-devops (logging commands) or html (the fleet report)") { state, value, _ in
            state.formats.append(ReportFormat(rawValue: value.lowercased())!)
        },
        OptionSpec(names: ["--output", "-o"], value: .output("FILE"),
                   help: "write the report to FILE instead of standard output; repeat -f/-o pairs to write several reports from one run ('-o -' is standard output)") { state, value, _ in
            state.outputs.append(value)
        },
        OptionSpec(names: ["--fail-on"], value: .choice(Severity.allCases.map(\.rawValue) + ["never"]),
                   help: "exit 1 when a finding at or above this severity exists (default: high)") { state, value, _ in
            let word = value.lowercased()
            state.options.failOn = word == "never" ? .never : .severity(Severity(rawValue: word)!)
        },
        OptionSpec(names: ["--min-severity"], value: .choice(Severity.allCases.map(\.rawValue)),
                   help: "do not report findings below this severity") { state, value, _ in
            state.options.minimumSeverity = Severity(rawValue: value.lowercased())!
        },
        OptionSpec(names: ["--rules", "--rule"], value: .text("RULE[,RULE...]"),
                   help: "run only these rules: ids, names, other tools' ids (CKV_AZURE_141), categories (network, reliability, ...), security (the default set) or all") { state, value, parser throws(UsageError) in
            state.options.onlyRules += try parser.selectors(value, option: "--rules")
        },
        OptionSpec(names: ["--skip-rule", "--skip-rules"], value: .text("RULE[,RULE...]"), help: "do not run these rules") { state, value, parser throws(UsageError) in
            state.options.skippedRules += try parser.selectors(value, option: "--skip-rule")
        },
        OptionSpec(names: ["--framework"], value: .choice(ComplianceControl.Framework.allCases.map(\.rawValue)),
                   help: "run only the rules that evidence this framework (CIS AKS, MCSB) and summarise the report by its controls") { state, value, _ in
            state.options.framework = ComplianceControl.Framework(rawValue: value.lowercased())
        },
        OptionSpec(names: ["--strict"], value: .none, help: "indeterminate results (values unknown offline) and unchecked modules count for --fail-on") { state, _, _ in
            state.options.strict = true
        },
        OptionSpec(names: ["--as-of"], value: .text("YYYY-MM-DD"), help: "evaluate date-dependent rules (supported versions) on this day instead of today") { state, value, _ throws(UsageError) in
            guard let day = CalendarDay(value) else { throw UsageError("invalid date '\(TerminalSafety.sanitize(value))' for --as-of; expected YYYY-MM-DD") }
            state.options.asOf = day
        },
        OptionSpec(names: ["--color", "--colour"], value: .choice(ColorChoice.allCases.map(\.rawValue)),
                   help: "colour text output (auto: on a terminal, unless NO_COLOR is set)") { state, value, _ in
            state.options.color = ColorChoice(rawValue: value.lowercased())!
        },
        OptionSpec(names: ["--no-color", "--no-colour"], value: .none, help: "the same as --color never") { state, _, _ in
            state.options.color = .never
        },
        OptionSpec(names: ["--quiet", "-q"], value: .none, help: "only findings: no summary, no lines for clean clusters") { state, _, _ in
            state.options.quiet = true
        },
        OptionSpec(names: ["--parameters", "-p"], value: .text("[TEMPLATE=]FILE"),
                   help: "parameters file (ARM or .bicepparam) for every template, or with TEMPLATE= for that one (repeatable) (default: NAME.parameters.json beside NAME.json)") { state, value, _ throws(UsageError) in
            if let pairing = ParametersPairing(value) {
                guard !pairing.template.isEmpty, !pairing.parameters.isEmpty else { throw UsageError("-p \(value): give both the template and its parameters file, as -p TEMPLATE=FILE") }
                if let earlier = state.options.parameterPairings.first(where: { FilePath.normalize($0.template) == FilePath.normalize(pairing.template) }) {
                    throw UsageError("-p gives \(pairing.template) two parameters files (\(earlier.parameters) and \(pairing.parameters))")
                }
                state.options.parameterPairings.append(pairing)
            } else {
                if let earlier = state.options.parametersPath {
                    throw UsageError("-p \(earlier) and -p \(value) both name a parameters file for every template; give each its template, as -p TEMPLATE=FILE")
                }
                state.options.parametersPath = value
            }
        },
        OptionSpec(names: ["--repository-url"], value: .text("URL"),
                   help: "link the HTML report's file locations to URL/PATH#LLINE, such as https://github.com/org/repo/blob/main") { state, value, _ throws(UsageError) in
            guard value.hasPrefix("https://") || value.hasPrefix("http://") else { throw UsageError("--repository-url must be an http or https URL, such as https://github.com/org/repo/blob/main") }
            state.options.repositoryURL = value
        },
        OptionSpec(names: ["--k8s-calendar"], value: .text("FILE"),
                   help: "the Kubernetes support calendar AKS603 judges versions by, instead of the built-in one (the JSON 'akslint calendar' prints)") { state, value, _ in
            state.options.kubernetesCalendarPath = value
        },
        OptionSpec(names: ["--terraform-dir"], value: .text("DIR"), help: "the Terraform configuration of a plan or state, for .tf line numbers and comment suppressions (default: the plan's folder)") { state, value, _ in
            state.options.terraformDirectory = value
        },
        OptionSpec(names: ["--stdin-filename"], value: .text("NAME"), help: "the path reported for standard input (default: stdin.json)") { state, value, _ in
            state.options.stdinFilename = value
        },
        OptionSpec(names: ["--include-passed"], value: .none, help: "list passing results too (JSON)") { state, _, _ in
            state.options.includePassed = true
        },
        OptionSpec(names: ["--config"], value: .text("FILE"), help: "configuration (default: the nearest .akslint.json, here or in a parent)") { state, value, _ in
            state.options.configPath = value
        },
        OptionSpec(names: ["--no-config"], value: .none, help: "read no configuration file") { state, _, _ in
            state.options.ignoresConfiguration = true
        },
        OptionSpec(names: ["--baseline"], value: .text("FILE"), help: "findings recorded in FILE are counted as baselined, not reported as new") { state, value, _ in
            state.options.baselinePath = value
        },
        OptionSpec(names: ["--write-baseline"], value: .text("FILE"), help: "record the open findings in FILE (they are then accepted in this run too)") { state, value, _ in
            state.options.writeBaselinePath = value
        },
        OptionSpec(names: ["--sarif-include-suppressed"], value: .none, help: "keep suppressed and baselined findings in SARIF, marked as suppressed") { state, _, _ in
            state.options.sarifIncludesSuppressed = true
        },
        OptionSpec(names: ["--sarif-category"], value: .text("NAME"), help: "the SARIF run's category (automationDetails.id akslint/NAME/), so uploads of dev and prod keep their own alerts") { state, value, _ throws(UsageError) in
            let allowed = value.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "-_./".utf8.contains(byte)
            }
            guard allowed, !value.isEmpty, !value.hasSuffix("/") else {
                throw UsageError("invalid --sarif-category '\(TerminalSafety.sanitize(value))'; expected letters, digits and - _ . / (not ending in /)")
            }
            state.options.sarifCategory = value
        },
        OptionSpec(names: ["--exclude"], value: .text("GLOB"), help: "leave out of directory scans the files and folders matching GLOB (* within a name, ** across folders; repeatable). node_modules and hidden folders (.git, .terraform, .build) are always left out") { state, value, _ throws(UsageError) in
            guard !value.isEmpty else { throw UsageError("--exclude needs a pattern, such as 'examples/**' or '*.parameters.json'") }
            state.options.excludes.append(PathPattern(value))
        },
    ]

    /// The options every command accepts, anywhere on the line.
    static let global: [(names: [String], help: String)] = [
        (["--help", "-h"], "print this help"),
        (["--version"], "print the version"),
    ]

    /// The sub-commands: how each is called and what it does, for `--help` and the manual page.
    static let commands: [(name: String, usage: String, summary: String)] = [
        ("check", "akslint [check] [OPTIONS] [PATH ...]", "lint files and folders ('-' reads standard input)"),
        ("rules", "akslint rules [--format text|json|markdown]", "the rule catalogue"),
        ("explain", "akslint explain RULE", "one rule, by id, name or another tool's id (CKV_AZURE_141)"),
        ("calendar", "akslint calendar", "the built-in Kubernetes support calendar, as JSON for --k8s-calendar"),
        ("completions", "akslint completions bash|zsh|fish", "a shell completion script"),
        ("man", "akslint man", "the manual page (akslint man | man -l -)"),
        ("help", "akslint --version | --help", "the version, or this help"),
    ]

    /// Every option name of `check`, and the global ones.
    static var allNames: [String] { check.flatMap(\.names) + global.flatMap(\.names) }

    /// The spec a name (`--format`, `-f`) belongs to.
    static func spec(named name: String) -> OptionSpec? {
        check.first { $0.names.contains(name) }
    }
}
