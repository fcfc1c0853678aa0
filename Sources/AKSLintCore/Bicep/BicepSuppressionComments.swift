/// akslint's suppressions in Bicep comments, written next to what they excuse:
///
///     // akslint-disable-next-line AKS103 -- break-glass admin until Entra groups are migrated
///     disableLocalAccounts: false
///
///     // akslint-disable AKS201,AKS203 -- the private endpoint is provided by the hub (ADR-17)
///     resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
///
/// Either form applies to the resource it is written in or directly above (comment lines may
/// come between). The lowering writes them on that resource as ARM templates write theirs
/// (`metadata.akslint.suppress`), so the template adapter turns them into suppression sites for
/// every instance of the resource, in loops and modules too. Bicep's own `#disable-next-line`
/// pragmas name Bicep linter codes and are not akslint suppressions.
struct BicepSuppressionComments {
    /// One suppression comment: the rules it names, its reason (nil when it gives none), where it is.
    struct Entry {
        let rules: [String]
        let reason: String?
        let span: SourceSpan
        let line: Int
    }

    /// In the order they are written (by offset, and so by line).
    let entries: [Entry]
    /// The lines that hold a comment.
    private let commentLines: CommentLines

    init(comments: [BicepComment]) {
        commentLines = CommentLines(comments.map(\.line), lastLine: comments.last?.line ?? 0)
        entries = comments.compactMap(Self.entry)
    }

    /// The comment as a suppression, if it is one.
    private static func entry(_ comment: BicepComment) -> Entry? {
        guard let parsed = SuppressionComment(Substring(comment.text)) else { return nil }
        return Entry(rules: parsed.rules, reason: parsed.reason, span: comment.span, line: comment.line)
    }

    /// The `metadata.akslint.suppress` entries for the suppressions written in or directly above
    /// the declaration at `span`, or nil when there are none.
    func entries(for span: SourceSpan, lines: LineIndex) -> JSONNode? {
        let firstLine = lines.position(of: Int(span.start)).line
        // Those in the comment lines directly above, then those inside (found by binary search,
        // so a file of many resources and comments is not read once per resource).
        let aboveFrom = commentLines.firstLineOfCommentsAbove(firstLine)
        var applying: [Entry] = []
        var index = firstEntry { $0.line >= aboveFrom }
        while index < entries.count, entries[index].line < firstLine, entries[index].span.start < span.start {
            applying.append(entries[index])
            index += 1
        }
        index = firstEntry { $0.span.start >= span.start }
        while index < entries.count, entries[index].span.start < span.end {
            if entries[index].span.end <= span.end { applying.append(entries[index]) }
            index += 1
        }
        guard !applying.isEmpty else { return nil }
        var sites: [JSONNode] = []
        for entry in applying {
            for rule in entry.rules.isEmpty ? [""] : entry.rules {
                // A leading "[" is escaped, or the template evaluator would read an expression.
                var members = [JSONMember(key: "rule", value: JSONNode(rule.isEmpty ? .null : .string(Self.literal(rule)), span: entry.span))]
                if let reason = entry.reason { members.append(JSONMember(key: "reason", value: JSONNode(.string(Self.literal(reason)), span: entry.span))) }
                sites.append(JSONNode(.object(JSONObject(members)), span: entry.span))
            }
        }
        return JSONNode(.array(sites), span: span)
    }

    /// The index of the first entry for which `isAtOrAfter` holds (it must hold for every later one).
    private func firstEntry(where isAtOrAfter: (Entry) -> Bool) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(entries[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `text` as a template string literal: a leading `[` is doubled, or the evaluator would
    /// read an expression.
    static func literal(_ text: String) -> String {
        text.hasPrefix("[") ? "[" + text : text
    }
}
