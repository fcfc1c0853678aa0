/// A module's template as its caller's lowering needs it: the lowered (or compiled) template, or
/// why it cannot be had offline.
enum BicepModuleTemplate {
    case template(JSONNode)
    case unavailable(String)
}

/// Lowers a parsed Bicep file onto the ARM template the template adapter already evaluates
/// (`languageVersion 2.0`: symbolic resources, `condition`, `copy`, inner-scope nested deployments
/// for modules), as the Bicep compiler emits it. Every node keeps the span of the Bicep text it
/// came from, so findings point at `.bicep` lines.
struct BicepLowering {
    let file: BicepFile
    let fileID: SourceFileID
    /// The file's text (names that cannot be evaluated are shown as written in it).
    let text: [UInt8]
    /// The template of a module call (resolved relative to this file by the caller).
    let moduleTemplate: (BicepModule) -> BicepModuleTemplate
    /// Reads a file for `loadTextContent`, relative to this file.
    let loadText: (String) -> Result<String, BicepLoweringProblem>
    private(set) var warnings: [InputWarning] = []

    init(
        file: BicepFile, fileID: SourceFileID, text: [UInt8],
        moduleTemplate: @escaping (BicepModule) -> BicepModuleTemplate, loadText: @escaping (String) -> Result<String, BicepLoweringProblem>
    ) {
        self.file = file
        self.fileID = fileID
        self.text = text
        self.moduleTemplate = moduleTemplate
        self.loadText = loadText
    }

    /// The template, with the suppression comments written into the resources they precede.
    mutating func lower() -> JSONNode {
        let resources = Self.resources(of: file.statements)
        let symbols = Self.symbols(of: file.statements, resources: resources)
        let expressions = BicepExpressionLowering(symbols: symbols, loadText: loadText)
        let suppressions = BicepSuppressionComments(comments: file.comments)
        var parameters: [JSONMember] = []
        var variables: [JSONMember] = []
        var lowered: [JSONMember] = []
        for statement in file.statements {
            switch statement {
            case .parameter(let parameter):
                parameters.append(JSONMember(key: parameter.name, value: lowerParameter(parameter, expressions)))
            case .variable(let name, let value, _):
                variables.append(JSONMember(key: name, value: lowerValue(value, expressions)))
            case .module(let module):
                if let node = lowerModule(module, expressions) { lowered.append(JSONMember(key: module.symbol, value: node)) }
            case .resource(let resource):
                // The resource, then its nested children (flattened), in declaration order.
                for (symbol, declared) in resources where symbol == resource.symbol || symbol.hasPrefix(resource.symbol + "::") {
                    lowered.append(JSONMember(key: symbol, value: lowerResource(symbol, declared, symbols, expressions, suppressions)))
                }
            default:
                continue
            }
        }
        return node(.object(JSONObject([
            JSONMember(key: "$schema", value: node(.string("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"))),
            JSONMember(key: "languageVersion", value: node(.string("2.0"))),
            JSONMember(key: "contentVersion", value: node(.string("1.0.0.0"))),
            JSONMember(key: "parameters", value: node(.object(JSONObject(parameters)))),
            JSONMember(key: "variables", value: node(.object(JSONObject(variables)))),
            JSONMember(key: "resources", value: node(.object(JSONObject(lowered)))),
        ])))
    }

    /// A node spanning the whole file (for the template's own structure).
    private func node(_ value: JSONValue) -> JSONNode {
        JSONNode(value, span: SourceSpan(start: 0, end: text.count, file: fileID))
    }

    // MARK: Symbols

    /// A resource declaration and, for a nested child, the symbol of its parent.
    struct DeclaredResource {
        let resource: BicepResource
        let parent: String?
    }

    /// Every resource, nested children flattened (named `parent::child`), in declaration order.
    static func resources(of statements: [BicepStatement]) -> [(String, DeclaredResource)] {
        var found: [(String, DeclaredResource)] = []
        func visit(_ resource: BicepResource, symbol: String, parent: String?) {
            found.append((symbol, DeclaredResource(resource: resource, parent: parent)))
            guard case .object(let items) = resource.value.body.kind else { return }
            for case .resource(let child) in items { visit(child, symbol: symbol + "::" + child.symbol, parent: symbol) }
        }
        for case .resource(let resource) in statements { visit(resource, symbol: resource.symbol, parent: nil) }
        return found
    }

