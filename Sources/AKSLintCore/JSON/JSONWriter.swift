/// Writes JSON text token by token straight into a ``ReportOutput``: no tree is built, each
/// string is escaped in one pass as it is copied, and the output goes to its file in blocks.
///
/// The writer keeps the layout (commas, newlines and `indent` spaces per level, or one line when
/// `indent` is 0); the caller keeps the structure: every `beginObject`/`beginArray` is matched by
/// its `end`, and inside an object every value follows a `key`.
///
///     JSONWriter.write(to: &output) { json in
///         json.beginObject()
///         json.member("ruleId", "AKS101")
///         json.endObject()
///     }
package struct JSONWriter {
    private var output = ReportOutput()
    private let indent: Int
    /// Nesting depth of the container being written.
    private var depth = 0
    /// Whether the container being written has an element yet (it needs a comma before the next).
    private var hasElements = false
    /// Whether a key was just written, so the value goes on its line.
    private var afterKey = false

    private init(indent: Int) {
        self.indent = indent
    }

    /// Runs `body` with a writer that appends to `output`, then a final newline.
    package static func write(to output: inout ReportOutput, indent: Int = 2, _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(indent: indent)
        swap(&writer.output, &output)
        body(&writer)
        writer.output.withBuffer { $0.append(UInt8(ascii: "\n")) }
        swap(&writer.output, &output)
    }

    // MARK: Structure

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object member's key; the next value written is its value.
    package mutating func key(_ name: String) {
        startElement()
        let spaced = indent > 0
        output.withBuffer { buffer in
            JSONWriter.appendString(name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            if spaced { buffer.append(UInt8(ascii: " ")) }
        }
        afterKey = true
    }

    // MARK: Values

    package mutating func null() { raw("null") }
    package mutating func value(_ flag: Bool) { raw(flag ? "true" : "false") }

    package mutating func value(_ number: Int) {
        startElement()
        output.withBuffer { JSONWriter.appendDecimal(number, to: &$0) }
    }

    /// A string, or `null` when there is none.
    package mutating func value(_ text: String?) {
        guard let text else { null(); return }
        startElement()
        output.withBuffer { JSONWriter.appendString(text, to: &$0) }
    }

    /// An array of strings.
    package mutating func value(_ texts: [String]) {
        beginArray()
        for text in texts { value(text) }
        endArray()
    }

    /// `"name": value` for a string (or `null`).
    package mutating func member(_ name: String, _ text: String?) {
        key(name)
        value(text)
    }

    /// `"name": value` for an integer.
    package mutating func member(_ name: String, _ number: Int) {
        key(name)
        value(number)
    }

    /// `"name": value` for a Boolean.
    package mutating func member(_ name: String, _ flag: Bool) {
        key(name)
        value(flag)
    }

    /// `"name": [...]` for strings.
    package mutating func member(_ name: String, _ texts: [String]) {
        key(name)
        value(texts)
    }

    // MARK: Layout

    /// Before a value or key: the comma after the previous element, then a new line at the
    /// container's depth (a value right after its key stays on the key's line).
    private mutating func startElement() {
        if afterKey { afterKey = false; return }
        let comma = hasElements
        hasElements = true
        guard depth > 0 else { return }
        let (depth, indent) = (self.depth, self.indent)
        output.withBuffer { buffer in
            if comma { buffer.append(UInt8(ascii: ",")) }
            JSONWriter.appendNewline(to: &buffer, depth: depth, indent: indent)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        startElement()
        output.withBuffer { $0.append(bracket) }
        depth += 1
        hasElements = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let (wasEmpty, depth, indent) = (!hasElements, self.depth, self.indent)
        output.withBuffer { buffer in
            if !wasEmpty { JSONWriter.appendNewline(to: &buffer, depth: depth, indent: indent) }
            buffer.append(bracket)
        }
        // The container just closed is an element of its parent.
        hasElements = true
    }

    private mutating func raw(_ text: StaticString) {
        startElement()
        output.withBuffer { buffer in
            text.withUTF8Buffer { buffer.append(contentsOf: $0) }
        }
    }

    private static func appendNewline(to buffer: inout [UInt8], depth: Int, indent: Int) {
        guard indent > 0 else { return }
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * indent) { buffer.append(UInt8(ascii: " ")) }
    }

    // MARK: Text

    /// Appends `number` in decimal without making a `String` of it.
    static func appendDecimal(_ number: Int, to buffer: inout [UInt8]) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { storage in
            repeat {
                storage[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[index]) }
        }
    }

    /// Appends a JSON string. Besides what JSON requires, DEL, C1 controls, line/paragraph
    /// separators and bidirectional-override characters are escaped, so a report printed to a
    /// terminal or shown in a browser cannot be made to lie about its content.
    ///
    /// One pass over the UTF-8 bytes: runs of bytes that need no escape are copied whole, and a
    /// multi-byte character is decoded only when its lead byte could start an unsafe one.
    static func appendString(_ text: String, to output: inout [UInt8]) {
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
}
