/// Short renderings of values for messages. Long values are cut, so a message stays one line.
public enum ValueDescription {
    /// Longest string rendered before cutting.
    static let maximumLength = 80

    /// `true`, `"none"`, `110`, `["0.0.0.0/0"]`, `an object`. An array shows its first four
    /// elements, and arrays or objects inside it only by kind, so the text stays one short line.
    public static func describe(_ node: JSONNode) -> String {
        describe(node, showingElements: true)
    }

    private static func describe(_ node: JSONNode, showingElements: Bool) -> String {
        if node.isSensitive { return "a secret (not shown)" }
        switch node.value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return format(number)
        case .string(let text): return quote(text)
        case .array(let elements):
            guard showingElements else { return "an array" }
            let parts = elements.prefix(4).map { describe($0, showingElements: false) }
            let more = elements.count > 4 ? ", … (\(elements.count) items)" : ""
            return "[" + parts.joined(separator: ", ") + more + "]"
        case .object: return "an object"
        case .unresolved(let unresolved): return expression(unresolved.expression)
        }
    }

    /// An expression for a message, cut to 120 characters (the report's `unresolved` field has
    /// up to ``BoundedText/textLimit``).
    public static func expression(_ text: String) -> String {
        // Only the first 121 characters are walked to tell whether there are more than 120.
        guard text.utf8.count > 120, !text.dropFirst(120).isEmpty else { return text }
        return String(text.prefix(119)) + "…"
    }

    /// A quoted, length-limited string: `"text"`, or `"beginning…" (12345 characters)` when long.
    public static func quote(_ text: String) -> String {
        guard text.utf8.count > maximumLength, !text.dropFirst(maximumLength).isEmpty else { return .concatenating("\"", text, "\"") }
        return "\"" + String(text.prefix(maximumLength)) + "…\" (\(text.characterCount) characters)"
    }

    /// A number without a needless `.0`.
    public static func format(_ number: Double) -> String {
        if number.rounded() == number && abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
