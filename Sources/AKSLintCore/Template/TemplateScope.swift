/// The names an expression can refer to in one template: its parameters and variables.
///
/// Both are evaluated lazily and remembered, so a variable is computed once however often it is
/// used, and a cycle between variables is reported as unresolved instead of recursing forever.
/// A nested deployment with `scope: inner` gets its own scope; with `scope: outer` it shares its parent's.
final class TemplateScope {
    /// A parameter's definition and the value given for it, if any.
    struct ParameterDefinition {
        let name: String
        let definition: JSONNode
        let given: GivenValue?
        /// Whether the parameter's type is `securestring` or `secureObject`.
        var isSecure: Bool {
            guard let type = definition.object?["type"]?.string else { return false }
            return type.equalsIgnoringASCIICase("securestring") || type.equalsIgnoringASCIICase("secureObject")
        }
    }

    /// A value given from outside the template: a parameters file or a parent deployment.
    struct GivenValue {
        let value: JSONNode
        let source: ParameterSource
    }

    /// The files the template's values were read from (for the lines messages name).
    let sources: SourceSet
    /// The limits of the whole template's evaluation, shared with nested deployments' scopes.
    let budget: EvaluationBudget
    private var parameters: [String: ParameterDefinition] = [:]
    private var variables: [String: (name: String, node: JSONNode)] = [:]
    private var parameterCache: [String: JSONNode] = [:]
    private var variableCache: [String: JSONNode] = [:]
    private var inProgress: Set<String> = []
    /// Parameters that were used without a value but have allowed values, in the order first
    /// used: a template's verdict may be the same for every one of them.
    private(set) var unsetChoices: [AllowedValues] = []

