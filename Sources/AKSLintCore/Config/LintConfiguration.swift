/// The settings of `.akslint.json`: rules to disable, severity overrides, the gate, strictness and
/// suppressions. Command-line options override the gate and strictness.
public struct LintConfiguration: Sendable {
    /// The file it was read from, for messages.
    public var path: String?
    /// Rule ids that do not run.
    public var disabledRules: [String] = []
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

    /// `rules` without the disabled ones, each at its overridden severity.
    public func configuring(_ rules: [any Rule]) -> [any Rule] {
        rules.compactMap { rule in
            let id = rule.metadata.id
            guard !disabledRules.contains(id) else { return nil }
            guard let severity = severityOverrides[id], severity != rule.metadata.severity else { return rule }
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
