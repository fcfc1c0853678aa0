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
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(into: &output, depth: 0, indent: indent)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8], depth: Int, indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .string(let text): JSONOutput.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, depth: depth + 1, indent: indent)
                element.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth: depth, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, depth: depth + 1, indent: indent)
                JSONOutput.writeString(key, into: &output)
                output.append(contentsOf: (indent > 0 ? ": " : ":").utf8)
                value.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth: depth, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout [UInt8], depth: Int, indent: Int) {
        guard indent > 0 else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
    }

    /// Writes a JSON string. Besides what JSON requires, DEL, C1 controls, line/paragraph
    /// separators and bidirectional-override characters are escaped, so a report printed to a
    /// terminal or shown in a browser cannot be made to lie about its content.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain {
            output.append(contentsOf: text.utf8)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output.append(contentsOf: "\\\"".utf8)
                case "\\": output.append(contentsOf: "\\\\".utf8)
                case "\n": output.append(contentsOf: "\\n".utf8)
                case "\r": output.append(contentsOf: "\\r".utf8)
                case "\t": output.append(contentsOf: "\\t".utf8)
                default:
                    if TerminalSafety.isUnsafe(scalar) {
                        output.append(contentsOf: ("\\u" + TerminalSafety.hex4(scalar.value)).utf8)
                    } else {
                        SourceDecoder.appendUTF8(scalar.value, to: &output)
                    }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Writes a JSON string into a `String`.
    static func writeString(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
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
