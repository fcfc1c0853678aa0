import AKSLintCore

/// The diagnostic settings that apply to one cluster (resources of the same template scoped to
/// it, or the sub-resources its export carries), and which log categories they enable.
struct ClusterDiagnostics {
    /// The settings that apply to the cluster.
    let settings: [RelatedResource]
    /// The first reason a setting's relevance or logs cannot be known offline.
    private(set) var undecided: RuleResult?
    /// The logs of the first applicable setting, or the setting itself: where a failure points.
    let closest: ValueRef?

    /// The canonical property the logging rules report.
    static let property = "diagnosticSettings.logs"

    /// A not-applicable result when the input cannot show diagnostic settings (an `az aks show`
    /// or REST export); nil when it can (a template, a PSRule export).
    static func unseen(in cluster: ClusterResource) -> RuleResult? {
        guard !cluster.showsRelatedResources else { return nil }
        return cluster.notApplicable("Not applicable: an az aks show or REST export does not show diagnostic settings; lint the template that deploys them, export with PSRule's Export-AzRuleData, or run `az monitor diagnostic-settings list --resource <cluster-id>`.")
    }

    init(_ cluster: ClusterResource) {
        var settings: [RelatedResource] = []
        var undecided: RuleResult?
        for setting in cluster.relatedResources where setting.isOfType(ResourceType.diagnosticSettings) {
            switch Self.scopes(setting, to: cluster) {
            case true?: settings.append(setting)
            case false?: continue
            case nil:
                undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell which logs the cluster keeps: diagnostic setting \(ValueDescription.quote(setting.name)) has a scope that cannot be evaluated offline.", location: setting.resource, property: Self.property)
            }
        }
        self.settings = settings
        self.undecided = undecided
        self.closest = settings.first.map { $0.resource.child("properties")?.child("logs") ?? $0.resource }
    }

    /// Where a category is enabled: the first log entry that enables one of `categories` (or a
    /// category group in `groups`) in a setting without an unresolved deployment condition, else
    /// in one with such a condition; nil when none does. Unknown logs or flags are recorded in
    /// ``undecided``.
    mutating func entry(enabling categories: [String], orGroups groups: [String]) -> (entry: ValueRef, setting: RelatedResource)? {
        var conditional: (entry: ValueRef, setting: RelatedResource)?
        for setting in settings {
            guard let logs = setting.resource.child("properties")?.child("logs") else { continue }
            if let unresolved = logs.node.unresolvedValue {
                undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell which logs the cluster keeps: the logs of diagnostic setting \(ValueDescription.quote(setting.name)) are the expression \(ValueDescription.expression(unresolved.expression)).", location: logs, property: Self.property, unresolvedExpression: unresolved.expression)
                continue
            }
            for entry in logs.elements where Self.matches(entry, categories: categories, groups: groups) {
                switch entry.bool("enabled") {
                case .value(true, _), .absent:
                    if setting.deploymentCondition == nil { return (entry, setting) }
                    conditional = conditional ?? (entry, setting)
                case .unresolved(let unresolved, let ref):
                    undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell which logs the cluster keeps: the enabled flag of a log entry of diagnostic setting \(ValueDescription.quote(setting.name)) is \(ValueDescription.expression(unresolved.expression)).", location: ref, property: Self.property, unresolvedExpression: unresolved.expression)
                default:
                    continue
                }
            }
        }
        return conditional
    }

    /// A result for a category found enabled: a pass, or indeterminate when the setting is
    /// deployed only under a condition that cannot be evaluated.
    static func found(_ found: (entry: ValueRef, setting: RelatedResource), _ message: MessageText) -> RuleResult {
        RuleResult(state: .pass, message: message, location: found.entry, property: property).conditioned(on: found.setting.deploymentCondition, failureRisk: nil)
    }

    /// Whether a diagnostic setting applies to this cluster; nil when its scope cannot be evaluated.
    private static func scopes(_ setting: RelatedResource, to cluster: ClusterResource) -> Bool? {
        if setting.isSubResourceOfCluster { return true }
        guard let clusterName = cluster.name?.asciiLowercased() else { return nil }
        if let scope = setting.resource.child("scope") {
            guard let text = scope.node.string?.asciiLowercased() else { return nil }
            return text.hasSuffix("managedclusters/" + clusterName)
        }
        return setting.name.asciiLowercased().hasPrefix(clusterName + "/")
    }

    private static func matches(_ entry: ValueRef, categories: [String], groups: [String]) -> Bool {
        if let category = entry.child("category")?.node.string {
            return categories.contains { $0.equalsIgnoringASCIICase(category) }
        }
        if let group = entry.child("categoryGroup")?.node.string {
            return groups.contains { $0.equalsIgnoringASCIICase(group) }
        }
        return false
    }
}
