/// One token of a Bicep file, with the span of its text.
struct BicepToken: Sendable, Equatable {
    let kind: BicepTokenKind
    let span: SourceSpan
}

/// What a token is. Strings arrive whole: their literal pieces and, for `'a${x}b'`, the tokens of
/// each hole, so the parser reads an interpolation as a small expression of its own.
enum BicepTokenKind: Sendable, Equatable {
    case identifier(String)
    case integer(Int)
    case string(BicepStringToken)
    /// Punctuation and operators, as written (`{`, `?.`, `=>`, `...`, `&&`).
    case symbol(String)
    /// One or more line breaks: Bicep ends statements and separates items with them.
    case newline
    case end

    /// The symbol's text, if this is one.
    var symbol: String? {
        if case .symbol(let text) = self { return text }
        return nil
    }

    /// The identifier, if this is one.
    var identifier: String? {
        if case .identifier(let name) = self { return name }
        return nil
    }
}

/// A string literal: `segments` surround the holes (one more segment than holes), each hole is
/// the tokens of its expression, ending with `.end`.
struct BicepStringToken: Sendable, Equatable {
    let segments: [String]
    let holes: [[BicepToken]]
}

/// A `//` or `/* */` comment, kept beside the tokens for inline suppressions.
struct BicepComment: Sendable {
    /// The comment's text without its markers, trimmed.
    let text: String
    let span: SourceSpan
    /// The 1-based line the comment starts on.
    let line: Int
}
