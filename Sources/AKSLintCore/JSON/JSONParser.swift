#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A single-pass parser for JSON with the JSONC extensions ARM accepts: `//` and `/* */`
/// comments and trailing commas.
///
/// Every value keeps its byte span; line starts and multi-byte characters are recorded while the
/// text is scanned, so positions cost no second pass. UTF-8 is validated where it can occur
/// (strings and comments); anywhere else a non-ASCII byte is a syntax error. Nesting is bounded,
/// so no input can exhaust the stack, and so is the number of values for the text's size (see
/// ``maximumValues(forTextOf:)``), so no input can make the tree exhaust memory.
package enum JSONParser {
    /// The default nesting limit, as in Foundation's own JSON scanner.
    package static let defaultMaxDepth = 512

    /// How many duplicate-key warnings one document gets before the rest are only counted.
    static let maximumDuplicateKeyWarnings = 20

    /// The most values a text of `byteCount` bytes may hold: one per 8 bytes on average, plus
    /// 250,000 for small texts. Real documents hold one value per 12 to 30 bytes even minified
    /// (the densest file of the shared corpus: 12; a minified `az aks list`: 25); a text far
    /// denser than that is a resource bomb, and its tree would take about 80 bytes per value.
    package static func maximumValues(forTextOf byteCount: Int) -> Int {
        byteCount / 8 + 250_000
    }

    /// Texts from this size on are parsed on two threads (see ``SecondHalf``).
    package static let defaultSplitSize = 1 << 20

    /// Parses `text` (UTF-8, without a byte-order mark), whose spans are in `file` of the input's
    /// source set. A text of `splitSize` bytes or more has its second half parsed on another
    /// thread at the same time (see ``SecondHalf``); the document is the same either way.
    package static func parse(_ text: [UInt8], maxDepth: Int = defaultMaxDepth, file: SourceFileID = .primary, splitSize: Int = defaultSplitSize) throws(JSONParseError) -> JSONDocument {
        var result: Result<JSONDocument, JSONParseError>!
        text.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer: buffer, maxDepth: maxDepth, file: file)
            if buffer.count >= splitSize { scanner.secondHalf = SecondHalf(of: buffer, maxDepth: maxDepth, file: file) }
            result = Result { () throws(JSONParseError) -> JSONDocument in
                let root = try scanner.parseDocument()
                return JSONDocument(root: root, text: text, lineIndex: scanner.lines, warnings: scanner.warnings)
            }
            // The other thread reads the buffer: it must be done before the buffer goes.
            scanner.secondHalf?.finish()
        }
        return try result.get()
    }
}

/// The bytes of JSON syntax, by name.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}

/// The parser's state over one buffer. Lives only for the duration of ``JSONParser/parse(_:maxDepth:file:splitSize:)``.
struct JSONScanner {
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    /// The file every span is in.
    let file: SourceFileID
    var index = 0
    var depth = 0
    var lines = LineIndex()
    var warnings: [JSONWarning] = []
    /// Values parsed so far, and how many the text may hold.
    var values = 0
    let maximumValues: Int
    /// Duplicate keys seen (only the first ones are warned about one by one).
    var duplicateKeys = 0
    /// For the scanner of a second half (see ``SecondHalf``): duplicate keys to warn about once
    /// the first half's lines are known, in order.
    var deferredDuplicates: [DeferredDuplicate]?
    /// The deepest nesting reached so far.
    var deepest = 0
    /// The second half of the text, being parsed on another thread, to take over when this
    /// scanner reaches its start.
    var secondHalf: SecondHalf?
    /// The members of the objects being parsed, and the elements of the arrays.
    let openMembers = ScratchStack<JSONMember>()
    /// The case-folded hash of each key in `openMembers`, at the same position.
    var openKeyHashes: [UInt64] = []
    let openElements = ScratchStack<JSONNode>()
    /// Long keys already made, shared by every object that repeats them.
    var keys: KeyTable

