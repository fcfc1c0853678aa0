/// Escaping of input-controlled text for GitHub-flavoured Markdown, so a cluster name or a value
/// quoted in a message cannot add links, images, HTML, headings or table cells, or mention people.
enum MarkdownEscaping {
    /// Prose: sanitized; `<`, `>`, `&` as entities; backslash before every character that could
    /// start emphasis, code, links, images, tables, strikethrough, math, issue references or
    /// mentions; and before `.` and `:` inside a word, which would otherwise autolink a domain
    /// or a URL, or make an emoji shortcode. Sentence punctuation stays as it is.
    static func text(_ raw: String) -> String {
        var output = ""
        let scalars = Array(TerminalSafety.sanitize(raw).unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "#", "@", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case ".", ":":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next != " " { output += "\\" }
                output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A code span holding `raw` verbatim: fenced with more backticks than any run inside it.
    /// In a table cell `|` still ends the cell, so it is escaped there (GitHub unescapes it).
    static func code(_ raw: String, inTable: Bool = false) -> String {
        var content = TerminalSafety.sanitize(raw)
        if inTable { content = content.replacing("|", with: "\\|") }
        var longest = 0, current = 0
        for character in content {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = content.hasPrefix("`") || content.hasSuffix("`") ? " \(content) " : content
        return fence + padded + fence
    }
}