    static func symbols(of statements: [BicepStatement], resources: [(String, DeclaredResource)]) -> BicepSymbols {
        var symbols = BicepSymbols()
        for statement in statements {
            switch statement {
            case .parameter(let parameter): symbols.parameters.insert(parameter.name)
            case .variable(let name, _, _): symbols.variables.insert(name)
            case .module(let module): symbols.modules[module.symbol] = property("name", of: module.value.body)
            case .function(let function): symbols.functions[function.name] = function
            default: break
            }
        }
        var types: [String: String] = [:]
        for (symbol, declared) in resources {
            let (written, apiVersion) = ResourceType.typeAndVersion(declared.resource.typeReference)
            var parent = declared.parent
            if parent == nil, let explicit = property("parent", of: declared.resource.value.body), case .identifier(let name) = explicit.kind { parent = name }
            if parent == nil, let explicit = property("parent", of: declared.resource.value.body), case .child(let base, let child) = explicit.kind, case .identifier(let name) = base.kind {
                parent = name + "::" + child
            }
            var type = written
            if let parent, let parentType = types[parent], !(written.split(separator: "/").first?.contains(".") ?? false) { type = parentType + "/" + written }
            types[symbol] = type
            symbols.resources[symbol] = BicepSymbols.Resource(
                type: type, apiVersion: apiVersion, name: property("name", of: declared.resource.value.body), parent: parent, loop: declared.resource.value.loop)
        }
        return symbols
    }

    /// The value of property `key` of an object expression.
    static func property(_ key: String, of body: BicepExpression) -> BicepExpression? {
        guard case .object(let items) = body.kind else { return nil }
        for case .property(let name, _, let value) in items {
            if case .string(let segments, let holes) = name.kind, holes.isEmpty, segments.joined() == key { return value }
        }
        return nil
    }

    // MARK: Values

    /// A value where JSON may stand: literals, objects and arrays stay JSON (each member with its
    /// own span); anything else becomes an expression string `"[...]"` spanning its Bicep text.
    func lowerValue(_ expression: BicepExpression, _ expressions: BicepExpressionLowering) -> JSONNode {
        switch expression.kind {
        case .string(let segments, let holes) where holes.isEmpty:
            let text = segments.joined()
            return JSONNode(.string(text.hasPrefix("[") ? "[" + text : text), span: expression.span)
        case .integer(let value):
            return JSONNode(.number(Double(value)), span: expression.span)
        case .bool(let flag):
            return JSONNode(.bool(flag), span: expression.span)
        case .null:
            return JSONNode(.null, span: expression.span)
        case .object(let items) where items.allSatisfy(\.isLiteralProperty):
            var members: [JSONMember] = []
            for case .property(let key, let keySpan, let value) in items {
                if case .string(let segments, _) = key.kind { members.append(JSONMember(key: segments.joined(), keySpan: keySpan, value: lowerValue(value, expressions))) }
            }
            return JSONNode(.object(JSONObject(members)), span: expression.span)
        case .array(let items) where items.allSatisfy(\.isElement):
            let elements = items.compactMap { item -> JSONNode? in
                if case .element(let element) = item { return lowerValue(element, expressions) }
                return nil
            }
            return JSONNode(.array(elements), span: expression.span)
        default:
            return JSONNode(.string("[" + expressions.lower(expression).text + "]"), span: expression.span)
        }
    }

    private func lowerParameter(_ parameter: BicepParameter, _ expressions: BicepExpressionLowering) -> JSONNode {
        let isSecure = parameter.decorators.contains { $0.name == "secure" }
        var type = parameter.primitiveType.flatMap { ["string", "int", "bool", "object", "array"].contains($0) ? $0 : nil } ?? "object"
        if isSecure { type = type == "object" ? "secureObject" : "securestring" }
        var members = [JSONMember(key: "type", value: JSONNode(.string(type), span: parameter.span))]
        if let defaultValue = parameter.defaultValue {
            members.append(JSONMember(key: "defaultValue", value: lowerValue(defaultValue, expressions)))
        }
        if let allowed = parameter.decorators.first(where: { $0.name == "allowed" })?.arguments.first {
            members.append(JSONMember(key: "allowedValues", value: lowerValue(allowed, expressions)))
        }
        if parameter.isNullable {
            members.append(JSONMember(key: "nullable", value: JSONNode(.bool(true), span: parameter.span)))
        }
        return JSONNode(.object(JSONObject(members)), span: parameter.span)
    }

