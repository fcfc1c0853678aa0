/// Functions that take a `lambda`: `map`, `filter`, `reduce`, `sort`, `toObject`, `groupBy`,
/// `mapValues`. The lambda's body is evaluated once per element with its variables bound; each
/// evaluation is charged to the budget like any other, and the values built are charged first.
enum LambdaFunctions {
    static func call(_ name: String, _ arguments: [TemplateExpression], evaluator: ExpressionEvaluator) -> JSONNode {
        guard arguments.count >= 2 else { return evaluator.unresolved("\(name)() takes a collection and a lambda") }
        let collection = evaluator.evaluate(arguments[0])
        if collection.unresolvedValue != nil { return collection }
        let result = apply(name, to: collection, arguments, evaluator: evaluator)
        if evaluator.budget.isExhausted { return evaluator.exhausted(at: evaluator.site) }
        return collection.isSensitive ? result.markedSensitive() : result
    }

    private static func apply(_ name: String, to collection: JSONNode, _ arguments: [TemplateExpression], evaluator: ExpressionEvaluator) -> JSONNode {
        let budget = evaluator.budget
        let site = evaluator.site
        if name == "mapvalues" {
            guard let object = collection.object, let lambda = Lambda(arguments[1]) else { return evaluator.unresolved("mapValues() takes an object and a lambda") }
            guard budget.charge(values: object.members.count, at: site) else { return evaluator.exhausted(at: site) }
            return evaluator.value(.object(JSONObject(object.members.map { JSONMember(key: $0.key, value: lambda.apply([$0.value], evaluator)) })))
        }
        guard let elements = collection.array else { return evaluator.unresolved("\(name)() takes an array") }
        switch name {
        case "map":
            guard let lambda = Lambda(arguments[1]) else { return evaluator.unresolved("map() needs a lambda") }
            guard budget.charge(values: elements.count, at: site) else { return evaluator.exhausted(at: site) }
            return evaluator.value(.array(elements.enumerated().map { lambda.apply([$1, JSONNode(.number(Double($0)))], evaluator) }))
        case "filter":
            guard let lambda = Lambda(arguments[1]) else { return evaluator.unresolved("filter() needs a lambda") }
            guard budget.charge(values: elements.count, at: site) else { return evaluator.exhausted(at: site) }
            var kept: [JSONNode] = []
            for (index, element) in elements.enumerated() {
                let verdict = lambda.apply([element, JSONNode(.number(Double(index)))], evaluator)
                guard let keep = verdict.lenientBool else { return verdict.unresolvedValue != nil ? verdict : evaluator.unresolved("filter()'s lambda must return a boolean") }
                if keep { kept.append(element) }
            }
            return evaluator.value(.array(kept))
        case "reduce":
            guard arguments.count == 3, let lambda = Lambda(arguments[2]) else { return evaluator.unresolved("reduce() takes an array, an initial value and a lambda") }
            var accumulator = evaluator.evaluate(arguments[1])
            for (index, element) in elements.enumerated() {
                guard budget.charge(values: 1, at: site) else { return evaluator.exhausted(at: site) }
                accumulator = lambda.apply([accumulator, element, JSONNode(.number(Double(index)))], evaluator)
                guard budget.admitsNesting(of: accumulator, at: site) else { return evaluator.exhausted(at: site) }
            }
            return accumulator
        case "toobject":
            guard let keyLambda = Lambda(arguments[1]) else { return evaluator.unresolved("toObject() needs a lambda") }
            let valueLambda = arguments.count > 2 ? Lambda(arguments[2]) : nil
            guard budget.charge(values: elements.count, at: site) else { return evaluator.exhausted(at: site) }
            var members: [JSONMember] = []
            for element in elements {
                let key = keyLambda.apply([element], evaluator)
                guard let text = key.string else { return key.unresolvedValue != nil ? key : evaluator.unresolved("toObject() keys must be strings") }
                members.append(JSONMember(key: text, value: valueLambda?.apply([element], evaluator) ?? element))
            }
            return evaluator.value(.object(JSONObject(members)))
        default:
            return evaluator.unresolved("\(name)() is not evaluated offline")
        }
    }

    /// `lambda('a', 'b', body)`.
    struct Lambda {
        let parameters: [String]
        let body: TemplateExpression

        init?(_ expression: TemplateExpression) {
            guard case .call(let name, let arguments) = expression, name.equalsIgnoringASCIICase("lambda"), let body = arguments.last else { return nil }
            var names: [String] = []
            for argument in arguments.dropLast() {
                guard case .string(let parameter) = argument else { return nil }
                names.append(parameter.asciiLowercased())
            }
            parameters = names
            self.body = body
        }

        func apply(_ values: [JSONNode], _ evaluator: ExpressionEvaluator) -> JSONNode {
            var inner = evaluator
            for (name, value) in zip(parameters, values) { inner.lambdaBindings[name] = value }
            return inner.evaluate(body)
        }
    }
}
