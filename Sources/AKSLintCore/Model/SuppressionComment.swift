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

/// Which lines of a file hold a comment, to find in constant time the run of comment lines
/// directly above a declaration (where its suppression comments are written).
package struct CommentLines: Sendable {
    /// For each line (1-based, index 0 unused), the first line of the run of comment lines that
    /// ends at it; the line after it when it holds no comment.
    private var runStart: [Int32]

    /// The comment lines of a file whose last comment is on line `lastLine` or before.
    package init(_ lines: some Sequence<Int>, lastLine: Int) {
        var isComment = [Bool](repeating: false, count: max(lastLine, 0) + 2)
        for line in lines where line > 0 && line < isComment.count { isComment[line] = true }
        runStart = [Int32](repeating: 0, count: isComment.count)
        for line in 1..<isComment.count {
            runStart[line] = isComment[line] ? (isComment[line - 1] && line > 1 ? runStart[line - 1] : Int32(line)) : Int32(line + 1)
        }
    }

    /// The first line of the comment lines directly above `line` (`line` itself when the line
    /// above holds no comment).
    package func firstLineOfCommentsAbove(_ line: Int) -> Int {
        let above = line - 1
        guard above >= 1 else { return line }
        guard above < runStart.count else { return line }
        return min(Int(runStart[above]), line)
    }
}