    /// A scope for `template`, with values given for some parameters, evaluated within `budget`.
    init(template: JSONNode, sources: SourceSet, given: [String: GivenValue], budget: EvaluationBudget) {
        self.sources = sources
        self.budget = budget
        let folded = Dictionary(given.map { ($0.key.asciiLowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        for member in template.object?["parameters"]?.object?.members ?? [] {
            parameters[member.key.asciiLowercased()] = ParameterDefinition(name: member.key, definition: member.value, given: folded[member.key.asciiLowercased()])
        }
        for member in template.object?["variables"]?.object?.members ?? [] {
            variables[member.key.asciiLowercased()] = (member.key, member.value)
        }
    }

    /// Names of the given values that the template does not declare (likely typos in a parameters file).
    func undeclared(in given: [String: GivenValue]) -> [String] {
        given.keys.filter { parameters[$0.asciiLowercased()] == nil }.sorted()
    }

    /// The value of parameter `name`, evaluating its default with `evaluator` when needed.
    func parameter(_ name: String, evaluator: ExpressionEvaluator) -> JSONNode {
        let key = name.asciiLowercased()
        if let cached = parameterCache[key] { return cached }
        guard let definition = parameters[key] else {
            return evaluator.unresolved("the template declares no parameter '\(name)'")
        }
        let cycleKey = "parameter:" + key
        guard inProgress.insert(cycleKey).inserted else { return evaluator.unresolved("parameter '\(name)' refers to itself") }
        defer { inProgress.remove(cycleKey) }
        guard budget.enter(at: evaluator.site) else { return evaluator.exhausted(at: evaluator.site) }
        defer { budget.leave() }
        var value: JSONNode
        if let given = definition.given {
            value = given.value.withProvenance(.parameter(name: definition.name, source: given.source, isSecure: definition.isSecure))
        } else if let defaultValue = definition.definition.object?["defaultValue"] {
            let line = sources.position(of: Int(defaultValue.span.start), in: defaultValue.span.file).line
            let source = ParameterSource.defaultValue(line: line, file: sources.secondaryPath(of: defaultValue.span.file))
            value = evaluator.evaluateTree(defaultValue)
                .withProvenance(.parameter(name: definition.name, source: source, isSecure: definition.isSecure))
        } else if definition.definition.object?["nullable"].flatMap(\.bool) == true {
            value = JSONNode(.null, span: definition.definition.span, provenance: .parameter(name: definition.name, source: .nullable, isSecure: definition.isSecure))
        } else {
            value = JSONNode(
                .unresolved(UnresolvedExpression(expression: "", reason: "parameter '\(definition.name)' has no default value and no value was given (pass a parameters file with --parameters)")),
                span: definition.definition.span,
                provenance: .parameter(name: definition.name, source: .nullable, isSecure: definition.isSecure))
        }
        if definition.isSecure { value.isSensitive = true }
        if budget.isExhausted { return evaluator.exhausted(at: evaluator.site) }
        if let allowed = AllowedValues(parameter: definition.name, definition: definition.definition) {
            if value.unresolvedValue != nil, definition.given == nil {
                unsetChoices.append(allowed)
            } else if allowed.admits(value, meter: Meter(budget: budget, site: evaluator.site)) == false {
                let source = (value.provenance.flatMap { provenance -> String? in
                    if case .parameter(_, let source, _) = provenance { return source.phrase }
                    return nil
                }) ?? "given"
                let shown = definition.isSecure ? "a value" : ValueDescription.describe(value)
                budget.reject("parameter '\(definition.name)' is \(shown) (\(source)), which is not one of its allowedValues (\(allowed.listed)): Resource Manager rejects the deployment", at: allowed.span)
                return evaluator.exhausted(at: evaluator.site)
            }
        }
        parameterCache[key] = value
        return value
    }

    /// Evaluates every parameter that has allowed values, so a value outside its list is reported
    /// even when nothing uses the parameter (Resource Manager checks them all).
    func checkAllowedValues(evaluator: ExpressionEvaluator) {
        for definition in parameters.values.sorted(by: { $0.definition.span.start < $1.definition.span.start })
        where !budget.isExhausted && AllowedValues(parameter: definition.name, definition: definition.definition) != nil {
            _ = parameter(definition.name, evaluator: evaluator)
        }
    }

    /// The value of variable `name`, evaluated on first use.
    func variable(_ name: String, evaluator: ExpressionEvaluator) -> JSONNode {
        let key = name.asciiLowercased()
        if let cached = variableCache[key] { return cached }
        let cycleKey = "variable:" + key
        guard inProgress.insert(cycleKey).inserted else { return evaluator.unresolved("variable '\(name)' refers to itself") }
        defer { inProgress.remove(cycleKey) }
        guard budget.enter(at: evaluator.site) else { return evaluator.exhausted(at: evaluator.site) }
        defer { budget.leave() }
        let value: JSONNode
        if let definition = variables[key] {
            value = evaluator.evaluateTree(definition.node).withDeepProvenance(.variable(name: definition.name), budget: budget)
        } else if let loop = copyVariable(named: key, evaluator: evaluator) {
            value = loop
        } else {
            return evaluator.unresolved("the template declares no variable '\(name)'")
        }
        if budget.isExhausted { return evaluator.exhausted(at: evaluator.site) }
        variableCache[key] = value
        return value
    }

    /// A variable produced by a `copy` loop in the variables section.
    private func copyVariable(named key: String, evaluator: ExpressionEvaluator) -> JSONNode? {
        guard let loops = variables["copy"]?.node.array else { return nil }
        for loop in loops {
            guard let object = loop.object, let name = object["name"]?.string, name.asciiLowercased() == key else { continue }
            return evaluator.expandCopy(loop, loopName: name).withDeepProvenance(.variable(name: name), budget: budget)
        }
        return nil
    }
}

extension JSONNode {
    /// This node with a provenance, unless it already has one.
    func withProvenance(_ provenance: ValueProvenance) -> JSONNode {
        var copy = self
        if copy.provenance == nil { copy.provenance = provenance }
        return copy
    }

    /// This tree with `provenance` on its root and on every node inside that has none (spans kept):
    /// the parts of a variable that came from a parameter still say so. Each node copied is charged.
    func withDeepProvenance(_ provenance: ValueProvenance, budget: EvaluationBudget) -> JSONNode {
        var copy = filledProvenance(provenance, budget: budget)
        copy.provenance = provenance
        return copy
    }

    private func filledProvenance(_ provenance: ValueProvenance, budget: EvaluationBudget) -> JSONNode {
        let copy = withProvenance(provenance)
        switch value {
        case .array(let elements):
            guard budget.charge(values: elements.count, at: span) else { return copy }
            return copy.replacingValue(.array(elements.map { $0.filledProvenance(provenance, budget: budget) }))
        case .object(let object):
            guard budget.charge(values: object.members.count, at: span) else { return copy }
            return copy.replacingValue(.object(JSONObject(object.members.map {
                JSONMember(key: $0.key, keySpan: $0.keySpan, value: $0.value.filledProvenance(provenance, budget: budget))
            })))
        default:
            return copy
        }
    }

    /// The unresolved expression, if this node is one.
    package var unresolvedValue: UnresolvedExpression? {
        if case .unresolved(let unresolved) = value { return unresolved }
        return nil
    }

    /// The first unresolved node in this tree, depth first (following ``containsUnresolved``, so
    /// only the path to it is visited).
    var firstUnresolved: UnresolvedExpression? {
        guard containsUnresolved else { return nil }
        switch value {
        case .unresolved(let unresolved): return unresolved
        case .array(let elements): return elements.first(where: \.containsUnresolved)?.firstUnresolved
        case .object(let object): return object.members.first(where: \.value.containsUnresolved)?.value.firstUnresolved
        default: return nil
        }
    }

    /// This tree with every span replaced, and every node given `provenance` unless it has one
    /// (and marked sensitive when this node is): values from parameters are reported where the
    /// parameter is used. Each node copied is charged.
    func respanned(to span: SourceSpan, provenance: ValueProvenance?, budget: EvaluationBudget) -> JSONNode {
        respanned(to: span, provenance: provenance, sensitive: isSensitive, budget: budget)
    }

    private func respanned(to span: SourceSpan, provenance: ValueProvenance?, sensitive: Bool, budget: EvaluationBudget) -> JSONNode {
        var copy = self
        copy.span = span
        if copy.provenance == nil { copy.provenance = provenance }
        if sensitive { copy.isSensitive = true }
        switch value {
        case .array(let elements):
            guard budget.charge(values: elements.count, at: span) else { return copy }
            return copy.replacingValue(.array(elements.map { $0.respanned(to: span, provenance: provenance, sensitive: sensitive, budget: budget) }))
        case .object(let object):
            guard budget.charge(values: object.members.count, at: span) else { return copy }
            return copy.replacingValue(.object(JSONObject(object.members.map {
                JSONMember(key: $0.key, keySpan: span, value: $0.value.respanned(to: span, provenance: provenance, sensitive: sensitive, budget: budget))
            })))
        default:
            return copy
        }
    }
}
