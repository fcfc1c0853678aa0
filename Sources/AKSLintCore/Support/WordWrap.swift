/// Text broken at spaces into lines of at most a given width, for terminals (`--help`, the
/// text report). Characters count as columns: the text is sanitized, so it holds no controls.
package enum WordWrap {
    /// `text` after `indent`, in lines of at most `width` columns; lines after the first start
    /// with `continuation` (the same indent by default). A word longer than a line gets a line of
    /// its own. No trailing newline.
    package static func lines(_ text: String, width: Int, indent: String, continuation: String? = nil) -> String {
        guard indent.count + text.count > width else { return indent + text }
        let next = continuation ?? indent
        var lines: [String] = []
        var current = indent
        var margin = indent.count
        for word in text.split(separator: " ") {
            if current.count > margin && current.count + 1 + word.count > width {
                lines.append(current)
                current = next + word
                margin = next.count
            } else {
                current += (current.count > margin ? " " : "") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
