/// A suppression written on a template resource:
/// `"metadata": {"akslint": {"suppress": [{"rule": "AKS201", "reason": "..."}]}}`.
public struct InlineSuppression: Sendable, Hashable {
    public let rule: String
    public let reason: String
    /// `file:line` is filled in by the report; the line of the entry in its template.
    public let line: Int

    /// Creates an inline suppression.
    public init(rule: String, reason: String, line: Int) {
        self.rule = rule
        self.reason = reason
        self.line = line
    }

    /// The suppressions on a template resource, and warnings for malformed entries.
    static func read(from resource: ValueRef, document: JSONDocument) -> (suppressions: [InlineSuppression], warnings: [InputWarning]) {
        guard let entries = resource.child("metadata")?.child("akslint")?.child("suppress") else { return ([], []) }
        var suppressions: [InlineSuppression] = []
        var warnings: [InputWarning] = []
        for entry in entries.elements {
            let position = document.position(of: Int(entry.node.span.start))
            guard let rule = entry.child("rule")?.node.string, !rule.isEmpty else {
                warnings.append(InputWarning("metadata.akslint.suppress entry without a \"rule\" is ignored", position: position))
                continue
            }
            guard let reason = entry.child("reason")?.node.string, !reason.trimmingWhitespace().isEmpty else {
                warnings.append(InputWarning("the inline suppression of \(ValueDescription.quote(rule)) has no \"reason\" and is ignored: say why the finding is accepted", position: position))
                continue
            }
            suppressions.append(InlineSuppression(rule: BoundedText.bounded(rule, to: 64), reason: BoundedText.bounded(reason, to: BoundedText.textLimit), line: position.line))
        }
        return (suppressions, warnings)
    }
}
