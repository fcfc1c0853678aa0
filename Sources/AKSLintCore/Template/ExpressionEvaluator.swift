/// Evaluates ARM template expressions to values, tri-state: a value, or unresolved with a reason.
///
/// An unresolved input makes the result unresolved, except where the language lets the result not
/// depend on it: `if` whose branches are equal, `and`/`or` decided by another operand, `coalesce`
/// with an earlier non-null value. Functions that read the deployed world (`reference`, `list*`,
/// `utcNow`, `newGuid`) are always unresolved; deployment-scope names (`subscription()`,
/// `resourceGroup()`, `deployment()`) are deterministic placeholders such as `{subscriptionId}`, so
/// ids built from them can still be compared within one template.
///
/// Every step is charged to the template's ``EvaluationBudget`` first, so no template can make
/// the evaluation run away; once the budget is exhausted every result is unresolved.
struct ExpressionEvaluator {
    /// Parameters and variables.
    let scope: TemplateScope
    /// Enclosing copy loops, innermost last; a nil index means the loop's count is unknown.
    var copyLoops: [(name: String?, index: Int?)] = []
    /// Values bound by enclosing `lambda`s.
    var lambdaBindings: [String: JSONNode] = [:]
    /// The span of the template string being evaluated; computed values point there.
    var site: SourceSpan = .synthetic

    /// The limits of the whole template's evaluation (shared by every scope of the template).
    var budget: EvaluationBudget { scope.budget }

    /// Resource Manager's limit on the iterations of one copy loop.
    static let maximumCopyCount = 800

    // MARK: Trees and strings

    /// `node` with every template expression string in it evaluated. Objects with a property
    /// `copy` loop get the generated arrays.
    func evaluateTree(_ node: JSONNode) -> JSONNode {
        guard budget.charge(values: 1, steps: 1, at: node.span) else { return exhausted(at: node.span) }
        switch node.value {
        case .string(let text):
            return evaluateString(text, span: node.span)
        case .array(let elements):
            guard budget.enter(at: node.span) else { return exhausted(at: node.span) }
            defer { budget.leave() }
            return node.replacingValue(.array(elements.map(evaluateTree)))
        case .object(let object):
            guard budget.enter(at: node.span) else { return exhausted(at: node.span) }
            defer { budget.leave() }
            var members: [JSONMember] = []
            members.reserveCapacity(object.members.count)
            for member in object.members {
                if member.key.equalsIgnoringASCIICase("copy"), let loops = member.value.array, loops.allSatisfy({ $0.object?["input"] != nil }) {
                    for loop in loops {
                        guard let name = loop.object?["name"]?.string else { continue }
                        members.append(JSONMember(key: name, keySpan: loop.span, value: expandCopy(loop, loopName: name)))
                    }
                    continue
                }
                members.append(JSONMember(key: member.key, keySpan: member.keySpan, value: evaluateTree(member.value)))
            }
            return node.replacingValue(.object(JSONObject(members)))
        default:
            return node
        }
    }

    /// The value of a template string: the string itself, or its expression's value.
    func evaluateString(_ text: String, span: SourceSpan) -> JSONNode {
        switch TemplateString.classify(text) {
        case .literal(let literal):
            return JSONNode(.string(literal), span: span)
        case .malformed(let reason):
            return JSONNode(.unresolved(UnresolvedExpression(expression: text, reason: "the expression does not parse: \(reason)")), span: span)
        case .expression(let expression):
            var evaluator = self
            evaluator.site = span
            let result = evaluator.evaluate(expression)
            let provenance: ValueProvenance? = Self.isPlainReference(expression) ? nil : .expression(text)
            return result.labelled(expression: text, provenance: provenance, budget: budget)
        }
    }

    /// A `copy` entry `{name, count, input}` expanded into the array it generates.
    func expandCopy(_ loop: JSONNode, loopName: String) -> JSONNode {
        guard let object = loop.object, let input = object["input"] else { return unresolved("copy '\(loopName)' has no input") }
        let countNode = object["count"] ?? JSONNode(.number(0), span: loop.span)
        let count: Int
        switch copyCount(evaluateTree(countNode), loop: "copy '\(loopName)'", at: countNode.span) {
        case .count(let value): count = value
        case .unknown(let node): return JSONNode(node.value, span: loop.span)
        }
        guard budget.charge(values: count, at: loop.span) else { return exhausted(at: loop.span) }
        var elements: [JSONNode] = []
        elements.reserveCapacity(count)
        for index in 0..<count {
            var inner = self
            inner.copyLoops.append((loopName, index))
            elements.append(inner.evaluateTree(input))
        }
        return JSONNode(.array(elements), span: loop.span)
    }

    /// What a copy loop's evaluated `count` says.
    enum CopyCount {
        /// A whole number of iterations within Resource Manager's limit.
        case count(Int)
        /// Not known offline (or not a number): the unresolved node to report.
        case unknown(JSONNode)
    }

