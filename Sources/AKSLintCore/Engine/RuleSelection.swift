/// A way to name rules on the command line (`--rules`, `--skip-rule`) or in `.akslint.json`
/// (`enabledRules`, `disabledRules`): `all`, `security`, a category, or rules by id, name or the
/// id of the same check in another tool.
public enum RuleSelector: Sendable, Equatable {
    /// Every rule, reliability, cost and naming included.
    case all
    /// Every security-posture rule (the default set).
    case security
    /// Every rule of a category.
    case category(RuleCategory)
    /// These rules, by id (a peer's id can name more than one: PSRule's ManagedAAD is AKS101 and AKS110).
    case rules([String])

    /// Short names accepted for categories, besides their full names.
    static let categoryAliases: [String: RuleCategory] = [
        "identity": .identity, "access": .identity, "secrets": .dataProtection, "data-protection": .dataProtection,
        "threat-protection": .threatProtection, "governance": .threatProtection, "logging": .monitoring, "monitoring": .monitoring,
        "pools": .nodePools, "related": .relatedResources,
    ]

    /// What `token` names in `catalogue`, or nil when it names nothing.
    public static func parse(_ token: String, catalogue: [RuleMetadata]) -> RuleSelector? {
        let folded = token.asciiLowercased()
        if folded == "all" { return .all }
        if folded == "security" || folded == "default" { return .security }
        if let category = RuleCategory(rawValue: folded) ?? categoryAliases[folded] { return .category(category) }
        let ids = catalogue.filter { $0.isNamed(token) }.map(\.id)
        return ids.isEmpty ? nil : .rules(ids)
    }

    /// Whether this selector names the rule.
    public func selects(_ rule: RuleMetadata) -> Bool {
        switch self {
        case .all: return true
        case .security: return rule.runsByDefault
        case .category(let category): return rule.category == category
        case .rules(let ids): return ids.contains(rule.id)
        }
    }
}

/// Which rules a run evaluates: the defaults (every security-posture rule) plus `enabledRules`,
/// or exactly what `--rules` names; minus what `--skip-rule` and `disabledRules` name (a rule
/// named with `--rules` runs even when the configuration disables it); and, with `--framework`,
/// only the rules that evidence that framework.
public struct RuleSelection: Sendable, Equatable {
    /// `enabledRules` of the configuration: turned on besides the defaults.
    public var enabled: [RuleSelector] = []
    /// `disabledRules` of the configuration.
    public var disabled: [RuleSelector] = []
    /// `--rules`: when given, exactly these run.
    public var only: [RuleSelector] = []
    /// `--skip-rule`.
    public var skipped: [RuleSelector] = []
    /// `--framework`.
    public var framework: ComplianceControl.Framework?

    /// A selection of the defaults.
    public init() {}

    /// Whether `rule` runs.
    public func includes(_ rule: RuleMetadata) -> Bool {
        if skipped.contains(where: { $0.selects(rule) }) { return false }
        if let framework, !rule.controls.contains(where: { $0.framework == framework }) { return false }
        if !only.isEmpty { return only.contains { $0.selects(rule) } }
        if disabled.contains(where: { $0.selects(rule) }) { return false }
        return rule.runsByDefault || enabled.contains { $0.selects(rule) }
    }

    /// The rules of `catalogue` that run, in catalogue order.
    public func choose(from catalogue: [any Rule]) -> [any Rule] {
        catalogue.filter { includes($0.metadata) }
    }
}
