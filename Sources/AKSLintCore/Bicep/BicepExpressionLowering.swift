/// What a name means in the Bicep file being lowered.
struct BicepSymbols {
    /// A resource declaration, as expressions about it need it.
    struct Resource {
        /// The full resource type (`Microsoft.ContainerService/managedClusters/agentPools`).
        let type: String
        let apiVersion: String?
        /// The name as written in the body (relative to the parent for a child).
        let name: BicepExpression?
        /// The parent's symbol, for a nested child or a `parent:` property.
        let parent: String?
        let loop: BicepLoop?
    }

    var parameters: Set<String> = []
    var variables: Set<String> = []
    var resources: [String: Resource] = [:]
    /// Modules, with the name their deployment gets.
    var modules: [String: BicepExpression?] = [:]
    var functions: [String: BicepFunction] = [:]
}

/// Lowers Bicep expressions onto the ARM template expressions the evaluator already knows, as
/// the Bicep compiler does (`ExpressionConverter.cs`): `c ? a : b` → `if(c, a, b)`, `a ?? b` →
/// `coalesce(a, b)`, `x.?p` → `tryGet(x, 'p')`, `'a${x}'` → `format('a{0}', x)`, a resource's
/// `.id` → `resourceId(...)`, its runtime properties and module outputs → `reference(...)`
/// (unresolved offline), loops → `map(...)` with a lambda.
struct BicepExpressionLowering {
    let symbols: BicepSymbols
    /// Reads files for `loadTextContent` and `loadJsonContent`, relative to the file being lowered.
    let loadText: (String) -> Result<String, BicepLoweringProblem>
    /// Names bound by enclosing loops, lambdas and user-defined function calls.
    var bindings: [String: TemplateExpression] = [:]
    /// How deeply user-defined functions are being expanded.
    var expansionDepth = 0

    /// An expression that evaluates to unresolved, with `reason`.
    static func unresolved(_ reason: String) -> TemplateExpression {
        .call(name: "akslint.unresolved", arguments: [.string(reason)])
    }

    func lower(_ expression: BicepExpression) -> TemplateExpression {
        switch expression.kind {
        case .string(let segments, let holes):
            guard !holes.isEmpty else { return .string(segments.joined()) }
            var format = ""
            for (position, segment) in segments.enumerated() {
                format += segment.replacingBraces()
                if position < holes.count { format += "{\(position)}" }
            }
            return .call(name: "format", arguments: [.string(format)] + holes.map(lower))
        case .integer(let value):
            return .integer(value)
        case .bool(let flag):
            return .call(name: flag ? "true" : "false", arguments: [])
        case .null:
            return .call(name: "null", arguments: [])
        case .identifier(let name):
            return lowerName(name)
        case .array(let items):
            if items.contains(where: { if case .spread = $0 { return true } else { return false } }) {
                let parts = items.map { item -> TemplateExpression in
                    switch item {
                    case .element(let element): return .call(name: "createArray", arguments: [lower(element)])
                    case .spread(let spread): return lower(spread)
                    }
                }
                return .call(name: "flatten", arguments: [.call(name: "createArray", arguments: parts)])
            }
            return .call(name: "createArray", arguments: items.compactMap { if case .element(let element) = $0 { return lower(element) } else { return nil } })
        case .object(let items):
            return lowerObject(items)
        case .call(_, let name, let arguments):
            return lowerCall(name, arguments)
        case .member(let base, let name, let isSafe):
            if !isSafe, let reference = lowerResourceMember(base, name) { return reference }
            return isSafe ? .call(name: "tryGet", arguments: [lower(base), .string(name)]) : .property(lower(base), name)
        case .method(let base, let name, let arguments):
            // `vault.getSecret('x')`, `account.listKeys()`: the deployed resource's, at deployment.
            return .call(name: name, arguments: [.string(describe(base))] + arguments.map(lower))
        case .index(let base, let index, let isSafe, let fromEnd):
            let function = fromEnd ? (isSafe ? "tryIndexFromEnd" : "indexFromEnd") : "tryGet"
            if fromEnd || isSafe { return .call(name: function, arguments: [lower(base), lower(index)]) }
            return .index(lower(base), lower(index))
        case .child(let base, let name):
            return lowerName(describe(base) + "::" + name)
        case .nonNull(let inner):
            return lower(inner)
        case .unary(let symbol, let operand):
            switch symbol {
            case "!": return .call(name: "not", arguments: [lower(operand)])
            case "-":
                if case .integer(let value) = operand.kind { return .integer(-value) }
                return .call(name: "sub", arguments: [.integer(0), lower(operand)])
            default: return lower(operand)
            }
        case .binary(let symbol, let left, let right):
            return lowerBinary(symbol, lower(left), lower(right))
        case .ternary(let condition, let whenTrue, let whenFalse):
            return .call(name: "if", arguments: [lower(condition), lower(whenTrue), lower(whenFalse)])
        case .lambda(let parameters, let body):
            var inner = self
            for parameter in parameters { inner.bindings[parameter] = .call(name: "lambdaVariables", arguments: [.string(parameter)]) }
            return .call(name: "lambda", arguments: parameters.map { .string($0) } + [inner.lower(body)])
        case .forLoop(let loop):
            return lowerLoop(loop)
        }
    }

