@testable import AKSLintCore

/// Evaluates template expressions against a small template with the given parameters and variables.
struct TemplateHarness {
    let document: JSONDocument
    let scope: TemplateScope
    /// The budget every expression of the harness is evaluated within.
    let budget: EvaluationBudget

    /// `parameters` and `variables` are JSON object texts, as a template's sections.
    init(parameters: String = "{}", variables: String = "{}", given: [String: String] = [:], limits: EvaluationBudget.Limits = EvaluationBudget.standard) throws {
        let text = #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": "# + parameters + #", "variables": "# + variables + #", "resources": []}"#
        document = try JSONParser.parse(Array(text.utf8))
        var values: [String: TemplateScope.GivenValue] = [:]
        for (name, json) in given {
            values[name] = .init(value: try JSONParser.parse(Array(json.utf8)).root, source: .parametersFile(path: "test.parameters.json"))
        }
        budget = EvaluationBudget(limits: limits)
        scope = TemplateScope(template: document.root, sources: SourceSet(primary: document.lineIndex), given: values, budget: budget)
    }

    /// The value of a template string such as `"[concat('a', 'b')]"`.
    func evaluate(_ text: String) -> JSONNode {
        ExpressionEvaluator(scope: scope).evaluateString(text, span: .synthetic)
    }

    /// The value as compact JSON, or `unresolved: reason`.
    func json(_ text: String) -> String {
        let node = evaluate(text)
        if let unresolved = node.firstUnresolved, node.unresolvedValue != nil { return "unresolved: " + unresolved.reason }
        return TemplateValues.compactJSON(node.value, meter: Meter(budget: budget, site: .synthetic)) ?? "contains unresolved"
    }
}
