/// One entry of `suppressions` in `.akslint.json`.
public struct SuppressionEntry: Sendable, Equatable {
    /// The rule id it applies to.
    public let rule: String
    /// Which clusters: a glob over the cluster's name, resource id and Terraform resource address
    /// (all clusters when nil).
    public let cluster: GlobPattern?
    /// Why the finding is accepted (required).
    public let reason: String
    /// The last day it applies; after it, findings are reported again and the entry is flagged.
    public let expires: CalendarDay?
    /// Where it is written.
    public let source: SourceReference

    /// Creates an entry.
    public init(rule: String, cluster: GlobPattern?, reason: String, expires: CalendarDay?, source: SourceReference) {
        self.rule = rule
        self.cluster = cluster
        self.reason = reason
        self.expires = expires
        self.source = source
    }

    /// Whether this entry covers a finding about `cluster`.
    public func matches(ruleId: String, cluster reference: ClusterReference) -> Bool {
        guard ruleId.equalsIgnoringASCIICase(rule) else { return false }
        guard let cluster else { return true }
        return cluster.matches(reference.displayName) || (reference.resourceId.map(cluster.matches) ?? false)
            || (reference.terraform.map { cluster.matches($0.address) } ?? false)
    }
}
