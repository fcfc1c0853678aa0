/// Why a Bicep file cannot be read, with the byte offset responsible.
struct BicepSyntaxError: Error, Sendable, Equatable {
    /// What was wrong or expected, without the position.
    let message: String
    let offset: Int
}

/// What the lexer makes of a file: its tokens (ending with `.end`), its comments, and its lines.
struct BicepLexed: Sendable {
    let tokens: [BicepToken]
    let comments: [BicepComment]
    let lines: LineIndex
}

/// Turns the UTF-8 text of a `.bicep` or `.bicepparam` file into tokens, following the Bicep
/// compiler's lexer (`Lexer.cs`): significant newlines, `//` and `/* */` comments anywhere,
/// `#disable-next-line` pragmas, `'...'` strings with escapes and `${...}` holes that nest, and
/// `'''...'''` verbatim strings. One pass over the bytes; the line index is built on the way.
enum BicepLexer {
    /// How deeply string holes may nest (`'${'${...}'}'`).
    static let maximumHoleDepth = 32

    static func lex(_ text: [UInt8], file: SourceFileID) throws(BicepSyntaxError) -> BicepLexed {
        var result: Result<BicepLexed, BicepSyntaxError>!
        text.withUnsafeBufferPointer { buffer in
            result = Result { () throws(BicepSyntaxError) -> BicepLexed in
                if let bad = UTF8Validation.firstInvalidOffset(in: buffer) { throw BicepSyntaxError(message: "invalid UTF-8", offset: bad) }
                var scanner = Scanner(bytes: buffer, file: file)
                var tokens: [BicepToken] = []
                tokens.reserveCapacity(buffer.count / 4)
                try scanner.lexTokens(into: &tokens, insideHole: false, depth: 0)
                return BicepLexed(tokens: tokens, comments: scanner.comments, lines: scanner.lines)
            }
        }
        return try result.get()
    }

    /// The line and column of `offset` in `text`, for the one error that stops a file being lexed
    /// (the lexer's own line index is not finished then).
    static func position(of offset: Int, in text: [UInt8]) -> SourcePosition {
        var lines = LineIndex()
        for (index, byte) in text.prefix(offset).enumerated() where byte == UInt8(ascii: "\n") { lines.addLineStart(index + 1) }
        return lines.position(of: offset)
    }

