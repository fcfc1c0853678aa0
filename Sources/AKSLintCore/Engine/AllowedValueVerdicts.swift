/// Settles results that are indeterminate only because a template parameter has no value, when
/// the parameter's `allowedValues` leave no doubt: if the rule gives the same verdict for every
/// combination of allowed values (each a ``ClusterVariant``), that is the verdict.
enum AllowedValueVerdicts {
    /// The combinations of values shown in one part of a message.
    static let combinationsShown = 4

    /// `base` (the rule's results on the cluster itself), with each indeterminate result replaced
    /// by the verdict every variant agrees on, or, when they disagree, annotated with which
    /// values pass and which fail. `variantResults[i]` are the rule's results on variant `i`.
    static func settle(_ base: [RuleResult], variants: [ClusterVariant], variantResults: [[RuleResult]]) -> [RuleResult] {
        base.map { result in
            guard result.state == .indeterminate else { return result }
            var states: [ResultState] = []
            var counterparts: [RuleResult] = []
            for results in variantResults {
                guard let match = results.first(where: { $0.property == result.property && $0.subject == result.subject }) else { return result }
                counterparts.append(match)
                states.append(match.state)
            }
            guard let first = counterparts.first else { return result }
            if first.state != .indeterminate, states.allSatisfy({ $0 == first.state }) {
                let named = mentioned(in: result, variants: variants)
                let example = variants[0].assignment.filter { named.contains($0.parameter) }.map { "\($0.parameter) = \($0.value)" }.joined(separator: ", ")
                return RuleResult(
                    state: first.state,
                    makeMessage: { "Every allowed value \(verb(first.state)) (\(allValues(variants, of: named))). With \(example): \(first.message)" },
                    location: result.location, propertyPath: result.propertyPath, subject: result.subject,
                    pointsAtEnclosingObject: result.pointsAtEnclosingObject)
            }
            let judged = states
            return RuleResult(
                state: .indeterminate, makeMessage: { "\(result.message) Over the allowed values, the rule \(breakdown(variants, states: judged))." },
                location: result.location, propertyPath: result.propertyPath, subject: result.subject,
                unresolvedExpression: result.unresolvedExpression, pointsAtEnclosingObject: result.pointsAtEnclosingObject)
        }
    }

    /// The parameters a result is about: those its message or expression names (`'tier'`), or all
    /// of them when it names none.
    private static func mentioned(in result: RuleResult, variants: [ClusterVariant]) -> Set<String> {
        let all = variants.first?.assignment.map(\.parameter) ?? []
        let text = result.message + (result.unresolvedExpression ?? "")
        let named = all.filter { text.contains("'\($0)'") }
        return Set(named.isEmpty ? all : named)
    }

    /// `policy: "azure", "calico"; tier: "Free", "Standard"`, for the parameters in `named`.
    private static func allValues(_ variants: [ClusterVariant], of named: Set<String>) -> String {
        var values: [(parameter: String, values: [String])] = []
        for variant in variants {
            for (parameter, value) in variant.assignment where named.contains(parameter) {
                if let index = values.firstIndex(where: { $0.parameter == parameter }) {
                    if !values[index].values.contains(value) { values[index].values.append(value) }
                } else {
                    values.append((parameter, [value]))
                }
            }
        }
        return values.map { "\($0.parameter): \($0.values.joined(separator: ", "))" }.joined(separator: "; ")
    }

    /// `fails with policy = "none"; passes with policy = "azure", policy = "calico"`, naming only
    /// the parameters whose value changes the verdict.
    private static func breakdown(_ variants: [ClusterVariant], states: [ResultState]) -> String {
        let parameters = variants.first?.assignment.map(\.parameter) ?? []
        let deciding = parameters.indices.filter { index in
            variants.indices.contains { a in
                variants.indices.contains { b in
                    states[a] != states[b] && variants[a].assignment.indices.allSatisfy { $0 == index || variants[a].assignment[$0].value == variants[b].assignment[$0].value }
                }
            }
        }
        var groups: [(state: ResultState, combinations: [String])] = []
        for (variant, state) in zip(variants, states) {
            let shown = (deciding.isEmpty ? Array(parameters.indices) : deciding)
                .map { "\(variant.assignment[$0].parameter) = \(variant.assignment[$0].value)" }.joined(separator: ", ")
            if let index = groups.firstIndex(where: { $0.state == state }) {
                if !groups[index].combinations.contains(shown) { groups[index].combinations.append(shown) }
            } else {
                groups.append((state, [shown]))
            }
        }
        return groups.map { group in
            let listed = group.combinations.prefix(combinationsShown).joined(separator: "; ")
            let more = group.combinations.count > combinationsShown ? "; and \(group.combinations.count - combinationsShown) more" : ""
            return "\(verb(group.state)) with \(listed)\(more)"
        }.joined(separator: ", and ")
    }

    private static func verb(_ state: ResultState) -> String {
        switch state {
        case .pass: return "passes"
        case .fail: return "fails"
        case .indeterminate: return "stays indeterminate"
        case .notApplicable: return "does not apply"
        }
    }
}