    /// Reads a copy loop's count. A number outside 0...800 (or not whole) is what Resource Manager
    /// rejects, so it stops the evaluation as an error rather than being clamped.
    func copyCount(_ count: JSONNode, loop: String, at site: SourceSpan) -> CopyCount {
        if count.unresolvedValue != nil { return .unknown(count) }
        guard case .number(let number) = count.value else {
            return .unknown(JSONNode(.unresolved(UnresolvedExpression(expression: "", reason: "the count of \(loop) is \(count.value.kindDescription), not a number")), span: site))
        }
        guard let whole = TemplateValues.integer(count.value), (0...Self.maximumCopyCount).contains(whole) else {
            budget.reject("the count of \(loop) is \(ValueDescription.format(number)): Resource Manager rejects a copy count that is not a whole number from 0 to \(Self.maximumCopyCount)", at: site)
            return .unknown(exhausted(at: site))
        }
        return .count(whole)
    }

    private static func isPlainReference(_ expression: TemplateExpression) -> Bool {
        if case .call(let name, let arguments) = expression, arguments.count == 1, case .string = arguments[0] {
            return name.equalsIgnoringASCIICase("parameters") || name.equalsIgnoringASCIICase("variables")
        }
        return false
    }

    // MARK: Expressions

    /// The value of an expression.
    func evaluate(_ expression: TemplateExpression) -> JSONNode {
        guard budget.charge(steps: 1, at: site), budget.enter(at: site) else { return exhausted(at: site) }
        defer { budget.leave() }
        switch expression {
        case .string(let text):
            guard budget.charge(values: 1, stringBytes: text.utf8.count, at: site) else { return exhausted(at: site) }
            return value(.string(text))
        case .integer(let number):
            return value(.number(Double(number)))
        case .property(let base, let name):
            return member(of: evaluate(base), named: name)
        case .index(let base, let subscriptExpression):
            return element(of: evaluate(base), at: evaluate(subscriptExpression))
        case .call(let name, let arguments):
            return call(name, arguments)
        }
    }

    private func call(_ name: String, _ arguments: [TemplateExpression]) -> JSONNode {
        let lowered = name.asciiLowercased()
        if let special = specialForm(lowered, name: name, arguments) { return admitted(special) }
        let values = arguments.map(evaluate)
        if budget.isExhausted { return exhausted(at: site) }
        if let blocked = values.first(where: { $0.unresolvedValue != nil }), !TemplateFunctions.acceptsUnresolvedArguments(lowered) {
            return blocked
        }
        let sensitive = values.contains(where: \.isSensitive)
        let result: JSONNode
        switch TemplateFunctions.call(lowered, values, meter: Meter(budget: budget, site: site)) {
        case .value(let computed): result = value(computed)
        case .node(let node): result = node
        case .unresolved(let reason): result = unresolved(reason)
        case .unknown: result = unresolved("the function '\(name)' is not evaluated offline")
        }
        if budget.isExhausted { return exhausted(at: site) }
        return admitted(sensitive ? result.markedSensitive() : result)
    }

    /// The result, unless it nests deeper than any value may.
    private func admitted(_ result: JSONNode) -> JSONNode {
        budget.admitsNesting(of: result, at: site) ? result : exhausted(at: site)
    }

    /// Functions that need their arguments unevaluated, or the evaluator's state.
    private func specialForm(_ lowered: String, name: String, _ arguments: [TemplateExpression]) -> JSONNode? {
        switch lowered {
        case "parameters", "variables":
            guard arguments.count == 1 else { return unresolved("\(name)() takes one argument") }
            let argument = evaluate(arguments[0])
            guard let key = argument.string else { return argument.unresolvedValue != nil ? argument : unresolved("\(name)() needs a string") }
            if lowered == "variables" { return scope.variable(key, evaluator: self) }
            let parameter = scope.parameter(key, evaluator: self)
            return parameter.respanned(to: site, provenance: parameter.provenance, budget: budget)
        case "if":
            guard arguments.count == 3 else { return unresolved("if() takes three arguments") }
            let condition = evaluate(arguments[0])
            if let flag = condition.lenientBool { return evaluate(arguments[flag ? 1 : 2]) }
            let whenTrue = evaluate(arguments[1]), whenFalse = evaluate(arguments[2])
            if !whenTrue.containsUnresolved, TemplateValues.equal(whenTrue.value, whenFalse.value, meter: Meter(budget: budget, site: site)) == true { return whenTrue }
            return condition.unresolvedValue != nil ? condition : unresolved("if() needs a boolean condition")
        case "and", "or":
            let decisive = lowered == "or"
            var pending: JSONNode?
            for argument in arguments {
                let operand = evaluate(argument)
                if let flag = operand.lenientBool {
                    if flag == decisive { return value(.bool(decisive)) }
                } else {
                    pending = pending ?? (operand.unresolvedValue != nil ? operand : unresolved("\(name)() needs booleans"))
                }
            }
            return pending ?? value(.bool(!decisive))
        case "coalesce":
            for argument in arguments {
                let operand = evaluate(argument)
                if operand.unresolvedValue != nil { return operand }
                if !operand.isNull { return operand }
            }
            return value(.null)
        case "copyindex":
            return copyIndex(arguments)
        case "lambdavariables":
            guard arguments.count == 1, case .string(let variable) = arguments[0] else { return unresolved("lambdaVariables() needs a name") }
            return lambdaBindings[variable.asciiLowercased()] ?? unresolved("no lambda variable '\(variable)'")
        case "map", "filter", "reduce", "sort", "toobject", "groupby", "mapvalues":
            return LambdaFunctions.call(lowered, arguments, evaluator: self)
        case "lambda":
            return unresolved("lambda() outside a function that takes one")
        default:
            return nil
        }
    }