    /// Symbols of two or three characters, longest first.
    fileprivate static let longSymbols: [[UInt8]] = ["...", "=>", "==", "!=", "=~", "!~", "<=", ">=", "&&", "||", "??", "::"].map { Array($0.utf8) }
    fileprivate static let singleSymbols = Set("{}()[],.?:;=+-*/%!<>|@^".utf8)
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: SourceFileID
    var index = 0
    var lines = LineIndex()
    var comments: [BicepComment] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: SourceFileID) {
        self.bytes = bytes
        self.file = file
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(start: start, end: end, file: file) }

    func failure(_ message: String, at offset: Int) -> BicepSyntaxError { BicepSyntaxError(message: message, offset: offset) }

    /// Lexes tokens up to the end of the text, or, inside a string hole, up to its closing `}`
    /// (which is consumed). Ends the top-level list with `.end`.
    mutating func lexTokens(into tokens: inout [BicepToken], insideHole: Bool, depth: Int) throws(BicepSyntaxError) {
        var braces = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                let start = index
                while index < bytes.count, bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    recordLineBreak()
                }
                if tokens.last?.kind != .newline { tokens.append(BicepToken(kind: .newline, span: span(start, start + 1))) }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                lexLineComment()
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                try lexBlockComment()
            case UInt8(ascii: "#") where isAtLineStart(index):
                // A pragma (`#disable-next-line BCP036`): Bicep's own linter codes, not akslint's.
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
            case UInt8(ascii: "'"), UInt8(ascii: "$"):
                tokens.append(try lexString(depth: depth))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                tokens.append(try lexInteger())
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                let start = index
                while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
                tokens.append(BicepToken(kind: .identifier(text(start, index)), span: span(start, index)))
            default:
                if insideHole && byte == UInt8(ascii: "}") && braces == 0 {
                    index += 1
                    tokens.append(BicepToken(kind: .end, span: span(index - 1, index)))
                    return
                }
                if byte == UInt8(ascii: "{") { braces += 1 }
                if byte == UInt8(ascii: "}") { braces -= 1 }
                tokens.append(try lexSymbol())
            }
        }
        if insideHole { throw failure("unterminated string interpolation: expected '}'", at: index) }
        tokens.append(BicepToken(kind: .end, span: span(index, index)))
    }

    /// Consumes one line break or blank character, recording where lines start.
    mutating func recordLineBreak() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\r") {
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            lines.addLineStart(index)
        } else if byte == UInt8(ascii: "\n") {
            lines.addLineStart(index)
        }
    }

    /// Whether only blanks precede `offset` on its line.
    func isAtLineStart(_ offset: Int) -> Bool {
        var position = offset - 1
        while position >= 0 {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return true }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
            position -= 1
        }
        return true
    }

    func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Records the multi-byte characters of `start..<end` in the line index.
    mutating func recordWideCharacters(_ start: Int, _ end: Int) {
        var position = start
        while position < end {
            if bytes[position] >= 0xC0 { lines.addMultiByteCharacter(at: position, leadByte: bytes[position]) }
            position += 1
        }
    }

    mutating func lexLineComment() {
        let start = index
        index += 2
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        recordWideCharacters(start, index)
        let line = lines.lineStarts.count
        comments.append(BicepComment(text: text(start + 2, index).trimmingWhitespace(), span: span(start, index), line: line))
    }

    mutating func lexBlockComment() throws(BicepSyntaxError) {
        let start = index
        let line = lines.lineStarts.count
        index += 2
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
            if bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                recordLineBreak()
            } else {
                if bytes[index] >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: bytes[index]) }
                index += 1
            }
        }
        guard index + 1 < bytes.count else { throw failure("unterminated comment: expected '*/'", at: start) }
        index += 2
        comments.append(BicepComment(text: text(start + 2, index - 2).trimmingWhitespace(), span: span(start, index), line: line))
    }

    mutating func lexInteger() throws(BicepSyntaxError) -> BicepToken {
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw failure("integer literal too large", at: start) }
            value = sum
            index += 1
        }
        return BicepToken(kind: .integer(value), span: span(start, index))
    }

    mutating func lexSymbol() throws(BicepSyntaxError) -> BicepToken {
        let start = index
        for symbol in BicepLexer.longSymbols where index + symbol.count <= bytes.count {
            if symbol.indices.allSatisfy({ bytes[index + $0] == symbol[$0] }) {
                index += symbol.count
                return BicepToken(kind: .symbol(text(start, index)), span: span(start, index))
            }
        }
        guard BicepLexer.singleSymbols.contains(bytes[index]) else {
            let length = UTF8Validation.sequenceLength(ofLeadByte: bytes[index])
            throw failure("unexpected character '\(text(start, min(bytes.count, start + length)))'", at: start)
        }
        index += 1
        return BicepToken(kind: .symbol(text(start, index)), span: span(start, index))
    }

    // MARK: Strings

    /// A string starting at `'`, `'''` or `$'''`.
    mutating func lexString(depth: Int) throws(BicepSyntaxError) -> BicepToken {
        let start = index
        var dollars = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "$") { dollars += 1; index += 1 }
        if startsTripleQuote(at: index) {
            return try lexMultilineString(start: start, dollars: dollars, depth: depth)
        }
        guard dollars == 0, index < bytes.count, bytes[index] == UInt8(ascii: "'") else {
            throw failure("unexpected character '$'", at: start)
        }
        guard depth < BicepLexer.maximumHoleDepth else { throw failure("string interpolation nested too deeply", at: start) }
        index += 1
        var segments: [String] = []
        var holes: [[BicepToken]] = []
        var segment: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated string: expected a closing '", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"):
                index += 1
                segments.append(String(decoding: segment, as: UTF8.self))
                return BicepToken(kind: .string(BicepStringToken(segments: segments, holes: holes)), span: span(start, index))
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw failure("a string cannot span lines (use ''' for a multi-line string)", at: index)
            case UInt8(ascii: "\\"):
                try lexEscape(into: &segment)
            case UInt8(ascii: "$") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{"):
                index += 2
                segments.append(String(decoding: segment, as: UTF8.self))
                segment.removeAll(keepingCapacity: true)
                var hole: [BicepToken] = []
                try lexTokens(into: &hole, insideHole: true, depth: depth + 1)
                holes.append(hole)
            default:
                if byte >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: byte) }
                segment.append(byte)
                index += 1
            }
        }
    }

    func startsTripleQuote(at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == UInt8(ascii: "'") && bytes[offset + 1] == UInt8(ascii: "'") && bytes[offset + 2] == UInt8(ascii: "'")
    }

    /// `\n \r \t \\ \' \$` and `\u{hex}`.
    mutating func lexEscape(into segment: inout [UInt8]) throws(BicepSyntaxError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw failure("unterminated string: expected a closing '", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "n"): segment.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "r"): segment.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "t"): segment.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "$"): segment.append(byte)
        case UInt8(ascii: "u"):
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw failure("invalid escape: expected \\u{...}", at: start) }
            index += 1
            var scalar: UInt32 = 0
            var digits = 0
            while index < bytes.count, let digit = hexValue(bytes[index]) {
                scalar = scalar &* 16 &+ digit
                digits += 1
                index += 1
                guard digits <= 6 else { throw failure("invalid escape: \\u{...} takes at most 6 hex digits", at: start) }
            }
            guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: "}"), scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw failure("invalid escape: \\u{...} must name a Unicode scalar value", at: start)
            }
            index += 1
            SourceDecoder.appendUTF8(scalar, to: &segment)
        default:
            throw failure("invalid escape '\\\(text(index - 1, index))' (Bicep accepts \\n \\r \\t \\\\ \\' \\$ and \\u{...})", at: start)
        }
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `'''...'''` (verbatim) or, with `dollars` marks, `$'''...${x}...'''` whose holes start with
    /// that many `$` before `{`.
    mutating func lexMultilineString(start: Int, dollars: Int, depth: Int) throws(BicepSyntaxError) -> BicepToken {
        guard depth < BicepLexer.maximumHoleDepth else { throw failure("string interpolation nested too deeply", at: start) }
        index += 3
        // A line break right after the opening quotes is not part of the value.
        if index < bytes.count, bytes[index] == UInt8(ascii: "\r") { recordLineBreak() } else if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { recordLineBreak() }
        var segments: [String] = []
        var holes: [[BicepToken]] = []
        var segment: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated multi-line string: expected '''", at: start) }
            if startsTripleQuote(at: index) {
                index += 3
                segments.append(String(decoding: segment, as: UTF8.self))
                return BicepToken(kind: .string(BicepStringToken(segments: segments, holes: holes)), span: span(start, index))
            }
            if dollars > 0, opensMultilineHole(at: index, dollars: dollars) {
                index += dollars + 1
                segments.append(String(decoding: segment, as: UTF8.self))
                segment.removeAll(keepingCapacity: true)
                var hole: [BicepToken] = []
                try lexTokens(into: &hole, insideHole: true, depth: depth + 1)
                holes.append(hole)
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let lineStart = index
                recordLineBreak()
                segment.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]))
                continue
            }
            if byte >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: byte) }
            segment.append(byte)
            index += 1
        }
    }

    func opensMultilineHole(at offset: Int, dollars: Int) -> Bool {
        guard offset + dollars < bytes.count else { return false }
        for position in offset..<(offset + dollars) where bytes[position] != UInt8(ascii: "$") { return false }
        return bytes[offset + dollars] == UInt8(ascii: "{")
    }
}
