import AKSLintCore

/// What the user asked akslint to do.
package enum Command: Sendable, Equatable {
    case check(CheckOptions)
    case listRules(RulesFormat)
    case explain(ruleID: String)
    /// `akslint calendar`: the built-in Kubernetes support calendar, as `--k8s-calendar` reads it.
    case calendar
    /// `akslint completions SHELL`: a completion script.
    case completions(shell: String)
    /// `akslint man`: the manual page in roff.
    case manPage
    case help
    case version
}

/// Formats of `akslint check`.
package enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, markdown, github
    /// Azure Pipelines logging commands.
    case azureDevOps = "azure-devops"
    /// The fleet report: one self-contained HTML page.
    case html
}

/// One report to write: a format, and a file (nil: standard output).
package struct ReportTarget: Sendable, Equatable {
    package var format: ReportFormat
    package var path: String?

    package init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path
    }
}

/// Formats of `akslint rules`.
package enum RulesFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

/// When to colour text output.
package enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// Options of `akslint check`.
package struct CheckOptions: Sendable, Equatable {
    /// Files and directories; `-` is standard input. Empty means standard input when it is piped.
    package var paths: [String] = []
    /// The reports to write, from `--format`/`--output` pairs; text on standard output by default.
    package var reports: [ReportTarget] = [ReportTarget(format: .text, path: nil)]
    /// The gate; nil when not given (then the configuration's `failOn`, else high).
    package var failOn: FailThreshold?
    /// Findings below this severity are not reported.
    package var minimumSeverity: Severity = .info
    /// `--rules`: run exactly these (empty: the defaults and the configuration's `enabledRules`).
    package var onlyRules: [RuleSelector] = []
    /// `--skip-rule`: never run these.
    package var skippedRules: [RuleSelector] = []
    /// `--framework`: run only the rules that evidence this framework, and summarise by its controls.
    package var framework: ComplianceControl.Framework?
    package var strict = false
    package var color: ColorChoice = .auto
    package var quiet = false
    /// The name findings in standard input are reported under.
    package var stdinFilename = "stdin.json"
    /// List passing results too (JSON only).
    package var includePassed = false
    /// An ARM parameters file for the templates; when nil, a sibling `NAME.parameters.json` is used.
    package var parametersPath: String?
    /// `--repository-url URL`: where the HTML report links file locations to.
    package var repositoryURL: String?
    /// `--k8s-calendar FILE`: a Kubernetes support calendar to use instead of the built-in one.
    package var kubernetesCalendarPath: String?
    /// `-p TEMPLATE=FILE`: a parameters file for one template each.
    package var parameterPairings: [ParametersPairing] = []
    /// `--terraform-dir`: the `.tf` files of a Terraform plan or state; nil means the plan's folder.
    package var terraformDirectory: String?
    /// The day date-dependent rules evaluate at; nil means today.
    package var asOf: CalendarDay?
    /// `--config`: the configuration file; nil means `.akslint.json` in the working directory or a parent.
    package var configPath: String?
    /// `--no-config`: read no configuration file.
    package var ignoresConfiguration = false
    /// `--baseline`: findings recorded there are reported as baselined, not as new.
    package var baselinePath: String?
    /// `--write-baseline`: record the run's open findings there.
    package var writeBaselinePath: String?
    /// `--sarif-include-suppressed`: put suppressed and baselined findings in SARIF, marked as such.
    package var sarifIncludesSuppressed = false
    /// `--sarif-category`: the SARIF run's category (`runs[].automationDetails.id`).
    package var sarifCategory: String?
    /// `--exclude`: glob patterns of paths a directory scan leaves out.
    package var excludes: [PathPattern] = []

    package init() {}
}

extension CheckOptions {
    /// Whether a report of the run lists passes or not-applicable results, or counts them by
    /// cluster or control: text (its counts per cluster), JUnit (a test case per rule and
    /// cluster), Markdown and HTML (their tables), JSON with `--include-passed`, and any report
    /// summarised by `--framework` controls. Without one (JSON, SARIF and the CI annotations list
    /// failing and indeterminate results only), passes are only counted, which for a fleet is most
    /// of the results (see `OmittedResults`).
    package var reportsListPasses: Bool {
        includePassed || framework != nil || reports.contains { [.text, .junit, .markdown, .html].contains($0.format) }
    }
}

