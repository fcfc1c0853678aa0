/// The naming patterns a team sets in `.akslint.json` (`naming`), which AKS972 checks. Each is a
/// glob (`*`, `?`) matched without case; a pattern that is not set is not checked.
public struct NamingConventions: Sendable, Equatable {
    /// Cluster names, such as `aks-*-prod`.
    public var cluster: GlobPattern?
    /// System node pool names, such as `sys*`.
    public var systemPool: GlobPattern?
    /// User node pool names, such as `usr*`.
    public var userPool: GlobPattern?

    /// No conventions.
    public init(cluster: GlobPattern? = nil, systemPool: GlobPattern? = nil, userPool: GlobPattern? = nil) {
        self.cluster = cluster
        self.systemPool = systemPool
        self.userPool = userPool
    }

    /// Whether any pattern is set.
    public var isEmpty: Bool { cluster == nil && systemPool == nil && userPool == nil }
}
