/// A suppression written in the input itself, next to the code it excuses, once checked: it names
/// a rule and says why.
public struct InlineSuppression: Sendable, Hashable {
    /// The cluster it is written on (its position among its input's clusters).
    public let clusterOrdinal: Int
    public let rule: String
    public let reason: String
    /// The line of the entry in its file.
    public let line: Int
    /// The file of the input's source set it is written in.
    public let file: SourceFileID

    /// Creates an inline suppression written at `line` of `file`.
    public init(clusterOrdinal: Int, rule: String, reason: String, line: Int, file: SourceFileID = .primary) {
        self.clusterOrdinal = clusterOrdinal
        self.rule = rule
        self.reason = reason
        self.line = line
        self.file = file
    }

    /// The valid suppressions among the sites an input reader found, and a warning for each
    /// site without a rule or a reason (which is ignored).
    static func checking(_ sites: [SuppressionSite]) -> (suppressions: [InlineSuppression], warnings: [InputWarning]) {
        var suppressions: [InlineSuppression] = []
        var warnings: [InputWarning] = []
        for site in sites {
            guard let rule = site.rule, !rule.isEmpty else {
                warnings.append(InputWarning("metadata.akslint.suppress entry without a \"rule\" is ignored", position: site.position, file: site.file))
                continue
            }
            guard let reason = site.reason, !reason.trimmingWhitespace().isEmpty else {
                warnings.append(InputWarning("the inline suppression of \(ValueDescription.quote(rule)) has no \"reason\" and is ignored: say why the finding is accepted", position: site.position, file: site.file))
                continue
            }
            suppressions.append(InlineSuppression(
                clusterOrdinal: site.clusterOrdinal, rule: BoundedText.bounded(rule, to: 64),
                reason: BoundedText.bounded(reason, to: BoundedText.textLimit), line: site.position.line, file: site.file))
        }
        return (suppressions, warnings)
    }
}
