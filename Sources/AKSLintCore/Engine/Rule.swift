/// A check of one security property of a cluster.
///
/// A rule is a value: its ``metadata`` documents it and its ``evaluate(_:context:)`` is a pure
/// function of the cluster. It returns one result per thing it judged (the cluster, or each node
/// pool), never an empty list, so a rule cannot pass by not looking.
public protocol Rule: Sendable {
    /// The rule's id, documentation, remediation and examples.
    var metadata: RuleMetadata { get }
    /// Judges `cluster`.
    func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult]
}

/// What a rule may know besides the cluster.
public struct RuleContext: Sendable {
    /// The day rules that depend on time (support windows) evaluate at: today, or `--as-of`.
    public let evaluationDay: CalendarDay
    /// The team's naming patterns (`naming` in `.akslint.json`).
    public let naming: NamingConventions
    /// When each Kubernetes version is supported: the built-in table, or `--k8s-calendar`'s.
    public let kubernetesCalendar: KubernetesCalendar

    /// Creates a context.
    public init(evaluationDay: CalendarDay = .today, naming: NamingConventions = NamingConventions(), kubernetesCalendar: KubernetesCalendar = .builtIn) {
        self.evaluationDay = evaluationDay
        self.naming = naming
        self.kubernetesCalendar = kubernetesCalendar
    }
}
