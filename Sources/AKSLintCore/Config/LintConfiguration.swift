/// The settings of `.akslint.json`: rules to turn on and off, severity overrides, the gate,
/// strictness, naming conventions and suppressions. Command-line options override the gate,
/// strictness and the rule selection.
public struct LintConfiguration: Sendable {
    /// The file it was read from, for messages.
    public var path: String?
    /// Rules that run besides the defaults (`enabledRules`: ids, names, peer ids, categories or `all`).
    public var enabledRules: [RuleSelector] = []
    /// Rules that do not run (`disabledRules`).
    public var disabledRules: [RuleSelector] = []
    /// The team's naming patterns (`naming`).
    public var naming = NamingConventions()
    /// Severities that replace a rule's own.
    public var severityOverrides: [String: Severity] = [:]
    /// `failOn`; nil when not set.
    public var failOn: FailThreshold?
    /// `strict`; nil when not set.
    public var strict: Bool?
    /// Accepted findings, each with a reason.
    public var suppressions: [SuppressionEntry] = []

    /// An empty configuration.
    public init() {}

    /// `rules`, each at its overridden severity.
    public func applyingSeverityOverrides(to rules: [any Rule]) -> [any Rule] {
        rules.map { rule in
            guard let severity = severityOverrides[rule.metadata.id], severity != rule.metadata.severity else { return rule }
            return SeverityOverriddenRule(base: rule, metadata: rule.metadata.withSeverity(severity))
        }
    }
}

/// A rule whose findings carry the severity the configuration gives it.
struct SeverityOverriddenRule: Rule {
    let base: any Rule
    let metadata: RuleMetadata

    func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        base.evaluate(cluster, context: context)
    }
}
