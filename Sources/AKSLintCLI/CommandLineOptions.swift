import AKSLintCore

/// What the user asked akslint to do.
public enum Command: Sendable, Equatable {
    case check(CheckOptions)
    case listRules(RulesFormat)
    case explain(ruleID: String)
    case help
    case version
}

/// Formats of `akslint check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, markdown, github
}

/// One report to write: a format, and a file (nil: standard output).
public struct ReportTarget: Sendable, Equatable {
    public var format: ReportFormat
    public var path: String?

    public init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path
    }
}

/// Formats of `akslint rules`.
public enum RulesFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

/// When to colour text output.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// Options of `akslint check`.
public struct CheckOptions: Sendable, Equatable {
    /// Files and directories; `-` is standard input. Empty means standard input when it is piped.
    public var paths: [String] = []
    /// The reports to write, from `--format`/`--output` pairs; text on standard output by default.
    public var reports: [ReportTarget] = [ReportTarget(format: .text, path: nil)]
    /// The gate; nil when not given (then the configuration's `failOn`, else high).
    public var failOn: FailThreshold?
    /// Findings below this severity are not reported.
    public var minimumSeverity: Severity = .info
    /// `--rules`: run exactly these (empty: the defaults and the configuration's `enabledRules`).
    public var onlyRules: [RuleSelector] = []
    /// `--skip-rule`: never run these.
    public var skippedRules: [RuleSelector] = []
    /// `--framework`: run only the rules that evidence this framework, and summarise by its controls.
    public var framework: ComplianceControl.Framework?
    public var strict = false
    public var color: ColorChoice = .auto
    public var quiet = false
    /// The name findings in standard input are reported under.
    public var stdinFilename = "stdin.json"
    /// List passing results too (JSON only).
    public var includePassed = false
    /// An ARM parameters file for the templates; when nil, a sibling `NAME.parameters.json` is used.
    public var parametersPath: String?
    /// The day date-dependent rules evaluate at; nil means today.
    public var asOf: CalendarDay?
    /// `--config`: the configuration file; nil means `.akslint.json` in the working directory or a parent.
    public var configPath: String?
    /// `--no-config`: read no configuration file.
    public var ignoresConfiguration = false
    /// `--baseline`: findings recorded there are reported as baselined, not as new.
    public var baselinePath: String?
    /// `--write-baseline`: record the run's open findings there.
    public var writeBaselinePath: String?
    /// `--sarif-include-suppressed`: put suppressed and baselined findings in SARIF, marked as such.
    public var sarifIncludesSuppressed = false

    public init() {}
}
