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
package struct JSONWriter: ~Copyable {
    private var output = ReportOutput()
    /// Text not yet handed to `output`, in blocks of about ``blockSize`` bytes (appending here is
    /// cheaper than through the output for every token).
    private var buffer = ByteBuffer(capacity: JSONWriter.blockSize + JSONWriter.blockSize / 4)
    /// For a writer making one batch of ``elements(of:parallelism:_:)``: the full blocks made so
    /// far, kept apart so that the batch's text is never copied to grow one buffer.
    private var finishedBlocks: [[UInt8]]?
    private let indent: Int
    /// Nesting depth of the container being written.
    private var depth = 0
    /// Whether the container being written has an element yet (it needs a comma before the next).
    private var hasElements = false
    /// Whether a key was just written, so the value goes on its line.
    private var afterKey = false
    /// While an object or array opened with `onOneLine` is being written: its depth. Nothing
    /// inside it gets a newline or a space.
    private var oneLineDepth: Int?
    /// While an array opened with `elementsAtLineStart` is being written: its depth. Its elements
    /// start their lines without indentation.
    private var lineStartDepth: Int?

    private init(indent: Int, depth: Int = 0, hasElements: Bool = false, lineStartDepth: Int? = nil) {
        self.indent = indent
        self.depth = depth
        self.hasElements = hasElements
        self.lineStartDepth = lineStartDepth
    }

    /// Runs `body` with a writer that appends to `output`, then a final newline.
    package static func write(to output: inout ReportOutput, indent: Int = 2, _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(indent: indent)
        swap(&writer.output, &output)
        body(&writer)
        writer.buffer.append(UInt8(ascii: "\n"))
        writer.handOver()
        swap(&writer.output, &output)
    }

    // MARK: Structure

    /// Opens an object. With `onOneLine`, the object and everything in it are written on one
    /// line with no spaces (a fleet's findings: one line each, as short as JSON allows).
    package mutating func beginObject(onOneLine: Bool = false) {
        open(UInt8(ascii: "{"))
        if onOneLine, oneLineDepth == nil { oneLineDepth = depth }
    }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array; `onOneLine` as for ``beginObject(onOneLine:)``. With `elementsAtLineStart`,
    /// each element starts its line unindented (a fleet's findings, one per line: their
    /// indentation would be 5 % of the report).
    package mutating func beginArray(onOneLine: Bool = false, elementsAtLineStart: Bool = false) {
        open(UInt8(ascii: "["))
        if onOneLine, oneLineDepth == nil { oneLineDepth = depth }
        if elementsAtLineStart { lineStartDepth = depth }
    }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object member's key; the next value written is its value. Reporters' keys are
    /// literals of plain characters (`ruleId`), copied as they are: a report writes hundreds of
    /// thousands of them.
    package mutating func key(_ name: StaticString) {
        startElement()
        let spaced = indent > 0 && oneLineDepth == nil
        name.withUTF8Buffer { bytes in
            assert(bytes.allSatisfy(PlainBytes.isPlain), "a key literal that needs escaping")
            buffer.append(memberName: bytes, spaceAfterColon: spaced)
        }
        afterKey = true
    }

    /// Writes a key that is not a literal (the members of a ``JSONOutput`` object).
    package mutating func key(text name: String) {
        startElement()
        JSONWriter.appendString(name, to: &buffer)
        endKey()
    }

    private mutating func endKey() {
        buffer.append(UInt8(ascii: ":"))
        if indent > 0, oneLineDepth == nil { buffer.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Values

    package mutating func null() { raw("null") }
    package mutating func value(_ flag: Bool) { raw(flag ? "true" : "false") }

    package mutating func value(_ number: Int) {
        startElement()
        JSONWriter.appendDecimal(number, to: &buffer)
    }

    /// Appends the decimal digits of `number` (with a minus sign when negative).
    static func appendDecimal<Sink: ByteSink & ~Copyable>(_ number: Int, to output: inout Sink) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // At most 20 digits, made from the last one on.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// A string, or `null` when there is none.
    package mutating func value(_ text: String?) {
        guard let text else { null(); return }
        startElement()
        JSONWriter.appendString(text, to: &buffer)
    }

    /// `"name": value` for a string (or `null`).
    package mutating func member(_ name: StaticString, _ text: String?) {
        key(name)
        value(text)
    }

    /// `"name": text` for a string that `forEachPiece` gives in pieces (a property path), each
    /// escaped straight into the output rather than joined first.
    package mutating func member(_ name: StaticString, joining forEachPiece: ((String) -> Void) -> Void) {
        key(name)
        startElement()
        buffer.append(UInt8(ascii: "\""))
        forEachPiece { piece in JSONWriter.appendEscaped(piece, to: &buffer) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `"name": "0123456789abcdef"` for a fingerprint, its digits written straight into the output.
    package mutating func member(_ name: StaticString, hex value: UInt64) {
        key(name)
        startElement()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18) { text in
            text[0] = UInt8(ascii: "\"")
            Fingerprint.writeHex(value, into: UnsafeMutableBufferPointer(rebasing: text[1...16]))
            text[17] = UInt8(ascii: "\"")
            buffer.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// `"name": path` for a JSONPath, its text written straight into the output.
    package mutating func member(_ name: StaticString, _ path: JSONPath) {
        key(name)
        startElement()
        buffer.append(UInt8(ascii: "\""))
        path.appendText(to: &buffer) { key, buffer in JSONWriter.appendEscaped(key, to: &buffer) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `"name": value` for an integer.
    package mutating func member(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    /// Writes one element of the open array per item, `write` making each. With `parallelism`
    /// above 1 and many items (a fleet's findings), batches of elements are made on that many
    /// threads and written in order as they are done, a few batches ahead at most, so the report
    /// is never held whole. The text is the same either way.
    package mutating func elements<Item: Sendable>(of items: [Item], parallelism: Int, _ write: @escaping @Sendable (Item, inout JSONWriter) -> Void) {
        let perBatch = Self.elementsPerBatch
        guard parallelism > 1, items.count > perBatch else {
            for item in items { write(item, &self) }
            return
        }
        let batchCount = (items.count + perBatch - 1) / perBatch
        let (indent, depth, startsWithElements, lineStartDepth) = (self.indent, self.depth, self.hasElements, self.lineStartDepth)
        handOver()
        WorkerThreads.forEachInOrder(count: batchCount, parallelism: parallelism, lookahead: 2 * parallelism) { batch in
            var writer = JSONWriter(indent: indent, depth: depth, hasElements: batch > 0 || startsWithElements, lineStartDepth: lineStartDepth)
            writer.finishedBlocks = []
            for item in items[(batch * perBatch)..<min((batch + 1) * perBatch, items.count)] { write(item, &writer) }
            return writer.finishedBlocks! + [writer.buffer.array]
        } use: { blocks in
            for block in blocks { output.write(block: block) }
        }
        hasElements = true
    }

    /// Elements one thread makes at a time in ``elements(of:parallelism:_:)``. Each batch's text
    /// is held until its window is written (about 180 KB of JSON findings per batch), so smaller
    /// batches keep less in memory; at 250 the hand-overs still cost nothing measurable.
    static let elementsPerBatch = 250

    // MARK: Layout

    /// Before a value or key: the comma after the previous element, then a new line at the
    /// container's depth (a value right after its key stays on the key's line).
    private mutating func startElement() {
        if afterKey { afterKey = false; return }
        let comma = hasElements
        hasElements = true
        guard depth > 0 else { return }
        if comma { buffer.append(UInt8(ascii: ",")) }
        if oneLineDepth == nil { appendNewline() }
    }

    private mutating func open(_ bracket: UInt8) {
        startElement()
        buffer.append(bracket)
        depth += 1
        hasElements = false
    }

    private mutating func close(_ bracket: UInt8) {
        let onOneLine = oneLineDepth != nil
        if oneLineDepth == depth { oneLineDepth = nil }
        if lineStartDepth == depth { lineStartDepth = nil }
        depth -= 1
        if hasElements, !onOneLine { appendNewline() }
        buffer.append(bracket)
        // The container just closed is an element of its parent.
        hasElements = true
        handOverIfFull()
    }

    /// Hands a full block to a streaming output, or to a batch's blocks (an in-memory output would
    /// only copy it).
    private mutating func handOverIfFull() {
        guard buffer.count >= Self.blockSize else { return }
        if finishedBlocks != nil {
            finishedBlocks!.append(buffer.array)
            buffer.removeAll()
        } else if output.isStreaming {
            handOver()
        }
    }

    /// Hands everything in the buffer to `output`.
    private mutating func handOver() {
        buffer.withBytes { output.write(block: $0) }
        buffer.removeAll()
    }

    private mutating func raw(_ text: StaticString) {
        startElement()
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func appendNewline() {
        guard indent > 0 else { return }
        // The newline and the first spaces in one copy (reports nest far less than 64 spaces).
        var spaces = depth == lineStartDepth ? 0 : depth * indent
        let first = min(spaces, Self.newlineAndSpaces.count - 1)
        Self.newlineAndSpaces.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...first])) }
        spaces -= first
        while spaces > 0 {
            let run = min(spaces, Self.newlineAndSpaces.count - 1)
            Self.newlineAndSpaces.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[1...run])) }
            spaces -= run
        }
    }

    // MARK: Text

    /// Text is handed to the output once this many bytes are waiting.
    static let blockSize = 64 * 1024

    private static let newlineAndSpaces = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Appends a JSON string. Besides what JSON requires, DEL, C1 controls, line/paragraph
    /// separators and bidirectional-override characters are escaped, so a report printed to a
    /// terminal or shown in a browser cannot be made to lie about its content.
    ///
    /// One pass over the UTF-8 bytes: runs of bytes that need no escape are copied whole, and a
    /// multi-byte character is decoded only when its lead byte could start an unsafe one.
    static func appendString<Sink: ByteSink & ~Copyable>(_ text: String, to output: inout Sink) {
        output.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// The characters of a string, escaped as ``appendString(_:to:)`` escapes them, without the
    /// quotes (the escapes of a string's pieces, one after the other, are the escape of the whole).
    static func appendEscaped<Sink: ByteSink & ~Copyable>(_ text: String, to output: inout Sink) {
        text.withUTF8Bytes { appendEscaped($0, to: &output) }
    }

    /// The bytes of a string, escaped for JSON (see ``appendString(_:to:)``).
    private static func appendEscaped<Sink: ByteSink & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout Sink) {
        var runStart = 0
        var index = 0
        guard let base = bytes.baseAddress else { return }
        while index < bytes.count {
            // Plain bytes eight at a time, stopping at the first byte that is not plain; the last
            // few bytes go one by one.
            if index + 8 <= bytes.count {
                let plain = PlainBytes.plainPrefixLength(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += plain
                if plain == 8 { continue }
            }
            let byte = base[index]
            if PlainBytes.isPlain(byte) {
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
            var escapeText = escape
            escapeText.withUTF8 { output.append(contentsOf: $0) }
            index += length
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
