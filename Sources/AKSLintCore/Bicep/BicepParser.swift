/// A recursive-descent parser for Bicep (`docs/grammar.md`, with the newline rules of the
/// compiler's `BaseParser.cs`): items of objects and arrays separated by newlines or commas,
/// newlines allowed inside calls and before `?` and `:` of a ternary, comments anywhere.
///
/// A statement that does not parse is recorded as an error and skipped: the parser resumes at the
/// next line that starts a declaration, so one bad line never hides a cluster declared elsewhere.
enum BicepParser {
    /// How deeply expressions may nest (as JSON input may).
    static let maximumDepth = 128

    /// Parses a `.bicep` file, or a `.bicepparam` file when `isParametersFile`.
    static func parse(_ text: [UInt8], file: SourceFileID, isParametersFile: Bool = false) throws(BicepSyntaxError) -> BicepFile {
        let lexed = try BicepLexer.lex(text, file: file)
        var parser = BicepTokenParser(tokens: lexed.tokens, text: text, isParametersFile: isParametersFile)
        let (statements, errors) = parser.parseStatements()
        return BicepFile(statements: statements, errors: errors, comments: lexed.comments, lines: lexed.lines)
    }

    /// Keywords that start a top-level statement, where the parser resumes after an error.
    static let statementKeywords: Set<String> = [
        "param", "var", "resource", "module", "output", "type", "func", "import", "metadata", "targetScope",
        "extension", "provider", "using", "extends", "test", "assert", "extensionConfig",
    ]
}

/// The parser's state over one token list (a file, or one string hole): the token cursor and
/// its helpers, and the statements. Expressions are in `BicepExpressionParser.swift`.
struct BicepTokenParser {
    let tokens: [BicepToken]
    let text: [UInt8]
    let isParametersFile: Bool
    var position = 0

    init(tokens: [BicepToken], text: [UInt8], isParametersFile: Bool) {
        self.tokens = tokens
        self.text = text
        self.isParametersFile = isParametersFile
    }

    var current: BicepToken { tokens[min(position, tokens.count - 1)] }
    var kind: BicepTokenKind { current.kind }

    func peek(_ offset: Int) -> BicepTokenKind { tokens[min(position + offset, tokens.count - 1)].kind }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func isSymbol(_ symbol: String) -> Bool { kind.symbol == symbol }

    func isKeyword(_ word: String) -> Bool { kind.identifier == word }

    func failure(_ message: String) -> BicepSyntaxError {
        BicepSyntaxError(message: message + ", found " + describe(kind), offset: Int(current.span.start))
    }

    func describe(_ kind: BicepTokenKind) -> String {
        switch kind {
        case .identifier(let name): return "'\(BoundedText.bounded(name, to: 40))'"
        case .integer(let value): return "\(value)"
        case .string: return "a string"
        case .symbol(let symbol): return "'\(symbol)'"
        case .newline: return "a new line"
        case .end: return "the end of the file"
        }
    }

    mutating func expectSymbol(_ symbol: String, _ context: String) throws(BicepSyntaxError) {
        guard isSymbol(symbol) else { throw failure("expected '\(symbol)' \(context)") }
        advance()
    }

    mutating func expectIdentifier(_ context: String) throws(BicepSyntaxError) -> String {
        guard let name = kind.identifier else { throw failure("expected \(context)") }
        advance()
        return name
    }

    mutating func skipNewlines() {
        while kind == .newline { advance() }
    }

    func span(from start: Int) -> SourceSpan {
        let first = tokens[min(start, tokens.count - 1)].span
        let last = tokens[max(start, min(position, tokens.count) - 1)].span
        return SourceSpan(start: Int(first.start), end: Int(max(first.end, last.end)), file: first.file)
    }

    // MARK: Statements

    mutating func parseStatements() -> ([BicepStatement], [BicepSyntaxError]) {
        var statements: [BicepStatement] = []
        var errors: [BicepSyntaxError] = []
        while true {
            skipNewlines()
            if kind == .end { break }
            do throws(BicepSyntaxError) {
                statements.append(try parseStatement())
                guard kind == .newline || kind == .end else { throw failure("expected a new line after the declaration") }
            } catch {
                errors.append(error)
                recover()
            }
        }
        return (statements, errors)
    }

