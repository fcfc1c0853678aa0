/// A JSON value to write, with object members in the order given, so reports are byte-for-byte
/// stable and read in a sensible order.
public indirect enum JSONOutput: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// An optional string, `null` when absent.
    public static func string(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }

    /// The value as JSON text with `indent` spaces per level (0 for one line), ending in a newline.
    /// (There is no floating-point case: reports have none, and GitHub wants security-severity as a string.)
    public func serialized(indent: Int = 2) -> String {
        var output = ""
        write(into: &output, depth: 0, indent: indent)
        output.append("\n")
        return output
    }

    private func write(into output: inout String, depth: Int, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .string(let text): JSONOutput.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                output += index == 0 ? "" : ","
                newline(&output, depth: depth + 1, indent: indent)
                element.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth: depth, indent: indent)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                output += index == 0 ? "" : ","
                newline(&output, depth: depth + 1, indent: indent)
                JSONOutput.writeString(key, into: &output)
                output += indent > 0 ? ": " : ":"
                value.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth: depth, indent: indent)
            output += "}"
        }
    }

    private func newline(_ output: inout String, depth: Int, indent: Int) {
        guard indent > 0 else { return }
        output += "\n" + String(repeating: " ", count: depth * indent)
    }

    /// Writes a JSON string. Besides what JSON requires, DEL, C1 controls, line/paragraph
    /// separators and bidirectional-override characters are escaped, so a report printed to a
    /// terminal or shown in a browser cannot be made to lie about its content.
    static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if TerminalSafety.isUnsafe(scalar) {
                    output += "\\u" + TerminalSafety.hex4(scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

/// Keeps text that came from an input from controlling the terminal it is printed to.
public enum TerminalSafety {
    /// Control characters, DEL, C1 controls, line/paragraph separators and bidi controls.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C || value == 0xFEFF
    }

    /// `text` with every unsafe character (tabs and newlines included) written as a visible `\u{XX}` escape.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                output += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
