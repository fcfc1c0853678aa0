/// A small JSON value to write (a report's header, a baseline), with object members in the
/// order given, so reports are byte-for-byte stable and read in a sensible order. Large parts of
/// a report (its findings) are not built as values: reporters stream them with ``JSONWriter``.
package indirect enum JSONOutput {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// An optional string, `null` when absent.
    package static func string(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }

    /// The value as JSON text with `indent` spaces per level (0 for one line), ending in a newline.
    /// (There is no floating-point case: reports have none, and GitHub wants security-severity as a string.)
    package func serialized(indent: Int = 2) -> String {
        var output = ReportOutput()
        JSONWriter.write(to: &output, indent: indent) { $0.value(self) }
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

extension JSONWriter {
    /// Writes a value built as a ``JSONOutput``.
    package mutating func value(_ json: JSONOutput) {
        switch json {
        case .null: null()
        case .bool(let flag): value(flag)
        case .int(let number): value(number)
        case .string(let text): value(text)
        case .array(let elements):
            beginArray()
            for element in elements { value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(text: name)
                value(member)
            }
            endObject()
        }
    }

    /// `"name": value` for a value built as a ``JSONOutput``.
    package mutating func member(_ name: StaticString, _ json: JSONOutput) {
        key(name)
        value(json)
    }
}

/// Keeps text that came from an input from controlling the terminal it is printed to.
package enum TerminalSafety {
    /// Control characters, DEL, C1 controls, line/paragraph separators and bidi controls.
    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C || value == 0xFEFF
    }

    /// Whether a UTF-8 lead byte can start an unsafe character (C1 controls start with `0xC2`,
    /// U+061C with `0xD8`, the separators and bidirectional controls with `0xE2`, U+FEFF with
    /// `0xEF`); every other multi-byte character is safe without decoding it.
    static func mayStartUnsafeCharacter(_ leadByte: UInt8) -> Bool {
        leadByte == 0xC2 || leadByte == 0xD8 || leadByte == 0xE2 || leadByte == 0xEF
    }

    /// `text` with every unsafe character (tabs and newlines included) written as a visible
    /// `\u{XX}` escape, and with the `[` of an Azure Pipelines logging command (`##vso[`, `##[`)
    /// written as `\u{5b}`: the agent runs such a command wherever it appears in a line of the log,
    /// so a cluster named `##vso[task.setvariable …]` must not reach it as one.
    package static func sanitize(_ text: String) -> String {
        let escaped = escapingUnsafeCharacters(text)
        return escaped.contains("##") ? neutralizingLogCommands(escaped) : escaped
    }

    private static func neutralizingLogCommands(_ text: String) -> String {
        text.replacing("##vso[", with: "##vso\\u{5b}").replacing("##[", with: "##\\u{5b}")
    }

    private static func escapingUnsafeCharacters(_ text: String) -> String {
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
