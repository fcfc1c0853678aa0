/// An akslint suppression as Bicep and Terraform files write it in a comment, the comment marker
/// (`//`, `#`) removed: `akslint-disable-next-line AKS103,AKS201 -- reason` or
/// `akslint-disable AKS103 -- reason`. Each format decides what the comment applies to.
package struct SuppressionComment: Sendable, Equatable {
    /// The rule ids it names (empty when it names none, which the suppression layer reports).
    package let rules: [String]
    /// The text after `--`, trimmed; nil when there is none.
    package let reason: String?

    /// The comment's text as a suppression; nil when it is not one.
    package init?(_ comment: Substring) {
        var text = comment
        var matched = false
        for marker in ["akslint-disable-next-line", "akslint-disable"] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
            matched = true
            break
        }
        guard matched, text.first == " " || text.first == "\t" || text.isEmpty else { return nil }
        let parts = text.split(separator: "--", maxSplits: 1, omittingEmptySubsequences: false)
        rules = (parts.first ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let reason = parts.count > 1 ? parts[1].trimmingWhitespace() : nil
        self.reason = reason?.isEmpty == true ? nil : reason
    }
}
