/// A `.bicepparam` file: the template it is `using`, and the values it gives its parameters.
///
///     using './main.bicep'
///     var prefix = 'prod'
///     param clusterName = '${prefix}-aks'
///     param adminKey = readEnvironmentVariable('ADMIN_KEY')
///
/// Values are expressions over the file's own variables, evaluated as a template's are; what is
/// known only at deployment (`readEnvironmentVariable`, `externalInput`, `getSecret`) stays
/// unresolved with its reason. The process environment is never read: it may hold secrets that
/// would end up in a report.
package struct BicepParametersFile: Sendable {
    /// The path the file names after `using`, relative to the file (nil for `using none` or none).
    package let usingPath: String?
    /// The values, as any parameters file gives them.
    package let parameters: TemplateParameters

    /// Reads the `.bicepparam` file at `path`, whose bytes are `bytes`.
    package static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> BicepParametersFile {
        guard bytes.count <= InputLimits.maximumParametersBytes else { throw .tooLarge(bytes: bytes.count, limit: InputLimits.maximumParametersBytes) }
        let text: [UInt8]
        do { text = try SourceDecoder.decode(bytes).text } catch { throw .encoding(error) }
        let file: BicepFile
        do {
            file = try BicepParser.parse(text, file: .primary, isParametersFile: true)
        } catch {
            throw .invalid(message: error.message, position: BicepLexer.position(of: error.offset, in: text))
        }
        if let error = file.errors.first { throw .invalid(message: error.message, position: file.lines.position(of: error.offset)) }
        var usingPath: String?
        var names: [String] = []
        for statement in file.statements {
            switch statement {
            case .using(let target, _): usingPath = target.isEmpty ? nil : target
            case .variable(let name, _, true): names.append(name)
            default: break
            }
        }
        // Parameters and variables both lower to template variables, so a value may use either.
        var lowering = BicepLowering(
            file: file, fileID: .primary, text: text,
            moduleTemplate: { _ in .unavailable("a parameters file deploys no module") },
            loadText: { _ in .failure(BicepLoweringProblem(message: "files are not read for a parameters file")) })
        let template = lowering.lower()
        let budget = EvaluationBudget()
        let scope = TemplateScope(template: template, sources: SourceSet(primary: file.lines), given: [:], budget: budget)
        let evaluator = ExpressionEvaluator(scope: scope)
        var values: [String: JSONNode] = [:]
        for name in names {
            // Where the value came from is the parameters file, as for a JSON one: the file's own
            // variables are not named in the template's messages.
            values[name] = withoutProvenance(evaluator.evaluate(.call(name: "variables", arguments: [.string(name)])))
        }
        if let error = budget.error { throw .evaluation(error, position: file.lines.position(of: error.offset)) }
        return BicepParametersFile(usingPath: usingPath, parameters: TemplateParameters(path: path, values: values))
    }

    /// The tree without provenance (its depth is bounded by the evaluation budget).
    private static func withoutProvenance(_ node: JSONNode) -> JSONNode {
        let value: JSONValue
        switch node.value {
        case .array(let elements): value = .array(elements.map(withoutProvenance))
        case .object(let object): value = .object(JSONObject(object.members.map { JSONMember(key: $0.key, keySpan: $0.keySpan, value: withoutProvenance($0.value)) }))
        default: value = node.value
        }
        return JSONNode(value, span: node.span, isSensitive: node.isSensitive)
    }
}
