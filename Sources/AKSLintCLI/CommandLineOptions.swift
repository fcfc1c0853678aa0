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
    case text, json, sarif
}

/// Formats of `akslint rules`.
public enum RulesFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

/// When to colour text output.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// The gate: the least severe finding that fails the run.
public enum FailThreshold: Sendable, Equatable {
    case severity(Severity)
    case never

    /// Whether a finding of this severity trips the gate.
    func isTripped(by severity: Severity) -> Bool {
        if case .severity(let threshold) = self { return severity >= threshold }
        return false
    }
}

/// Options of `akslint check`.
public struct CheckOptions: Sendable, Equatable {
    /// Files and directories; `-` is standard input. Empty means standard input when it is piped.
    public var paths: [String] = []
    public var format: ReportFormat = .text
    /// Where to write the report; nil means standard output.
    public var outputPath: String?
    public var failOn: FailThreshold = .severity(.high)
    /// Findings below this severity are not reported.
    public var minimumSeverity: Severity = .info
    /// Run only these rules (ids, upper-cased); empty means all.
    public var onlyRules: [String] = []
    /// Skip these rules (ids, upper-cased).
    public var skippedRules: [String] = []
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

    public init() {}
}
