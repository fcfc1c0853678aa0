/// An ARM template expression, parsed from a string such as `[concat(parameters('a'), '-x')[0]]`.
package indirect enum TemplateExpression: Sendable, Equatable {
    /// A string literal (`'text'`, with `''` for a quote).
    case string(String)
    /// An integer literal.
    case integer(Int)
    /// A function call such as `parameters('x')` or `namespace.function()`.
    case call(name: String, arguments: [TemplateExpression])
    /// `expression.name`
    case property(TemplateExpression, String)
    /// `expression[index]`
    case index(TemplateExpression, TemplateExpression)
}

/// What a template string holds.
package enum TemplateString: Sendable, Equatable {
    /// A plain string (for `[[...]`, with the escaping bracket removed).
    case literal(String)
    /// An expression to evaluate.
    case expression(TemplateExpression)
    /// Text that looks like an expression but does not parse.
    case malformed(reason: String)

    /// Classifies a JSON string of a template: `[...]` is an expression, `[[...` is an escaped literal.
    package static func classify(_ text: String) -> TemplateString {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), bytes.count >= 2 else { return .literal(text) }
        // The brackets are one byte each: cut as bytes (cutting Characters walks the whole text).
        if bytes.dropFirst().first == UInt8(ascii: "[") { return .literal(String(decoding: bytes.dropFirst(), as: UTF8.self)) }
        do {
            return .expression(try ExpressionParser.parse(String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)))
        } catch {
            return .malformed(reason: error.message)
        }
    }
}

/// Why an expression could not be parsed.
package struct ExpressionParseError: Error, Sendable, Equatable {
    package let message: String
}

/// A recursive-descent parser for the ARM expression grammar: literals, calls, `.property` and
/// `[index]` accessors, with bounded nesting.
enum ExpressionParser {
    static let maximumDepth = 128

    static func parse(_ text: String) throws(ExpressionParseError) -> TemplateExpression {
        var parser = Parser(bytes: Array(text.utf8))
        let expression = try parser.parseExpression(depth: 0)
        parser.skipSpaces()
        guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the expression") }
        return expression
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func parseExpression(depth: Int) throws(ExpressionParseError) -> TemplateExpression {
            guard depth < ExpressionParser.maximumDepth else { throw failure("expression nested too deeply") }
            skipSpaces()
            guard index < bytes.count else { throw failure("expression ends too early") }
            var expression: TemplateExpression
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                expression = .string(try parseStringLiteral())
            } else if byte == UInt8(ascii: "-") || (byte >= 48 && byte <= 57) {
                expression = .integer(try parseInteger())
            } else if isIdentifierStart(byte) {
                let name = parseIdentifier()
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else {
                    throw failure("expected '(' after the function name '\(name)'")
                }
                index += 1
                var arguments: [TemplateExpression] = []
                skipSpaces()
                if index < bytes.count, bytes[index] == UInt8(ascii: ")") {
                    index += 1
                } else {
                    while true {
                        arguments.append(try parseExpression(depth: depth + 1))
                        skipSpaces()
                        guard index < bytes.count else { throw failure("missing ')' after the arguments of '\(name)'") }
                        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                        if bytes[index] == UInt8(ascii: ")") { index += 1; break }
                        throw failure("expected ',' or ')' in the arguments of '\(name)'")
                    }
                }
                expression = .call(name: name, arguments: arguments)
            } else {
                throw failure("unexpected character '\(String(decoding: [byte], as: UTF8.self))'")
            }
            while true {
                skipSpaces()
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    skipSpaces()
                    guard index < bytes.count, isIdentifierStart(bytes[index]) else { throw failure("expected a property name after '.'") }
                    expression = .property(expression, parseIdentifier())
                } else if bytes[index] == UInt8(ascii: "[") {
                    index += 1
                    let subscriptExpression = try parseExpression(depth: depth + 1)
                    skipSpaces()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { throw failure("missing ']'") }
                    index += 1
                    expression = .index(expression, subscriptExpression)
                } else {
                    break
                }
            }
            return expression
        }

        mutating func parseStringLiteral() throws(ExpressionParseError) -> String {
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "'") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                        content.append(byte)
                        index += 2
                        continue
                    }
                    index += 1
                    return String(decoding: content, as: UTF8.self)
                }
                content.append(byte)
                index += 1
            }
            throw failure("unterminated string literal")
        }

        mutating func parseInteger() throws(ExpressionParseError) -> Int {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard let value = Int(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw failure("invalid number") }
            return value
        }

        mutating func parseIdentifier() -> String {
            let start = index
            while index < bytes.count, isIdentifierStart(bytes[index]) || (bytes[index] >= 48 && bytes[index] <= 57) || bytes[index] == UInt8(ascii: ".") && index + 1 < bytes.count && isIdentifierStart(bytes[index + 1]) && isNamespaced(from: start) {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Dots belong to a function name only in `namespace.function(`: look ahead for the `(`.
        func isNamespaced(from start: Int) -> Bool {
            var probe = index + 1
            while probe < bytes.count, isIdentifierStart(bytes[probe]) || (bytes[probe] >= 48 && bytes[probe] <= 57) { probe += 1 }
            return probe < bytes.count && bytes[probe] == UInt8(ascii: "(") && start < index
        }

        func isIdentifierStart(_ byte: UInt8) -> Bool {
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
        }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                index += 1
            }
        }

        func failure(_ message: String) -> ExpressionParseError {
            ExpressionParseError(message: "\(message) (at character \(index + 2) of the expression)")
        }
    }
}
