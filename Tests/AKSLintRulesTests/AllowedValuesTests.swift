@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// A parameter without a value but with `allowedValues` can only take one of them: when every
/// allowed value gives a rule the same verdict, that is the verdict; a value outside the list
/// is a deployment Resource Manager rejects.
@Suite("Allowed values")
struct AllowedValuesTests {
    private func lint(_ parameters: String? = nil) throws -> [Finding] {
        let given = try parameters.map { try TemplateParameters.parse(readBytes(Paths.fixture("arm/" + $0)), path: $0) }
        let loaded = try InputLoader.load(readBytes(Paths.fixture("arm/allowed-values.json")), parameters: given)
        return try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: "allowed-values.json")
    }

    @Test("every allowed network policy enforces policies, so AKS205 passes and says why")
    func unanimousVerdict() throws {
        let policy = try #require(try lint().first { $0.ruleId == "AKS205" })
        #expect(policy.state == .pass)
        #expect(policy.message.hasPrefix("Every allowed value passes (networkPolicy: \"azure\", \"calico\", \"cilium\")"), "\(policy.message)")
        #expect(policy.location.jsonPath == "$.resources[0].properties.networkProfile.networkPolicy", "the verdict points where the parameter is used")
    }

    @Test("when allowed values disagree the result stays indeterminate and names which value does what")
    func splitVerdict() throws {
        let tier = try #require(try lint().first { $0.ruleId == "AKS604" })
        #expect(tier.state == .indeterminate)
        #expect(tier.message.hasSuffix("Over the allowed values, the rule fails with tier = \"Free\", and passes with tier = \"Standard\"."), "\(tier.message)")
    }

    @Test("a parameters file value outside allowedValues is the error Resource Manager would give")
    func rejectedValue() throws {
        #expect {
            _ = try lint("allowed-values.rejected.parameters.json")
        } throws: { error in
            guard case InputError.evaluation(let failure, let position) = error else { return false }
            return failure.message.contains("parameter 'networkPolicy' is \"none\" (set in allowed-values.rejected.parameters.json), which is not one of its allowedValues (\"azure\", \"calico\", \"cilium\")")
                && position.line == 5
        }
    }

    @Test("strings compare without case, and each element of an array parameter must be allowed")
    func arrayElements() throws {
        #expect {
            _ = try lint("allowed-values.zones.parameters.json")
        } throws: { error in
            guard case InputError.evaluation(let failure, _) = error else { return false }
            return failure.message.contains("parameter 'zones' is [\"1\", \"4\"]") && !failure.message.contains("networkPolicy")
        }
    }
}
