@testable import AKSLintCore
import AKSLintTestSupport
import Testing

/// Templates written to crash akslint, exhaust its memory or keep it busy: each of these trapped,
/// overflowed the stack, allocated gigabytes or ran for minutes before the evaluation budget and
/// the checked numbers. Every one must now end in a clean result or a clean error. They run on a
/// worker thread, as the command line runs them.
@Suite("Hostile templates")
struct HostileTemplateTests {
    /// A fixture of `Fixtures/hostile/templates`, and what loading it must say.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        /// A part of the input error, or nil when the template must load.
        let error: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "copy-count-1e300.json", error: "the count of the copy loop \"clusters\" is 1e+300: Resource Manager rejects a copy count"),
        Case(file: "property-copy-count-801.json", error: "the count of copy 'agentPoolProfiles' is 801: Resource Manager rejects"),
        Case(file: "variable-copy-count-negative.json", error: "the count of copy 'pools' is -1: Resource Manager rejects"),
        Case(file: "copyindex-huge-offset.json", error: nil),
        Case(file: "index-1e999.json", error: nil),
        Case(file: "format-empty-index.json", error: nil),
        Case(file: "doubling-concat.json", error: "evaluation budget exceeded: the template asks for more than 200000 values"),
        Case(file: "doubling-objects.json", error: "evaluation budget exceeded"),
        Case(file: "nested-map-range.json", error: "evaluation budget exceeded"),
        Case(file: "replace-big.json", error: "MiB of strings"),
        Case(file: "join-huge.json", error: "MiB of strings"),
        Case(file: "union-quadratic.json", error: "evaluation steps"),
        Case(file: "intersection-quadratic.json", error: "evaluation steps"),
        Case(file: "indexof-quadratic.json", error: "evaluation steps"),
        Case(file: "reduce-quadratic.json", error: "MiB of strings"),
        Case(file: "property-copy-cubed.json", error: "evaluation budget exceeded"),
        Case(file: "nested-deployments-copy-800.json", error: "evaluation budget exceeded"),
        Case(file: "deeply-nested-deployments.json", error: "inline deployments are nested more than 32 levels deep"),
        Case(file: "too-many-resources.json", error: "the template deploys more than 800 resources"),
    ]

    @Test("each hostile template ends in a result or a clean error that names the resource", arguments: cases)
    func hostile(_ testCase: Case) throws {
        let bytes = try readBytes(Paths.fixture("hostile/templates/" + testCase.file))
        let outcome = Self.load(bytes)
        switch (outcome, testCase.error) {
        case (.success(let loaded), nil):
            #expect(loaded.clusters.count == 1)
        case (.failure(let error), let expected?):
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.position != nil, "the error names the expression's position")
            if case .evaluation(let evaluation, _) = error { #expect(evaluation.resource != nil) }
        case (.success, let expected?):
            Issue.record("\(testCase.file) loaded, expected an error containing \(expected)")
        case (.failure(let error), nil):
            Issue.record("\(testCase.file) failed: \(error.description)")
        }
    }

    @Test("numbers no Int can hold are unresolved, never a trap", arguments: [
        ("[createArray(1)[parameters('big')]]", "unresolved: an array index must be a whole number"),
        ("[createArray(1)[parameters('huge')]]", "unresolved: an array index must be a whole number"),
        ("[add(parameters('huge'), 1)]", "unresolved: add() takes two integers"),
        ("[range(9007199254740991, 1)]", "unresolved: range() is limited"),
        ("[range(0, 10001)]", "unresolved: range() is limited"),
        ("[substring('abc', 9007199254740990, 9007199254740990)]", "unresolved: substring() is outside"),
        ("[take(createArray(1, 2), 9007199254740990)]", "[1,2]"),
        ("[mul(4000000000000000, 4000000000000000)]", "unresolved: mul() overflows"),
        ("[mul(3037000499, 3037000499)]", "unresolved: mul() gives 9223372030926249001, beyond the integers"),
        ("[mul(94906265, 94906265)]", "9007199136250225"),
        ("[padLeft('a', 9007199254740990, 'b')]", "unresolved: the template's evaluation was stopped"),
        ("[int(parameters('huge'))]", "1e+300"),
    ])
    func hugeNumbers(expression: String, expected: String) throws {
        let harness = try TemplateHarness(parameters: #"{"big": {"type": "int", "defaultValue": 1e999}, "huge": {"type": "int", "defaultValue": 1e300}}"#)
        let result = harness.json(expression)
        #expect(result.hasPrefix(expected), "\(expression): \(result)")
    }

    @Test("format() reads its items without indexing past them", arguments: [
        ("[format('{:}', 1)]", "unresolved: format() refers to a missing or malformed argument"),
        ("[format('{', 1)]", "\"{\""),
        ("[format('{0', 1)]", "unresolved: format() has a placeholder that never closes"),
        ("[format('}', 1)]", "unresolved: format() has a '}' that closes nothing"),
        ("[format('{99}', 1)]", "unresolved: format() refers to a missing or malformed argument"),
        ("[format('{0,-4}|{1,3}', 'a', 'b')]", "\"a   |  b\""),
        ("[format('{0:D3}-{1:d2}', 7, -5)]", "\"007--05\""),
        ("[format('{{{0}}}', 'x')]", "\"{x}\""),
        ("[format('{0:N2}', 3)]", "unresolved: format() with the specifier 'N2' is not evaluated offline"),
    ])
    func format(expression: String, expected: String) throws {
        let result = try TemplateHarness().json(expression)
        #expect(result.hasPrefix(expected), "\(expression): \(result)")
    }

    @Test("2,600 chained variables stop at the depth limit instead of overflowing the stack")
    func chainedVariables() throws {
        var variables = (0..<2_600).map { #""v\#($0)": "[variables('v\#($0 + 1)')]""# }
        variables.append(#""v2600": "end""#)
        let template = #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "variables": {"# + variables.joined(separator: ", ") + #"}, "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "[variables('v0')]", "properties": {}}]}"#
        guard case .failure(let error) = Self.load(Array(template.utf8)) else {
            Issue.record("a chain of 2,600 variables evaluated")
            return
        }
        #expect(error.description.contains("nested more than 1000 levels deep"), "\(error.description)")
    }

    @Test("a chain of 400 variables, deeper than Resource Manager allows, still evaluates")
    func longChainWithinLimits() throws {
        var variables = (0..<400).map { #""v\#($0)": "[variables('v\#($0 + 1)')]""# }
        variables.append(#""v400": "deep""#)
        let template = #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "variables": {"# + variables.joined(separator: ", ") + #"}, "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "[variables('v0')]", "properties": {}}]}"#
        let loaded = try Self.load(Array(template.utf8)).get()
        #expect(loaded.clusters.first?.name == "deep")
    }

    @Test("a value nested deeper than the parser allows is refused")
    func deepValue() throws {
        let template = #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {"tags": "[reduce(range(0, 2000), createArray(), lambda('acc', 'i', createArray(lambdaVariables('acc'))))]"}}]}"#
        guard case .failure(let error) = Self.load(Array(template.utf8)) else {
            Issue.record("a 2,000-deep value was built")
            return
        }
        #expect(error.description.contains("a value nested more than 512 levels deep"), "\(error.description)")
    }

    @Test("real templates stay far inside the budget", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func corpusWithinBudget() throws {
        let limits = EvaluationCost.limits
        var templates = 0
        for path in try files(under: Paths.corpus, endingWith: ".json") {
            guard case .success(let loaded) = Self.load(try readBytes(path)), let cost = loaded.evaluationCost else { continue }
            templates += 1
            #expect(cost.values * 20 < limits.values && cost.stringBytes * 20 < limits.stringBytes && cost.steps * 20 < limits.steps && cost.depth * 20 < limits.depth,
                    "\(path) uses more than 5% of a limit: \(cost)")
        }
        #expect(templates > 40, "templates evaluated: \(templates)")
    }

    /// Loads `bytes` on a worker thread, as the command line does.
    static func load(_ bytes: [UInt8]) -> Result<LoadedInput, InputError> {
        WorkerThreads.run { Result { () throws(InputError) -> LoadedInput in try InputLoader.load(bytes) } }
    }
}
