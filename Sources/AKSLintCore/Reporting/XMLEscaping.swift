/// Escaping for XML 1.0 text and attribute values.
enum XMLEscaping {
    /// `text` with markup characters as entities, and characters XML 1.0 cannot carry (controls
    /// other than tab and newline, U+FFFE, U+FFFF) written as visible `\u{XX}` escapes. Other
    /// terminal-unsafe characters are escaped too, so the XML is also safe to print.
    static func escape(_ text: String, keepNewlines: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n" where keepNewlines: output += "\n"
            default:
                if TerminalSafety.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