    // MARK: Resources and modules

    /// The loop bindings and the `condition` and `copy` members of a looped or conditional declaration.
    private func deployment(
        of value: BicepDeclarationValue, symbol: String, _ expressions: BicepExpressionLowering
    ) -> (lowering: BicepExpressionLowering, members: [JSONMember]) {
        var inner = expressions
        var members: [JSONMember] = []
        var condition = value.condition.map { inner.lower($0) }
        if let loop = value.loop {
            let index = TemplateExpression.call(name: "copyIndex", arguments: [.string(symbol)])
            let source = expressions.lower(loop.source)
            if let item = loop.item { inner.bindings[item] = .index(source, index) }
            if let name = loop.index { inner.bindings[name] = index }
            members.append(JSONMember(key: "copy", value: JSONNode(.object(JSONObject([
                JSONMember(key: "name", value: JSONNode(.string(symbol), span: loop.source.span)),
                JSONMember(key: "count", value: JSONNode(.string("[" + TemplateExpression.call(name: "length", arguments: [source]).text + "]"), span: loop.source.span)),
            ])), span: loop.source.span)))
            if let filter = loop.filter { condition = inner.lower(filter) }
        }
        let conditionSpan = value.loop?.filter?.span ?? value.condition?.span
        if let condition, let conditionSpan {
            members.append(JSONMember(key: "condition", value: JSONNode(.string("[" + condition.text + "]"), span: conditionSpan)))
        }
        return (inner, members)
    }

    private func lowerResource(
        _ symbol: String, _ declared: DeclaredResource, _ symbols: BicepSymbols, _ expressions: BicepExpressionLowering,
        _ suppressions: BicepSuppressionComments
    ) -> JSONNode {
        let resource = declared.resource
        let described = symbols.resources[symbol]
        let deployed = deployment(of: resource.value, symbol: symbol, expressions)
        let inner = deployed.lowering
        var members = deployed.members
        let span = resource.span
        members.insert(JSONMember(key: "type", value: JSONNode(.string(described?.type ?? resource.typeReference), span: span)), at: 0)
        if let apiVersion = described?.apiVersion { members.append(JSONMember(key: "apiVersion", value: JSONNode(.string(apiVersion), span: span))) }
        if resource.isExisting { members.append(JSONMember(key: "existing", value: JSONNode(.bool(true), span: span))) }
        if let written = described?.name {
            // The name in this instance's loop bindings, under its parent's for a child.
            let own = inner.lower(written)
            let fullName = described?.parent.flatMap { expressions.resourceName($0) }.map { TemplateExpression.call(name: "format", arguments: [.string("{0}/{1}"), $0, own]) } ?? own
            members.append(JSONMember(key: "name", value: JSONNode(.string("[" + fullName.text + "]"), span: written.span)))
        }
        guard case .object(let items) = resource.value.body.kind else { return JSONNode(.object(JSONObject(members)), span: span) }
        for case .property(let key, let keySpan, let value) in items {
            guard case .string(let segments, let holes) = key.kind, holes.isEmpty else { continue }
            let name = segments.joined()
            if ["name", "parent", "scope", "dependsOn"].contains(name) { continue }
            members.append(JSONMember(key: name, keySpan: keySpan, value: lowerValue(value, inner)))
        }
        var akslint: [JSONMember] = []
        if let suppress = suppressions.entries(for: resource.span, lines: file.lines) { akslint.append(JSONMember(key: "suppress", value: suppress)) }
        if let name = writtenName(of: symbol, symbols) { akslint.append(JSONMember(key: "name", value: JSONNode(.string(BicepSuppressionComments.literal(name)), span: span))) }
        if !akslint.isEmpty {
            let metadata = JSONNode(.object(JSONObject([JSONMember(key: "akslint", value: JSONNode(.object(JSONObject(akslint)), span: span))])), span: span)
            members.append(JSONMember(key: "metadata", value: metadata))
        }
        return JSONNode(.object(JSONObject(members)), span: span)
    }

