/// A suppression as an input reader found it in the source, before it is checked: the cluster it
/// is written on, the rule it names and the reason it gives (either may be missing, which the
/// suppression layer reports), and where it is. Each input format writes its suppressions its own
/// way (ARM `metadata.akslint.suppress`, and comments in Bicep and HCL); the reader of that format
/// turns them into sites, and nothing else needs to know the syntax.
public struct SuppressionSite: Sendable, Equatable {
    /// The position of the cluster among the clusters of its input.
    public let clusterOrdinal: Int
    public let rule: String?
    public let reason: String?
    public let position: SourcePosition
    /// The file of the input's source set it is written in.
    public let file: SourceFileID

    /// Creates a site at `position` of `file`.
    package init(clusterOrdinal: Int, rule: String?, reason: String?, position: SourcePosition, file: SourceFileID = .primary) {
        self.clusterOrdinal = clusterOrdinal
        self.rule = rule
        self.reason = reason
        self.position = position
        self.file = file
    }
}