    /// A scanner of `buffer` from `index` on. It may make as many values as the text from there
    /// may hold, so a guessed second half (see ``SecondHalf``) cannot make more than that, however
    /// dense the text it guessed into (the inside of a long string, say).
    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, file: SourceFileID, startingAt index: Int = 0) {
        self.buffer = buffer
        self.maxDepth = maxDepth
        self.file = file
        self.index = index
        self.maximumValues = JSONParser.maximumValues(forTextOf: buffer.count - index)
        self.keys = KeyTable(forTextOf: buffer.count - index)
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        try skipWhitespaceAndComments()
        guard index < buffer.count else { throw error(.empty, at: index) }
        let root = try parseValue()
        try skipWhitespaceAndComments()
        if index < buffer.count {
            throw error(.trailingContent(found: describe(buffer[index])), at: index)
        }
        if duplicateKeys > JSONParser.maximumDuplicateKeyWarnings {
            let unlisted = duplicateKeys - JSONParser.maximumDuplicateKeyWarnings
            warnings.append(JSONWarning(message: "\(unlisted) more duplicate \(unlisted == 1 ? "key" : "keys") (not listed); the last value of each wins, as in Azure", offset: 0))
        }
        return root
    }

    // MARK: Values

    mutating func parseValue() throws(JSONParseError) -> JSONNode {
        guard index < buffer.count else { throw error(.unexpectedEnd(expected: "a value"), at: index) }
        let start = index
        values += 1
        if values > maximumValues { throw error(.tooManyValues(limit: maximumValues), at: index) }
        switch buffer[index] {
        case ASCII.openBrace:
            return try parseObject()
        case ASCII.openBracket:
            return try parseArray()
        case ASCII.quote:
            let string = try parseString()
            return JSONNode(.string(string), span: SourceSpan(start: start, end: index, file: file))
        case ASCII.minus, ASCII.zero...ASCII.nine:
            let number = try parseNumber()
            return JSONNode(.number(number), span: SourceSpan(start: start, end: index, file: file))
        default:
            return try parseLiteral()
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONNode {
        let open = index
        try enterContainer(at: open)
        index += 1
        let firstMember = openMembers.count
        // A key's hash is pushed before its value is parsed, its member after.
        let firstKeyHash = openKeyHashes.count
        try skipWhitespaceAndComments()
        while true {
            guard index < buffer.count else { throw endInside("object", openedAt: open) }
            if buffer[index] == ASCII.closeBrace { break }
            guard buffer[index] == ASCII.quote else {
                throw error(.unexpectedCharacter(found: describe(buffer[index]), expected: openMembers.count == firstMember ? "a string key or '}'" : "a string key"), at: index)
            }
            let keyStart = index
            let (key, keyHash, keyDigest) = try parseKey()
            let keySpan = SourceSpan(start: keyStart, end: index, file: file)
            openKeyHashes.append(keyHash)
            try skipWhitespaceAndComments()
            guard index < buffer.count else { throw endInside("object", openedAt: open) }
            guard buffer[index] == ASCII.colon else {
                throw error(.unexpectedCharacter(found: describe(buffer[index]), expected: "':' after the key \(ValueDescription.quote(key))"), at: index)
            }
            index += 1
            try skipWhitespaceAndComments()
            guard index < buffer.count else { throw endInside("object", openedAt: open) }
            // The value goes straight into its member: bound to a constant first, it was copied
            // into the member and then destroyed (5 % of the parser's instructions).
            openMembers.push(JSONMember(key: key, keySpan: keySpan, keyDigest: keyDigest, value: try parseValue()))
            try skipWhitespaceAndComments()
            guard index < buffer.count else { throw endInside("object", openedAt: open) }
            if buffer[index] == ASCII.comma {
                index += 1
                try skipWhitespaceAndComments()
                continue
            }
            guard buffer[index] == ASCII.closeBrace else {
                throw error(.unexpectedCharacter(found: describe(buffer[index]), expected: "',' or '}' after the value of \(ValueDescription.quote(key))"), at: index)
            }
        }
        index += 1
        depth -= 1
        let members = openMembers.popItems(from: firstMember)
        warnAboutDuplicateKeys(in: members, hashes: openKeyHashes[firstKeyHash...])
        openKeyHashes.removeSubrange(firstKeyHash...)
        return JSONNode(.object(JSONObject(members)), span: SourceSpan(start: open, end: index, file: file))
    }

    mutating func parseArray() throws(JSONParseError) -> JSONNode {
        let open = index
        try enterContainer(at: open)
        index += 1
        try skipWhitespaceAndComments()
        let elements = try parseElements(ofArrayOpenedAt: open)
        index += 1
        depth -= 1
        return JSONNode(.array(elements), span: SourceSpan(start: open, end: index, file: file))
    }

    /// Parses array elements from `index` (after any whitespace) up to the `]` that closes them,
    /// and leaves `index` at it.
    mutating func parseElements(ofArrayOpenedAt open: Int) throws(JSONParseError) -> [JSONNode] {
        let firstElement = openElements.count
        while true {
            guard index < buffer.count else { throw endInside("array", openedAt: open) }
            if buffer[index] == ASCII.closeBracket { break }
            if let secondHalf, index >= secondHalf.earliestStart, takeOver(secondHalf) { break }
            openElements.push(try parseValue())
            try skipWhitespaceAndComments()
            guard index < buffer.count else { throw endInside("array", openedAt: open) }
            if buffer[index] == ASCII.comma {
                index += 1
                try skipWhitespaceAndComments()
                continue
            }
            guard buffer[index] == ASCII.closeBracket else {
                throw error(.unexpectedCharacter(found: describe(buffer[index]), expected: "',' or ']' after an array element"), at: index)
            }
        }
        return openElements.popItems(from: firstElement)
    }

    mutating func enterContainer(at offset: Int) throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw error(.tooDeep(limit: maxDepth), at: offset) }
        deepest = max(deepest, depth)
    }

    /// Whether `word` is `literal`, compared as bytes: a document has thousands of literals, and
    /// only a typo needs a string.
    private static func word(_ word: UnsafeBufferPointer<UInt8>, is literal: StaticString) -> Bool {
        word.count == literal.utf8CodeUnitCount && memcmp(word.baseAddress!, literal.utf8Start, word.count) == 0
    }

    mutating func parseLiteral() throws(JSONParseError) -> JSONNode {
        let start = index
        while index < buffer.count, Self.isWordByte(buffer[index]) { index += 1 }
        let word = UnsafeBufferPointer(rebasing: buffer[start..<index])
        let span = SourceSpan(start: start, end: index, file: file)
        if Self.word(word, is: "true") { return JSONNode(.bool(true), span: span) }
        if Self.word(word, is: "false") { return JSONNode(.bool(false), span: span) }
        if Self.word(word, is: "null") { return JSONNode(.null, span: span) }
        if word.isEmpty { throw error(.unexpectedCharacter(found: describe(buffer[start]), expected: "a value"), at: start) }
        throw error(.invalidLiteral(LiteralTypo(String(decoding: word, as: UTF8.self))), at: start)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95
    }

    // MARK: Numbers

    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        if buffer[index] == ASCII.minus { index += 1 }
        let integerStart = index
        let integerDigits = skipDigits()
        let leadingZero = integerDigits > 1 && buffer[integerStart] == ASCII.zero
        var isInteger = true
        if integerDigits == 0 || leadingZero {
            while index < buffer.count, Self.isWordByte(buffer[index]) || buffer[index] == ASCII.dot { index += 1 }
            throw error(.invalidNumber(numberText(from: start)), at: start)
        }
        if index < buffer.count, buffer[index] == ASCII.dot {
            isInteger = false
            index += 1
            if skipDigits() == 0 { throw error(.invalidNumber(numberText(from: start)), at: start) }
        }
        if index < buffer.count, buffer[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < buffer.count, buffer[index] == ASCII.plus || buffer[index] == ASCII.minus { index += 1 }
            if skipDigits() == 0 { throw error(.invalidNumber(numberText(from: start)), at: start) }
        }
        if index < buffer.count, Self.isWordByte(buffer[index]) || buffer[index] == ASCII.dot {
            while index < buffer.count, Self.isWordByte(buffer[index]) || buffer[index] == ASCII.dot { index += 1 }
            throw error(.invalidNumber(numberText(from: start)), at: start)
        }
        if isInteger && integerDigits <= 15 {
            var value = 0
            for offset in integerStart..<index { value = value * 10 + Int(buffer[offset] - ASCII.zero) }
            return buffer[start] == ASCII.minus ? -Double(value) : Double(value)
        }
        guard let value = Double(numberText(from: start)) else {
            throw error(.invalidNumber(numberText(from: start)), at: start)
        }
        return value
    }

    /// Advances over ASCII digits and returns how many there were.
    mutating func skipDigits() -> Int {
        let start = index
        while index < buffer.count, buffer[index] >= ASCII.zero, buffer[index] <= ASCII.nine { index += 1 }
        return index - start
    }

    /// The number's text for an error message (cut after 32 characters; numbers are ASCII).
    func numberText(from start: Int) -> String {
        let end = min(index, buffer.count)
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<min(end, start + 32)]), as: UTF8.self)
        return end - start > 32 ? text + "… (\(end - start) characters)" : text
    }

    // MARK: Whitespace and comments

    /// Skips whitespace and comments. Inlined where tokens meet: after a key, a colon or a value
    /// the next byte is often the next token already, and only a byte that can start whitespace
    /// or a comment costs a call.
    @inline(__always)
    mutating func skipWhitespaceAndComments() throws(JSONParseError) {
        guard index < buffer.count, buffer[index] <= ASCII.space || buffer[index] == ASCII.slash else { return }
        // One space before a token, as after every colon of a pretty-printed document.
        if buffer[index] == ASCII.space, index + 1 < buffer.count, buffer[index + 1] > ASCII.space, buffer[index + 1] != ASCII.slash {
            index += 1
            return
        }
        try skipWhitespaceAndCommentsHere()
    }

    /// The loop of ``skipWhitespaceAndComments()``.
    mutating func skipWhitespaceAndCommentsHere() throws(JSONParseError) {
        while index < buffer.count {
            switch buffer[index] {
            case ASCII.space, ASCII.tab:
                index += 1
            case ASCII.newline:
                index += 1
                lines.addLineStart(index)
                skipIndentation()
            case ASCII.carriageReturn:
                index += 1
                if index >= buffer.count || buffer[index] != ASCII.newline { lines.addLineStart(index) }
            case ASCII.slash where index + 1 < buffer.count && buffer[index + 1] == ASCII.slash:
                try skipLineComment()
            case ASCII.slash where index + 1 < buffer.count && buffer[index + 1] == ASCII.star:
                try skipBlockComment()
            default:
                return
            }
        }
    }

    /// Skips the spaces that indent a pretty-printed line, eight at a time, and those of the last
    /// word from its first byte that is not a space (what follows is left to
    /// ``skipWhitespaceAndComments()``).
    mutating func skipIndentation() {
        let eightSpaces: UInt64 = 0x2020_2020_2020_2020
        guard let base = buffer.baseAddress else { return }
        while index + 8 <= buffer.count {
            let differences = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ eightSpaces
            guard differences == 0 else {
                // Little-endian: the lowest differing byte is the first that is not a space.
                index += differences.littleEndian.trailingZeroBitCount / 8
                return
            }
            index += 8
        }
    }

    mutating func skipLineComment() throws(JSONParseError) {
        let start = index + 2
        index = start
        while index < buffer.count, buffer[index] != ASCII.newline, buffer[index] != ASCII.carriageReturn {
            if buffer[index] >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: buffer[index]) }
            index += 1
        }
        try validateComment(from: start, to: index)
    }

    mutating func skipBlockComment() throws(JSONParseError) {
        let open = index
        index += 2
        let start = index
        while true {
            guard index + 1 < buffer.count else {
                throw error(.unterminatedComment(openedAt: lines.position(of: open)), at: buffer.count)
            }
            let byte = buffer[index]
            if byte == ASCII.star && buffer[index + 1] == ASCII.slash { break }
            if byte >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: byte) }
            index += 1
            if byte == ASCII.newline || (byte == ASCII.carriageReturn && buffer[index] != ASCII.newline) {
                lines.addLineStart(index)
            }
        }
        try validateComment(from: start, to: index)
        index += 2
    }

    func validateComment(from start: Int, to end: Int) throws(JSONParseError) {
        let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw error(.invalidUTF8(bytes[bad]), at: start + bad)
        }
    }

    // MARK: Diagnostics

    func endInside(_ container: String, openedAt offset: Int) -> JSONParseError {
        error(.unexpectedEndInside(container: container, openedAt: lines.position(of: offset)), at: buffer.count)
    }

    func error(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset, position: lines.position(of: offset))
    }

    /// A short, terminal-safe description of the byte at a position: `'x'` or `byte 0xNN`.
    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        if byte >= 0x80 { return "a non-ASCII character (byte \(JSONParseError.hexByte(byte)))" }
        return "byte \(JSONParseError.hexByte(byte))"
    }

    func describeRaw(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : JSONParseError.hexByte(byte)
    }
}

extension String {
    /// The string with ASCII letters lower-cased and everything else kept.
    package func asciiLowercased() -> String {
        guard utf8.contains(where: { $0.asciiLowercased != $0 }) else { return self }
        return String(unsafeUninitializedCapacity: utf8.count) { folded in
            var count = 0
            for byte in utf8 {
                folded[count] = byte.asciiLowercased
                count += 1
            }
            return count
        }
    }
}
