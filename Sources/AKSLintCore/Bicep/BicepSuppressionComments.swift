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

    let entries: [Entry]
    /// The lines that hold a comment.
    private let commentLines: Set<Int>

    init(comments: [BicepComment]) {
        commentLines = Set(comments.map(\.line))
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
        let applying = entries.filter { entry in
            if entry.span.start >= span.start && entry.span.end <= span.end { return true }
            guard entry.line < firstLine else { return false }
            return (entry.line + 1 ..< firstLine).allSatisfy(commentLines.contains)
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

    /// `text` as a template string literal: a leading `[` is doubled, or the evaluator would
    /// read an expression.
    static func literal(_ text: String) -> String {
        text.hasPrefix("[") ? "[" + text : text
    }
}