    private func lowerBinary(_ symbol: String, _ left: TemplateExpression, _ right: TemplateExpression) -> TemplateExpression {
        switch symbol {
        case "??": return .call(name: "coalesce", arguments: [left, right])
        case "||": return .call(name: "or", arguments: [left, right])
        case "&&": return .call(name: "and", arguments: [left, right])
        case "==": return .call(name: "equals", arguments: [left, right])
        case "!=": return .call(name: "not", arguments: [.call(name: "equals", arguments: [left, right])])
        case "=~": return .call(name: "equals", arguments: [.call(name: "toLower", arguments: [left]), .call(name: "toLower", arguments: [right])])
        case "!~": return .call(name: "not", arguments: [.call(name: "equals", arguments: [.call(name: "toLower", arguments: [left]), .call(name: "toLower", arguments: [right])])])
        case "<": return .call(name: "less", arguments: [left, right])
        case "<=": return .call(name: "lessOrEquals", arguments: [left, right])
        case ">": return .call(name: "greater", arguments: [left, right])
        case ">=": return .call(name: "greaterOrEquals", arguments: [left, right])
        case "+": return .call(name: "add", arguments: [left, right])
        case "-": return .call(name: "sub", arguments: [left, right])
        case "*": return .call(name: "mul", arguments: [left, right])
        case "/": return .call(name: "div", arguments: [left, right])
        default: return .call(name: "mod", arguments: [left, right])
        }
    }

    private func lowerObject(_ items: [BicepObjectItem]) -> TemplateExpression {
        var parts: [TemplateExpression] = []
        var members: [TemplateExpression] = []
        for item in items {
            switch item {
            case .property(let key, _, let value):
                members += [lower(key), lower(value)]
            case .spread(let spread):
                if !members.isEmpty { parts.append(.call(name: "createObject", arguments: members)) }
                members = []
                parts.append(lower(spread))
            case .resource:
                continue
            }
        }
        if parts.isEmpty { return .call(name: "createObject", arguments: members) }
        if !members.isEmpty { parts.append(.call(name: "createObject", arguments: members)) }
        return .call(name: "shallowMerge", arguments: [.call(name: "createArray", arguments: parts)])
    }

    /// `[for x in xs: body]` → `map(xs, lambda('x', body))`; with an index, the lambda's second
    /// variable; with a filter, `filter` first.
    private func lowerLoop(_ loop: BicepLoop) -> TemplateExpression {
        let item = loop.item ?? "__item"
        let index = loop.index ?? "__index"
        var inner = self
        inner.bindings[item] = .call(name: "lambdaVariables", arguments: [.string(item)])
        inner.bindings[index] = .call(name: "lambdaVariables", arguments: [.string(index)])
        var source = lower(loop.source)
        if let filter = loop.filter {
            source = .call(name: "filter", arguments: [source, .call(name: "lambda", arguments: [.string(item), .string(index), inner.lower(filter)])])
        }
        return .call(name: "map", arguments: [source, .call(name: "lambda", arguments: [.string(item), .string(index), inner.lower(loop.body)])])
    }

    /// A name: a bound variable, a parameter, a variable, a resource (its id) or a module.
    private func lowerName(_ name: String) -> TemplateExpression {
        if let bound = bindings[name] { return bound }
        if symbols.parameters.contains(name) { return .call(name: "parameters", arguments: [.string(name)]) }
        if symbols.variables.contains(name) { return .call(name: "variables", arguments: [.string(name)]) }
        if symbols.resources[name] != nil { return resourceID(name) ?? Self.unresolved("the id of resource '\(name)'") }
        if symbols.modules[name] != nil { return .call(name: "reference", arguments: [.string(name)]) }
        return Self.unresolved("'\(name)' is not declared in this file (an imported or unknown symbol)")
    }

