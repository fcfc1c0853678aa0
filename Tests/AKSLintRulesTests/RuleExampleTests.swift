@testable import AKSLintCore
import AKSLintRules
import Testing

/// Runs every example of every built-in rule, plus the mutations every rule must survive.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = BuiltinRules.all.map(RuleUnderTest.init)

    @Test("every example gives the result it documents", arguments: rules)
    func examples(rule: RuleUnderTest) throws {
        for example in rule.metadata.examples {
            let results = try evaluate(rule.rule, on: example.input, context: example.context)
            try assert(results, meet: example.expectation, in: "\(rule.id): \(example.title)")
        }
    }

    @Test("every rule has a failing and a passing example", arguments: rules)
    func examplesCoverBothVerdicts(rule: RuleUnderTest) {
        let expectations = rule.metadata.examples.map(\.expectation)
        #expect(expectations.contains { if case .fails = $0 { return true } else { return false } }, "\(rule.id) has no failing example")
        #expect(expectations.contains(.passes), "\(rule.id) has no passing example")
    }

    @Test("keys in any case give the same results", arguments: rules)
    func keyCaseDoesNotMatter(rule: RuleUnderTest) throws {
        for example in rule.metadata.examples {
            let original = try evaluate(rule.rule, on: example.input, context: example.context).map(\.state)
            for transform in [KeyCase.lower, KeyCase.upper] {
                let document = try JSONParser.parse(Array(example.input.utf8))
                let recased = Mutation.recaseKeys(document.root, transform)
                let states = try evaluate(rule.rule, on: JSONDocument(root: recased, text: document.text, lineIndex: document.lineIndex), context: example.context).map(\.state)
                #expect(states == original, "\(rule.id): \(example.title) with \(transform) keys")
            }
        }
    }

    @Test("an unresolved expression where a failing value was is indeterminate (or what the rule documents), never a silent pass", arguments: rules)
    func unresolvedIsIndeterminate(rule: RuleUnderTest) throws {
        for example in rule.metadata.examples {
            guard case .fails(let path) = example.expectation else { continue }
            let document = try JSONParser.parse(Array(example.input.utf8))
            guard let target = Mutation.node(at: path, in: document.root), target.isScalar else { continue }
            let subject = try evaluate(rule.rule, on: example.input, context: example.context).first { $0.state == .fail }?.subject
            let unresolved = JSONNode(.unresolved(UnresolvedExpression(expression: "[parameters('x')]", reason: "parameter 'x' has no value")), span: target.span)
            let mutated = Mutation.replacing(path, in: document.root, with: unresolved)
            let results = try evaluate(rule.rule, on: JSONDocument(root: mutated, text: document.text, lineIndex: document.lineIndex), context: example.context)
            let atPath = results.filter { $0.location.jsonPath == path }
            let description = results.map { "\($0.state) at \($0.location.jsonPath)" }
            if rule.metadata.unresolvedMeans != .indeterminate {
                #expect(!atPath.isEmpty && atPath.allSatisfy { $0.state == rule.metadata.unresolvedMeans }, "\(rule.id): \(example.title): \(description)")
                continue
            }
            #expect(!results.contains { $0.state == .pass && $0.subject == subject }, "\(rule.id): \(example.title) with \(path) unresolved passed: \(description)")
            #expect(atPath.allSatisfy { $0.state == .indeterminate && $0.unresolvedExpression == "[parameters('x')]" }, "\(rule.id): \(example.title): \(description)")
            #expect(results.contains { ($0.state == .indeterminate || $0.state == .fail) && $0.subject == subject })
        }
    }

    @Test("metadata follows the catalogue's conventions", arguments: rules)
    func metadataIsComplete(rule: RuleUnderTest) {
        let metadata = rule.metadata
        #expect(metadata.id.wholeMatch(of: /AKS[1-9]\d\d/) != nil)
        #expect(metadata.runsByDefault == !metadata.id.hasPrefix("AKS9"), "the 9xx family, and only it, is beyond security posture")
        #expect(metadata.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil)
        #expect(!metadata.title.isEmpty && metadata.title.count <= 1024 && !metadata.title.contains("\n"))
        #expect(metadata.rationale.count >= 100 && metadata.rationale.count <= 1024)
        if let risk = metadata.risk {
            // One clause that completes "Verdict (value found): …".
            #expect(!risk.isEmpty && risk.hasSuffix(".") && risk.count <= 200 && !risk.contains("\n"), "\(metadata.id): \(risk)")
        }
        #expect(!metadata.references.isEmpty)
        #expect(metadata.references.allSatisfy { $0.url.hasPrefix("https://") })
        #expect(metadata.remediation.azCommand?.hasPrefix("az ") ?? true)
        #expect(!metadata.remediation.template.isEmpty && !metadata.remediation.bicep.isEmpty && !metadata.remediation.terraform.isEmpty)
    }

    @Test("rule ids and names are unique")
    func uniqueIdentifiers() {
        let ids = BuiltinRules.all.map(\.metadata.id)
        let names = BuiltinRules.all.map(\.metadata.name)
        #expect(Set(ids).count == ids.count)
        #expect(Set(names).count == names.count)
        #expect(ids == ids.sorted(), "BuiltinRules.all is in catalogue order")
    }

    // MARK: Helpers

    private func evaluate(_ rule: any Rule, on input: String, context: RuleContext) throws -> [Finding] {
        let loaded = try InputLoader.load(Array(input.utf8))
        #expect(loaded.clusters.count == 1, "an example holds exactly one cluster")
        return try LintEngine(rules: [rule], context: context).evaluate(loaded, path: "example.json")
    }

    private func evaluate(_ rule: any Rule, on document: JSONDocument, context: RuleContext) throws -> [Finding] {
        let adapted = try DocumentAdapter.adapt(document)
        let loaded = LoadedInput(sources: SourceSet(primary: document.lineIndex), encoding: .utf8, format: adapted.format, clusters: adapted.clusters, warnings: adapted.warnings)
        return try LintEngine(rules: [rule], context: context).evaluate(loaded, path: "example.json")
    }

    private func assert(_ results: [Finding], meet expectation: RuleExample.Expectation, in context: String) throws {
        #expect(!results.isEmpty, "\(context): a rule must always return a result")
        switch expectation {
        case .passes:
            #expect(results.allSatisfy { $0.state == .pass || $0.state == .notApplicable }, "\(context): expected a pass, got \(results.map { "\($0.state): \($0.message)" })")
        case .fails(let path):
            let failure = results.first { $0.state == .fail }
            #expect(failure?.location.jsonPath == path, "\(context): expected a failure at \(path), got \(results.map { "\($0.state) at \($0.location.jsonPath)" })")
            #expect(failure?.message.isEmpty == false)
            if let failure, let risk = failure.rule.risk {
                // The rule's risk follows the statement once: the statement must not say it too,
                // nor end a sentence before the colon.
                #expect(!failure.statement.contains(risk) && !failure.statement.hasSuffix("."), "\(context): \(failure.statement)")
                #expect(failure.message == failure.statement + ": " + risk)
            }
        case .indeterminate(let path):
            #expect(!results.contains { $0.state == .fail }, "\(context): expected no failure")
            #expect(results.contains { $0.state == .indeterminate && $0.location.jsonPath == path }, "\(context): expected indeterminate at \(path), got \(results.map { "\($0.state) at \($0.location.jsonPath)" })")
        }
    }
}

/// A rule wrapped so Swift Testing can name test cases after it.
struct RuleUnderTest: Sendable, CustomTestStringConvertible {
    let rule: any Rule
    var metadata: RuleMetadata { rule.metadata }
    var id: String { rule.metadata.id }
    var testDescription: String { "\(id) \(metadata.name)" }
}
