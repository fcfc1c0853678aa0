/// Why a document is not valid JSON(C), and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The text has nothing but whitespace and comments.
        case empty
        /// The text ended inside a container opened at the given position.
        case unexpectedEndInside(container: String, openedAt: SourcePosition)
        /// The text ended where a value or token was expected.
        case unexpectedEnd(expected: String)
        /// A character that cannot start or continue what the parser expected.
        case unexpectedCharacter(found: String, expected: String)
        /// A word that is not `true`, `false` or `null` (shown only when it is a misspelling of one,
        /// since an unquoted word may be a secret).
        case invalidLiteral(LiteralTypo)
        /// A number that does not follow JSON's grammar.
        case invalidNumber(String)
        /// A raw control character inside a string.
        case controlCharacterInString(UInt8)
        /// A backslash escape JSON does not define.
        case invalidEscape(String)
        /// A string that never ends.
        case unterminatedString(openedAt: SourcePosition)
        /// A `/* ... */` comment that never ends.
        case unterminatedComment(openedAt: SourcePosition)
        /// Bytes that are not UTF-8.
        case invalidUTF8(UInt8)
        /// Containers nested deeper than the limit.
        case tooDeep(limit: Int)
        /// Text after the document's single top-level value.
        case trailingContent(found: String)
        /// More values than a text of this size may hold (see ``JSONParser/maximumValues(forTextOf:)``).
        case tooManyValues(limit: Int)
    }

    /// What went wrong.
    public let reason: Reason
    /// Byte offset of the problem in the UTF-8 text.
    public let offset: Int
    /// Line and column of the problem.
    public let position: SourcePosition

    /// A one-line explanation, without the position.
    public var message: String {
        switch reason {
        case .empty:
            return "the input is empty (no JSON value)"
        case .unexpectedEndInside(let container, let opened):
            return "unexpected end of input inside \(container) started at line \(opened.line), column \(opened.column)"
        case .unexpectedEnd(let expected):
            return "unexpected end of input: expected \(expected)"
        case .unexpectedCharacter(let found, let expected):
            return "expected \(expected), found \(found)"
        case .invalidLiteral(let literal):
            if let typo = literal.misspelling {
                return "invalid literal '\(typo)': JSON's only literals are true, false and null, in lower case"
            }
            return "unquoted text (\(literal.length) \(literal.length == 1 ? "character" : "characters"), not shown) where a value belongs: strings need double quotes"
        case .invalidNumber(let text):
            return "invalid number '\(text)'"
        case .controlCharacterInString(let byte):
            return "unescaped control character \(Self.hexByte(byte)) in a string (escape it, e.g. \\n)"
        case .invalidEscape(let escape):
            return "invalid escape sequence '\(escape)' in a string"
        case .unterminatedString(let opened):
            return "unterminated string started at line \(opened.line), column \(opened.column)"
        case .unterminatedComment(let opened):
            return "unterminated /* comment started at line \(opened.line), column \(opened.column)"
        case .invalidUTF8(let byte):
            return "invalid UTF-8 (byte \(Self.hexByte(byte))); save the file as UTF-8"
        case .tooDeep(let limit):
            return "objects and arrays nested deeper than \(limit) levels"
        case .trailingContent(let found):
            return "unexpected \(found) after the end of the JSON value"
        case .tooManyValues(let limit):
            return "more than \(limit) values for a text of this size: far denser than any real export or template, so it is not read"
        }
    }

    public var description: String { "\(position): \(message)" }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

/// An unquoted word where a value belongs. It is shown in messages only when it is a misspelling
/// of `true`, `false` or `null` (`True`, `nul`, `fasle`) or a literal of another language (`NaN`,
/// `Infinity`, `None`, `undefined`): anything else may be an unquoted secret.
public struct LiteralTypo: Sendable, Equatable {
    /// The word, when it is close to a JSON literal.
    public let misspelling: String?
    /// The word's length in characters.
    public let length: Int

    /// Classifies `word`.
    package init(_ word: String) {
        length = word.count
        let lowered = word.asciiLowercased()
        let close = length <= 9 && ["true", "false", "null", "nan", "infinity", "none", "undefined"].contains { Self.editDistance(lowered, $0) <= 2 }
        misspelling = close ? word : nil
    }

    /// The Levenshtein distance between two short ASCII words.
    private static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left.utf8), b = Array(right.utf8)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Something legal but suspicious the parser saw, such as a duplicate key.
public struct JSONWarning: Sendable, Equatable {
    /// A one-line explanation.
    public let message: String
    /// Byte offset the warning is about.
    public let offset: Int
}