    /// `symbol.id`, `.name`, `.type`, `.apiVersion` of a resource, `.name` and `.outputs` of a
    /// module; other properties of a resource are its runtime state (`reference()`).
    private func lowerResourceMember(_ base: BicepExpression, _ member: String) -> TemplateExpression? {
        var symbol: String?
        var instance: BicepExpression?
        switch base.kind {
        case .identifier(let name) where bindings[name] == nil: symbol = name
        case .child(let parent, let child): symbol = describe(parent) + "::" + child
        case .index(let indexed, let index, false, false):
            if case .identifier(let name) = indexed.kind, bindings[name] == nil { symbol = name; instance = index }
        default: break
        }
        guard let symbol else { return nil }
        if let resource = symbols.resources[symbol] {
            switch member {
            case "id": return resourceID(symbol, instance: instance)
            case "name": return resourceName(symbol, instance: instance)
            case "type": return .string(resource.type)
            case "apiVersion": return resource.apiVersion.map { .string($0) }
            default: return .property(.call(name: "reference", arguments: [.string(symbol)]), member)
            }
        }
        if let moduleName = symbols.modules[symbol] {
            if member == "name", let moduleName { return lower(moduleName) }
            return .property(.call(name: "reference", arguments: [.string(symbol)]), member)
        }
        return nil
    }

    /// The lowering for one instance of a looped resource: its loop variables bound to `instance`.
    private func binding(_ loop: BicepLoop?, instance: BicepExpression?) -> BicepExpressionLowering {
        guard let loop else { return self }
        var inner = self
        let index = instance.map(lower) ?? Self.unresolved("which instance of the loop is meant")
        if let item = loop.item { inner.bindings[item] = .index(lower(loop.source), index) }
        if let name = loop.index { inner.bindings[name] = index }
        return inner
    }

    /// The full name of a resource (`parent/child` for a child).
    func resourceName(_ symbol: String, instance: BicepExpression? = nil) -> TemplateExpression? {
        guard let resource = symbols.resources[symbol], let name = resource.name else { return nil }
        let own = binding(resource.loop, instance: instance).lower(name)
        guard let parent = resource.parent else { return own }
        guard let parentName = resourceName(parent) else { return nil }
        return .call(name: "format", arguments: [.string("{0}/{1}"), parentName, own])
    }

    /// `resourceId('Type', name segments...)` of a resource.
    func resourceID(_ symbol: String, instance: BicepExpression? = nil) -> TemplateExpression? {
        guard let resource = symbols.resources[symbol] else { return nil }
        var segments: [TemplateExpression] = []
        var current: String? = symbol
        var currentInstance = instance
        while let name = current, let declared = symbols.resources[name], let written = declared.name {
            segments.insert(binding(declared.loop, instance: currentInstance).lower(written), at: 0)
            current = declared.parent
            currentInstance = nil
        }
        return .call(name: "resourceId", arguments: [.string(resource.type)] + segments)
    }

    private func lowerCall(_ name: String, _ arguments: [BicepExpression]) -> TemplateExpression {
        switch name {
        case "any":
            return arguments.first.map(lower) ?? Self.unresolved("any() needs a value")
        case "loadTextContent", "loadJsonContent":
            guard let first = arguments.first, case .string(let segments, let holes) = first.kind, holes.isEmpty else {
                return Self.unresolved("\(name)() needs a literal path")
            }
            switch loadText(segments.joined()) {
            case .success(let text):
                if name == "loadTextContent" { return .string(text) }
                guard arguments.count == 1 else { return Self.unresolved("loadJsonContent() with a JSON path is not evaluated offline") }
                return .call(name: "json", arguments: [.string(text)])
            case .failure(let problem):
                return Self.unresolved("\(name)('\(segments.joined())'): \(problem.message)")
            }
        case "loadYamlContent", "loadFileAsBase64", "loadDirectoryFileInfo":
            return Self.unresolved("\(name)() is not evaluated offline")
        default:
            break
        }
        if let function = symbols.functions[name], expansionDepth < 16 {
            var inner = self
            inner.expansionDepth += 1
            for (parameter, argument) in zip(function.parameters, arguments) { inner.bindings[parameter] = lower(argument) }
            return inner.lower(function.body)
        }
        return .call(name: name, arguments: arguments.map(lower))
    }

    /// The source-like text of a symbol reference, for messages and child symbols.
    func describe(_ expression: BicepExpression) -> String {
        switch expression.kind {
        case .identifier(let name): return name
        case .child(let base, let name): return describe(base) + "::" + name
        case .member(let base, let name, _): return describe(base) + "." + name
        default: return "the value"
        }
    }
}

/// Why a file a Bicep file refers to could not be used.
struct BicepLoweringProblem: Error, Sendable {
    let message: String
}

extension String {
    /// The text with `{` and `}` doubled, as `format()` reads them literally.
    fileprivate func replacingBraces() -> String {
        guard contains("{") || contains("}") else { return self }
        var output = ""
        for character in self {
            output.append(character)
            if character == "{" || character == "}" { output.append(character) }
        }
        return output
    }
}