    private func copyIndex(_ arguments: [TemplateExpression]) -> JSONNode {
        var loopName: String?
        var offset = 0
        for argument in arguments {
            let evaluated = evaluate(argument)
            switch evaluated.value {
            case .string(let name): loopName = name
            case .number:
                guard let whole = TemplateValues.integer(evaluated.value) else { return unresolved("copyIndex() needs a whole-number offset") }
                offset = whole
            case .unresolved: return evaluated
            default: return unresolved("copyIndex() takes a loop name and an offset")
            }
        }
        let loop = loopName.map { name in copyLoops.last { $0.name?.equalsIgnoringASCIICase(name) == true } } ?? copyLoops.last
        guard let loop else { return unresolved("copyIndex() outside a copy loop") }
        guard let index = loop.index else { return unresolved("the copy loop's count is not known offline") }
        // `offset` is below 2^53 (TemplateValues.integer) and `index` below 800: the sum cannot overflow.
        return value(.number(Double(index + offset)))
    }

    // MARK: Accessors

    func member(of base: JSONNode, named name: String) -> JSONNode {
        switch base.value {
        case .unresolved: return base
        case .object(let object):
            guard let found = object[name] else { return unresolved("the object has no property '\(name)'") }
            return base.isSensitive ? found.markedSensitive() : found
        default:
            return unresolved("'.\(name)' on \(base.value.kindDescription)")
        }
    }

    func element(of base: JSONNode, at subscriptNode: JSONNode) -> JSONNode {
        if base.unresolvedValue != nil { return base }
        if subscriptNode.unresolvedValue != nil { return subscriptNode }
        switch (base.value, subscriptNode.value) {
        case (.array(let elements), .number):
            guard let index = TemplateValues.integer(subscriptNode.value) else { return unresolved("an array index must be a whole number") }
            guard index >= 0, index < elements.count else { return unresolved("index \(index) is outside the array of \(elements.count)") }
            return base.isSensitive ? elements[index].markedSensitive() : elements[index]
        case (.object, .string(let key)):
            return member(of: base, named: key)
        default:
            return unresolved("cannot index \(base.value.kindDescription) with \(subscriptNode.value.kindDescription)")
        }
    }

    // MARK: Results

    /// A computed value, located at the expression.
    func value(_ value: JSONValue) -> JSONNode {
        JSONNode(value, span: site)
    }

    /// An unresolved result with a reason; the expression text is filled in by ``evaluateString(_:span:)``.
    func unresolved(_ reason: String) -> JSONNode {
        JSONNode(.unresolved(UnresolvedExpression(expression: "", reason: reason)), span: site)
    }

    /// The result of any evaluation after the budget ran out (the template becomes an input error).
    func exhausted(at span: SourceSpan) -> JSONNode {
        JSONNode(.unresolved(UnresolvedExpression(expression: "", reason: "the template's evaluation was stopped")), span: span)
    }
}

extension JSONNode {
    /// The result of a whole template string: unresolved parts named after the string, and the
    /// provenance set when the value was computed rather than referenced.
    func labelled(expression text: String, provenance: ValueProvenance?, budget: EvaluationBudget) -> JSONNode {
        var copy = self
        if let provenance, copy.provenance == nil { copy.provenance = provenance }
        guard containsUnresolved else { return copy }
        switch value {
        case .unresolved(var unresolved) where unresolved.expression.isEmpty:
            unresolved.expression = text
            return copy.replacingValue(.unresolved(unresolved))
        case .array(let elements):
            guard budget.charge(values: elements.count, at: span) else { return copy }
            return copy.replacingValue(.array(elements.map { $0.labelled(expression: text, provenance: nil, budget: budget) }))
        case .object(let object):
            guard budget.charge(values: object.members.count, at: span) else { return copy }
            return copy.replacingValue(.object(JSONObject(object.members.map {
                JSONMember(key: $0.key, keySpan: $0.keySpan, value: $0.value.labelled(expression: text, provenance: nil, budget: budget))
            })))
        default:
            return copy
        }
    }

    /// This node marked as a secret.
    func markedSensitive() -> JSONNode {
        var copy = self
        copy.isSensitive = true
        return copy
    }
}

extension JSONNode {
    /// The boolean as a resource `condition` and the logical functions accept it: a boolean, or
    /// the string "true" or "false" in any case.
    var lenientBool: Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where text.equalsIgnoringASCIICase("true"): return true
        case .string(let text) where text.equalsIgnoringASCIICase("false"): return false
        default: return nil
        }
    }
}