    /// The Bicep text of a resource's name (its parent's, `/`, its own for a child), when some
    /// part is an expression rather than a literal: reports show it when the name cannot be
    /// evaluated offline, rather than the lowered ARM expression.
    private func writtenName(of symbol: String, _ symbols: BicepSymbols) -> String? {
        var parts: [String] = []
        var isLiteral = true
        var next: String? = symbol
        while let current = next, parts.count < 4, let described = symbols.resources[current], let name = described.name {
            if case .string(let segments, let holes) = name.kind, holes.isEmpty {
                parts.insert(segments.joined(), at: 0)
            } else {
                isLiteral = false
                parts.insert(sourceText(name.span), at: 0)
            }
            next = described.parent
        }
        return isLiteral || parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// The text of a span on one line, cut at 200 bytes.
    private func sourceText(_ span: SourceSpan) -> String {
        let start = min(Int(span.start), text.count)
        let end = min(Int(span.end), text.count, start + 200)
        let line = text[start..<end].map { $0 == 10 || $0 == 13 || $0 == 9 ? UInt8(ascii: " ") : $0 }
        return String(decoding: line, as: UTF8.self)
    }

    private mutating func lowerModule(_ module: BicepModule, _ expressions: BicepExpressionLowering) -> JSONNode? {
        let template: JSONNode
        switch moduleTemplate(module) {
        case .template(let lowered): template = lowered
        case .unavailable(let reason):
            warnings.append(InputWarning(reason, position: file.lines.position(of: Int(module.pathSpan.start)), file: fileID, leavesUnchecked: true))
            return nil
        }
        let deployed = deployment(of: module.value, symbol: module.symbol, expressions)
        let inner = deployed.lowering
        var members = deployed.members
        let span = module.span
        members.insert(JSONMember(key: "type", value: JSONNode(.string(ResourceType.deployments), span: span)), at: 0)
        members.append(JSONMember(key: "apiVersion", value: JSONNode(.string("2022-09-01"), span: span)))
        let name = Self.property("name", of: module.value.body).map { lowerValue($0, inner) } ?? JSONNode(.string(module.symbol), span: span)
        members.append(JSONMember(key: "name", value: name))
        var parameters: [JSONMember] = []
        if let given = Self.property("params", of: module.value.body), case .object(let items) = given.kind {
            for item in items {
                switch item {
                case .property(let key, let keySpan, let value):
                    guard case .string(let segments, let holes) = key.kind, holes.isEmpty else { continue }
                    parameters.append(JSONMember(key: segments.joined(), keySpan: keySpan, value: JSONNode(.object(JSONObject([
                        JSONMember(key: "value", value: lowerValue(value, inner)),
                    ])), span: value.span)))
                case .spread(let spread):
                    warnings.append(InputWarning("the parameters spread into module '\(module.symbol)' are not evaluated: the module's parameters they set are unknown", position: file.lines.position(of: Int(spread.span.start)), file: fileID))
                case .resource:
                    continue
                }
            }
        }
        members.append(JSONMember(key: "properties", value: JSONNode(.object(JSONObject([
            JSONMember(key: "expressionEvaluationOptions", value: JSONNode(.object(JSONObject([JSONMember(key: "scope", value: JSONNode(.string("inner"), span: span))])), span: span)),
            JSONMember(key: "mode", value: JSONNode(.string("Incremental"), span: span)),
            JSONMember(key: "parameters", value: JSONNode(.object(JSONObject(parameters)), span: span)),
            JSONMember(key: "template", value: template),
        ])), span: span)))
        return JSONNode(.object(JSONObject(members)), span: span)
    }
}

extension BicepObjectItem {
    /// `key: value` with a literal key (not a spread, a nested resource or an interpolated key).
    fileprivate var isLiteralProperty: Bool {
        switch self {
        case .property(let key, _, _):
            if case .string(_, let holes) = key.kind { return holes.isEmpty }
            return false
        case .resource: return true
        case .spread: return false
        }
    }
}

extension BicepArrayItem {
    fileprivate var isElement: Bool {
        if case .element = self { return true }
        return false
    }
}
