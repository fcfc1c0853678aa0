/// Bicep expressions, by precedence (lowest first): the ternary, `??`, `||`, `&&`, equality,
/// comparison, `+ -`, `* / %`, unary operators, then member access, indexes, calls and the
/// primary values (literals, strings with their holes, arrays, loops, objects, lambdas).
extension BicepTokenParser {

    mutating func parseExpression(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        let start = position
        let condition = try parseBinary(level: 0, depth: depth + 1)
        // A new line may come before `?` and before `:`.
        let beforeQuestion = position
        skipNewlines()
        guard isSymbol("?") else {
            position = beforeQuestion
            return condition
        }
        advance()
        skipNewlines()
        let whenTrue = try parseExpression(depth: depth + 1)
        skipNewlines()
        try expectSymbol(":", "in a conditional expression")
        skipNewlines()
        let whenFalse = try parseExpression(depth: depth + 1)
        return BicepExpression(kind: .ternary(condition, whenTrue, whenFalse), span: span(from: start))
    }

    /// Binary operators by precedence, lowest first.
    static let binaryLevels: [[String]] = [["??"], ["||"], ["&&"], ["==", "!=", "=~", "!~"], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]]

    mutating func parseBinary(level: Int, depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        guard level < Self.binaryLevels.count else { return try parseUnary(depth: depth + 1) }
        let start = position
        var left = try parseBinary(level: level + 1, depth: depth + 1)
        while let symbol = kind.symbol, Self.binaryLevels[level].contains(symbol) {
            advance()
            skipNewlines()
            let right = try parseBinary(level: level + 1, depth: depth + 1)
            left = BicepExpression(kind: .binary(symbol, left, right), span: span(from: start))
        }
        return left
    }

    mutating func parseUnary(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        let start = position
        if let symbol = kind.symbol, ["!", "-", "+"].contains(symbol) {
            advance()
            let operand = try parseUnary(depth: depth + 1)
            return BicepExpression(kind: .unary(symbol, operand), span: span(from: start))
        }
        return try parsePostfix(depth: depth + 1)
    }

    mutating func parsePostfix(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        let start = position
        var expression = try parsePrimary(depth: depth + 1)
        while true {
            if isSymbol(".") {
                advance()
                var isSafe = false
                if isSymbol("?") { isSafe = true; advance() }
                let name = try expectIdentifier("a property name after '.'")
                if !isSafe, isSymbol("(") {
                    let arguments = try parseArguments(depth: depth + 1)
                    if case .identifier(let namespace) = expression.kind, ["az", "sys"].contains(namespace) {
                        expression = BicepExpression(kind: .call(namespace: namespace, name: name, arguments: arguments), span: span(from: start))
                    } else {
                        expression = BicepExpression(kind: .method(base: expression, name: name, arguments: arguments), span: span(from: start))
                    }
                } else {
                    expression = BicepExpression(kind: .member(base: expression, name: name, isSafe: isSafe), span: span(from: start))
                }
            } else if isSymbol("[") {
                advance()
                var isSafe = false
                var fromEnd = false
                if isSymbol("?") { isSafe = true; advance() }
                if isSymbol("^") { fromEnd = true; advance() }
                skipNewlines()
                let index = try parseExpression(depth: depth + 1)
                skipNewlines()
                try expectSymbol("]", "after an index")
                expression = BicepExpression(kind: .index(base: expression, index: index, isSafe: isSafe, fromEnd: fromEnd), span: span(from: start))
            } else if isSymbol("::") {
                advance()
                let name = try expectIdentifier("a child resource name after '::'")
                expression = BicepExpression(kind: .child(base: expression, name: name), span: span(from: start))
            } else if isSymbol("!") {
                advance()
                expression = BicepExpression(kind: .nonNull(expression), span: span(from: start))
            } else {
                return expression
            }
        }
    }

    mutating func parsePrimary(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        let start = position
        switch kind {
        case .integer(let value):
            advance()
            return BicepExpression(kind: .integer(value), span: span(from: start))
        case .string(let literal):
            advance()
            var holes: [BicepExpression] = []
            for hole in literal.holes {
                var inner = BicepTokenParser(tokens: hole, text: text, isParametersFile: isParametersFile)
                inner.skipNewlines()
                holes.append(try inner.parseExpression(depth: depth + 1))
                inner.skipNewlines()
                guard inner.kind == .end else { throw inner.failure("expected '}' to close the interpolation") }
            }
            return BicepExpression(kind: .string(segments: literal.segments, holes: holes), span: span(from: start))
        case .identifier(let name):
            advance()
            switch name {
            case "true": return BicepExpression(kind: .bool(true), span: span(from: start))
            case "false": return BicepExpression(kind: .bool(false), span: span(from: start))
            case "null": return BicepExpression(kind: .null, span: span(from: start))
            default: break
            }
            if isSymbol("=>") {
                advance()
                skipNewlines()
                let body = try parseExpression(depth: depth + 1)
                return BicepExpression(kind: .lambda(parameters: [name], body: body), span: span(from: start))
            }
            if isSymbol("(") {
                let arguments = try parseArguments(depth: depth + 1)
                return BicepExpression(kind: .call(namespace: nil, name: name, arguments: arguments), span: span(from: start))
            }
            return BicepExpression(kind: .identifier(name), span: span(from: start))
        case .symbol("("):
            if let lambda = try parseLambdaWithParentheses(depth: depth + 1) { return lambda }
            let inner = try parseParenthesized(depth: depth + 1)
            return BicepExpression(kind: inner.kind, span: span(from: start))
        case .symbol("["):
            return try parseArrayOrLoop(depth: depth + 1)
        case .symbol("{"):
            return try parseObject(depth: depth + 1)
        default:
            throw failure("expected a value")
        }
    }

    /// `(a, b) => body`, or nil (with nothing consumed) when the parenthesis is not a lambda's.
    mutating func parseLambdaWithParentheses(depth: Int) throws(BicepSyntaxError) -> BicepExpression? {
        let start = position
        var lookahead = position + 1
        var names: [String] = []
        while lookahead < tokens.count, let name = tokens[lookahead].kind.identifier {
            names.append(name)
            lookahead += 1
            if tokens[lookahead].kind.symbol == "," { lookahead += 1 } else { break }
        }
        guard lookahead + 1 < tokens.count, tokens[lookahead].kind.symbol == ")", tokens[lookahead + 1].kind.symbol == "=>" else { return nil }
        position = lookahead + 2
        skipNewlines()
        let body = try parseExpression(depth: depth + 1)
        return BicepExpression(kind: .lambda(parameters: names, body: body), span: span(from: start))
    }

    mutating func parseParenthesized(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        try expectSymbol("(", "")
        skipNewlines()
        let inner = try parseExpression(depth: depth + 1)
        skipNewlines()
        try expectSymbol(")", "to close the parenthesis")
        return inner
    }

    /// `(a, b)`: commas between arguments, new lines allowed around them.
    mutating func parseArguments(depth: Int) throws(BicepSyntaxError) -> [BicepExpression] {
        try expectSymbol("(", "")
        var arguments: [BicepExpression] = []
        skipNewlines()
        while !isSymbol(")") {
            arguments.append(try parseExpression(depth: depth + 1))
            skipNewlines()
            if isSymbol(",") {
                advance()
                skipNewlines()
            } else if !isSymbol(")") {
                throw failure("expected ',' or ')' in the arguments")
            }
        }
        advance()
        return arguments
    }

    /// Skips the separators between items: new lines and commas.
    mutating func skipSeparators() {
        while kind == .newline || isSymbol(",") { advance() }
    }

    mutating func parseArrayOrLoop(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        let start = position
        try expectSymbol("[", "")
        skipNewlines()
        if isKeyword("for") {
            advance()
            var item: String?
            var index: String?
            if isSymbol("(") {
                advance()
                item = try expectIdentifier("the loop's item variable")
                try expectSymbol(",", "between the loop's variables")
                index = try expectIdentifier("the loop's index variable")
                try expectSymbol(")", "after the loop's variables")
            } else {
                item = try expectIdentifier("the loop's item variable")
            }
            guard isKeyword("in") else { throw failure("expected 'in' in the for loop") }
            advance()
            let source = try parseExpression(depth: depth + 1)
            try expectSymbol(":", "after the loop's source")
            skipNewlines()
            var filter: BicepExpression?
            if isKeyword("if") {
                advance()
                filter = try parseParenthesized(depth: depth + 1)
                skipNewlines()
            }
            let body = try parseExpression(depth: depth + 1)
            skipNewlines()
            try expectSymbol("]", "to close the for loop")
            return BicepExpression(kind: .forLoop(BicepLoop(item: item, index: index, source: source, filter: filter, body: body)), span: span(from: start))
        }
        var items: [BicepArrayItem] = []
        while !isSymbol("]") {
            if isSymbol("...") {
                advance()
                items.append(.spread(try parseExpression(depth: depth + 1)))
            } else {
                items.append(.element(try parseExpression(depth: depth + 1)))
            }
            guard kind == .newline || isSymbol(",") || isSymbol("]") else { throw failure("expected ',', a new line or ']' after an array item") }
            skipSeparators()
        }
        advance()
        return BicepExpression(kind: .array(items), span: span(from: start))
    }

    mutating func parseObject(depth: Int) throws(BicepSyntaxError) -> BicepExpression {
        guard depth < BicepParser.maximumDepth else { throw failure("expression nested too deeply") }
        let start = position
        try expectSymbol("{", "to open an object")
        skipSeparators()
        var items: [BicepObjectItem] = []
        while !isSymbol("}") {
            if isSymbol("...") {
                advance()
                items.append(.spread(try parseExpression(depth: depth + 1)))
            } else if isSymbol("@") || (isKeyword("resource") && peek(1).identifier != nil) {
                let resourceStart = position
                _ = try parseDecorators()
                guard isKeyword("resource") else { throw failure("expected a nested resource after its decorators") }
                items.append(.resource(try parseResource(start: resourceStart)))
            } else {
                let keyStart = position
                let key: BicepExpression
                switch kind {
                case .identifier(let name):
                    advance()
                    key = BicepExpression(kind: .string(segments: [name], holes: []), span: span(from: keyStart))
                case .string:
                    key = try parsePrimary(depth: depth + 1)
                default:
                    throw failure("expected a property name")
                }
                let keySpan = span(from: keyStart)
                try expectSymbol(":", "after the property name")
                skipNewlines()
                items.append(.property(key: key, keySpan: keySpan, value: try parseExpression(depth: depth + 1)))
            }
            guard kind == .newline || isSymbol(",") || isSymbol("}") else { throw failure("expected ',', a new line or '}' after an object property") }
            skipSeparators()
        }
        advance()
        return BicepExpression(kind: .object(items), span: span(from: start))
    }
}