    /// Skips to the next line that starts (in its first column) with a declaration keyword or a decorator.
    mutating func recover() {
        advance()
        while kind != .end {
            if kind == .newline {
                advance()
                let startsLine = current.span.start == 0 || [UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(text[Int(current.span.start) - 1])
                if startsLine, let word = kind.identifier, BicepParser.statementKeywords.contains(word) { return }
                if startsLine, isSymbol("@") { return }
                continue
            }
            advance()
        }
    }

    mutating func parseStatement() throws(BicepSyntaxError) -> BicepStatement {
        let start = position
        let decorators = try parseDecorators()
        guard let keyword = kind.identifier else { throw failure("expected a declaration (param, var, resource, module, output, ...)") }
        switch keyword {
        case "param":
            advance()
            let name = try expectIdentifier("a parameter name")
            if isParametersFile {
                try expectSymbol("=", "after the parameter name")
                return .variable(name: name, value: try parseExpression(depth: 0), isParameterValue: true)
            }
            let type = try skipType(until: ["="])
            var defaultValue: BicepExpression?
            if isSymbol("=") {
                advance()
                defaultValue = try parseExpression(depth: 0)
            }
            return .parameter(BicepParameter(
                name: name, primitiveType: type.primitive, isNullable: type.isNullable, defaultValue: defaultValue,
                decorators: decorators, span: span(from: start)))
        case "var":
            advance()
            let name = try expectIdentifier("a variable name")
            if !isSymbol("=") { _ = try skipType(until: ["="]) }
            try expectSymbol("=", "after the variable name")
            return .variable(name: name, value: try parseExpression(depth: 0), isParameterValue: false)
        case "resource":
            return .resource(try parseResource(start: start))
        case "module":
            advance()
            let symbol = try expectIdentifier("a module name")
            guard case .string(let literal) = kind, literal.holes.isEmpty else { throw failure("expected the module's path as a string") }
            let pathSpan = current.span
            advance()
            try expectSymbol("=", "after the module's path")
            let value = try parseDeclarationValue()
            return .module(BicepModule(symbol: symbol, path: literal.segments.joined(), pathSpan: pathSpan, value: value, span: span(from: start)))
        case "func":
            advance()
            let name = try expectIdentifier("a function name")
            try expectSymbol("(", "after the function name")
            var parameters: [String] = []
            skipNewlines()
            while !isSymbol(")") {
                parameters.append(try expectIdentifier("a parameter name"))
                _ = try skipType(until: [",", ")"])
                if isSymbol(",") { advance(); skipNewlines() }
            }
            advance()
            _ = try skipType(until: ["=>"])
            try expectSymbol("=>", "before the function's body")
            skipNewlines()
            return .function(BicepFunction(name: name, parameters: parameters, body: try parseExpression(depth: 0)))
        case "output", "metadata", "targetScope":
            // Parsed (a multi-line value is one statement) but not evaluated: no rule reads them.
            advance()
            if keyword != "targetScope" { _ = try expectIdentifier("a name") }
            _ = try skipType(until: ["="])
            try expectSymbol("=", "before the value")
            _ = try parseExpression(depth: 0)
            return .other
        case "using":
            advance()
            let usingSpan = current.span
            var path = ""
            if case .string(let literal) = kind { path = literal.segments.joined() }
            skipStatement()
            return .using(path: path, span: usingSpan)
        default:
            guard BicepParser.statementKeywords.contains(keyword) else {
                throw failure("expected a declaration (param, var, resource, module, output, ...)")
            }
            skipStatement()
            return .other
        }
    }

    mutating func parseDecorators() throws(BicepSyntaxError) -> [BicepDecorator] {
        var decorators: [BicepDecorator] = []
        while isSymbol("@") {
            let start = position
            advance()
            var name = try expectIdentifier("a decorator name")
            if isSymbol("."), case .identifier(let member) = peek(1) {
                advance(); advance()
                name = member
            }
            var arguments: [BicepExpression] = []
            if isSymbol("(") { arguments = try parseArguments(depth: 0) }
            decorators.append(BicepDecorator(name: name, arguments: arguments, span: span(from: start)))
            skipNewlines()
        }
        return decorators
    }

    mutating func parseResource(start: Int) throws(BicepSyntaxError) -> BicepResource {
        advance()
        let symbol = try expectIdentifier("a resource name")
        guard case .string(let literal) = kind, literal.holes.isEmpty else { throw failure("expected the resource type as a string ('Type@version')") }
        advance()
        var isExisting = false
        if isKeyword("existing") {
            isExisting = true
            advance()
        }
        try expectSymbol("=", "after the resource type")
        let value = try parseDeclarationValue()
        return BicepResource(symbol: symbol, typeReference: literal.segments.joined(), isExisting: isExisting, value: value, span: span(from: start))
    }

    /// `{...}`, `if (c) {...}`, or `[for ... : {...}]` (with an optional filter).
    mutating func parseDeclarationValue() throws(BicepSyntaxError) -> BicepDeclarationValue {
        if isKeyword("if") {
            advance()
            let condition = try parseParenthesized(depth: 0)
            skipNewlines()
            return BicepDeclarationValue(condition: condition, loop: nil, body: try parseObject(depth: 0))
        }
        if isSymbol("["), peek(1).identifier == "for" || (peek(1) == .newline && peek(2).identifier == "for") {
            let expression = try parseArrayOrLoop(depth: 0)
            guard case .forLoop(let loop) = expression.kind else { throw failure("expected a for loop") }
            return BicepDeclarationValue(condition: nil, loop: loop, body: loop.body)
        }
        return BicepDeclarationValue(condition: nil, loop: nil, body: try parseObject(depth: 0))
    }

    /// Skips a type expression up to one of `terminators` (or a new line) outside brackets, and
    /// says what evaluation needs of it: the primitive type it names and whether it is nullable.
    mutating func skipType(until terminators: Set<String>) throws(BicepSyntaxError) -> (primitive: String?, isNullable: Bool) {
        var depth = 0
        var primitive: String?
        var lastSymbol: String?
        while kind != .end {
            if depth == 0, let symbol = kind.symbol, terminators.contains(symbol) { break }
            if depth == 0, kind == .newline { break }
            if let symbol = kind.symbol {
                if ["(", "[", "{", "<"].contains(symbol) { depth += 1 }
                if [")", "]", "}", ">"].contains(symbol) { depth -= 1 }
                if depth < 0 { throw failure("unbalanced brackets in a type") }
                lastSymbol = depth == 0 ? symbol : lastSymbol
            } else {
                lastSymbol = depth == 0 ? nil : lastSymbol
            }
            if primitive == nil, depth == 0, let name = kind.identifier { primitive = name }
            if primitive == nil, depth == 0, kind.symbol == "{" { primitive = "object" }
            advance()
        }
        return (primitive, lastSymbol == "?")
    }

    /// Skips to the end of the statement: the next new line outside brackets.
    mutating func skipStatement() {
        var depth = 0
        while kind != .end {
            if depth <= 0, kind == .newline { return }
            if let symbol = kind.symbol {
                if ["(", "[", "{"].contains(symbol) { depth += 1 }
                if [")", "]", "}"].contains(symbol) { depth -= 1 }
            }
            advance()
        }
    }
}
