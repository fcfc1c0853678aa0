/// A JSON value to write, with object members in the order given, so reports are byte-for-byte
/// stable and read in a sensible order. `elements` holds an array whose elements are produced
/// only while it is written (a report's findings), so a report never exists as a whole tree.
package indirect enum JSONOutput {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])
    /// An array produced element by element as it is written.
    case elements(AnySequence<JSONOutput>)

    /// An optional string, `null` when absent.
    package static func string(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }

    /// An array of the sequence's elements, each made only when it is written.
    package static func lazy<Elements: Sequence>(_ elements: Elements) -> JSONOutput where Elements.Element == JSONOutput {
        .elements(AnySequence(elements))
    }

    /// The value as JSON text with `indent` spaces per level (0 for one line), ending in a newline.
    /// (There is no floating-point case: reports have none, and GitHub wants security-severity as a string.)
    package func serialized(indent: Int = 2) -> String {
        var output = ReportOutput()
        write(to: &output, indent: indent)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Writes the value, and a final newline, to `output`.
    package func write(to output: inout ReportOutput, indent: Int = 2) {
        write(into: &output, depth: 0, indent: indent)
        output.write("\n")
    }

    private func write(into output: inout ReportOutput, depth: Int, indent: Int) {
        switch self {
        case .null: output.write("null")
        case .bool(let flag): output.write(flag ? "true" : "false")
        case .int(let number): output.write(String(number))
        case .string(let text): output.withBuffer { JSONOutput.writeString(text, into: &$0) }
        case .array(let elements):
            writeArray(elements, into: &output, depth: depth, indent: indent)
        case .elements(let elements):
            writeArray(elements, into: &output, depth: depth, indent: indent)
        case .object(let members):
            guard !members.isEmpty else { output.write("{}"); return }
            output.write("{")
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.write(",") }
                newline(&output, depth: depth + 1, indent: indent)
                output.withBuffer { JSONOutput.writeString(key, into: &$0) }
                output.write(indent > 0 ? ": " : ":")
                value.write(into: &output, depth: depth + 1, indent: indent)
            }
            newline(&output, depth: depth, indent: indent)
            output.write("}")
        }
    }

    private func writeArray(_ elements: some Sequence<JSONOutput>, into output: inout ReportOutput, depth: Int, indent: Int) {
        var iterator = elements.makeIterator()
        guard let first = iterator.next() else { output.write("[]"); return }
        output.write("[")
        var element = first
        while true {
            newline(&output, depth: depth + 1, indent: indent)
            element.write(into: &output, depth: depth + 1, indent: indent)
            guard let next = iterator.next() else { break }
            output.write(",")
            element = next
        }
        newline(&output, depth: depth, indent: indent)
        output.write("]")
    }

    private func newline(_ output: inout ReportOutput, depth: Int, indent: Int) {
        guard indent > 0 else { return }
        output.withBuffer { buffer in
            buffer.append(UInt8(ascii: "\n"))
            buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
        }
    }

    /// Writes a JSON string. Besides what JSON requires, DEL, C1 controls, line/paragraph
    /// separators and bidirectional-override characters are escaped, so a report printed to a
    /// terminal or shown in a browser cannot be made to lie about its content.
    ///
    /// One pass over the UTF-8 bytes: runs of bytes that need no escape are copied whole, and a
    /// multi-byte character is decoded only when its lead byte could start an unsafe one.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                let length = byte < 0x80 ? 1 : UTF8Validation.sequenceLength(ofLeadByte: byte)
                let escape: String
                if byte >= 0x80 {
                    guard TerminalSafety.mayStartUnsafeCharacter(byte), let scalar = UTF8Validation.scalar(in: bytes, at: index, length: length), TerminalSafety.isUnsafe(scalar) else {
                        index += length
                        continue
                    }
                    escape = "\\u" + TerminalSafety.hex4(scalar.value)
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): escape = "\\\""
                    case UInt8(ascii: "\\"): escape = "\\\\"
                    case UInt8(ascii: "\n"): escape = "\\n"
                    case UInt8(ascii: "\r"): escape = "\\r"
                    case UInt8(ascii: "\t"): escape = "\\t"
                    default: escape = "\\u" + TerminalSafety.hex4(UInt32(byte))
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: escape.utf8)
                index += length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
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

    /// `text` with every unsafe character (tabs and newlines included) written as a visible `\u{XX}` escape.
    package static func sanitize(_ text: String) -> String {
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
