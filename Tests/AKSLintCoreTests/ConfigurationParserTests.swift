@testable import AKSLintCore
import Testing

@Suite("Configuration file")
struct ConfigurationParserTests {
    static let rules = ["AKS101", "AKS103", "AKS201", "AKS604", "AKS702"]

    func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration {
        try ConfigurationParser.parse(Array(text.utf8), path: ".akslint.json", knownRules: Self.rules)
    }

    @Test("every setting is read, with comments and trailing commas, rule ids in any case")
    func fullConfiguration() throws {
        let configuration = try parse("""
            {
              "$schema": "https://example.invalid/akslint.schema.json",
              // debt we accept for now
              "disabledRules": ["aks702"],
              "severityOverrides": {"AKS604": "INFO", "aks201": "critical",},
              "failOn": "medium",
              "strict": true,
              "suppressions": [
                {"rule": "AKS201", "cluster": "prod-*", "reason": "private link migration, JIRA-42", "expires": "2027-01-31"},
                /* all clusters */ {"rule": "AKS103", "reason": "break-glass accounts until Entra PIM is live"},
              ],
            }
            """)
        #expect(configuration.disabledRules == ["AKS702"])
        #expect(configuration.severityOverrides == ["AKS604": .info, "AKS201": .critical])
        #expect(configuration.failOn == .severity(.medium))
        #expect(configuration.strict == true)
        #expect(configuration.suppressions.count == 2)
        let first = configuration.suppressions[0]
        #expect(first.rule == "AKS201")
        #expect(first.cluster?.pattern == "prod-*")
        #expect(first.expires == CalendarDay("2027-01-31"))
        #expect(first.source == SourceReference(path: ".akslint.json", line: 9))
        #expect(configuration.suppressions[1].cluster == nil)
        #expect(configuration.suppressions[1].source.line == 10)
    }

    @Test("failOn never, and an empty object, are valid")
    func minimal() throws {
        #expect(try parse(#"{"failOn": "never"}"#).failOn == .never)
        let empty = try parse("{}")
        #expect(empty.failOn == nil && empty.strict == nil && empty.suppressions.isEmpty)
    }

    @Test("mistakes are errors naming the file, line and column", arguments: [
        (#"{"disabledRule": []}"#, "1:2", "unknown setting \"disabledRule\""),
        ("{\n  \"disabledRules\": [\"AKS999\"]\n}", "2:21", "unknown rule \"AKS999\""),
        (#"{"disabledRules": "AKS101"}"#, "1:19", "disabledRules must be an array"),
        (#"{"severityOverrides": {"AKS101": "severe"}}"#, "1:34", "a severity must be one of"),
        (#"{"severityOverrides": {"AKS1": "high"}}"#, "1:24", "unknown rule \"AKS1\""),
        (#"{"failOn": "warning"}"#, "1:12", "failOn must be one of"),
        (#"{"strict": "yes"}"#, "1:12", "strict must be true or false"),
        ("{\"suppressions\": [\n  {\"rule\": \"AKS201\"}\n]}", "2:3", "needs a \"reason\""),
        (#"{"suppressions": [{"rule": "AKS201", "reason": "   "}]}"#, "1:48", "needs a \"reason\""),
        (#"{"suppressions": [{"rule": "AKS201", "reason": "r", "expires": "31/01/2027"}]}"#, "1:64", "\"expires\" must be a date"),
        (#"{"suppressions": [{"rule": "AKS201", "reason": "r", "until": "2027-01-31"}]}"#, "1:53", "unknown suppression field \"until\""),
        (#"{"suppressions": [{"reason": "r"}]}"#, "1:19", "needs \"rule\""),
        (#"{"suppressions": [{"rule": "AKS201", "reason": "r", "cluster": ""}]}"#, "1:64", "\"cluster\" must be"),
        ("[]", "1:1", "must be a JSON object"),
        (#"{"failOn": "high""#, "1:18", "unexpected end of input"),
    ])
    func errors(text: String, position: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.position.map { "\($0.line):\($0.column)" } == position, "\(text): \(error)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix(".akslint.json:\(position): "))
        }
    }

    @Test("a disabled rule does not run; an overridden one runs at its new severity")
    func configuringRules() throws {
        struct Probe: Rule {
            let metadata: RuleMetadata
            func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] { [] }
        }
        func probe(_ id: String) -> any Rule {
            Probe(metadata: RuleMetadata(
                id: id, name: id.lowercased(), title: "", severity: .high, category: .identity, checks: "", absentMeans: "",
                rationale: "", remediation: Remediation(azCommand: nil, template: "", bicep: "", disruption: .inPlace), references: [], examples: []))
        }
        var configuration = LintConfiguration()
        configuration.disabledRules = ["AKS702"]
        configuration.severityOverrides = ["AKS604": .info]
        let configured = configuration.configuring([probe("AKS101"), probe("AKS604"), probe("AKS702")])
        #expect(configured.map(\.metadata.id) == ["AKS101", "AKS604"])
        #expect(configured.map(\.metadata.severity) == [.high, .info])
    }
}

@Suite("Glob patterns")
struct GlobPatternTests {
    @Test("* matches any run, ? one character, case is ignored, the whole text must match", arguments: [
        ("prod-*", "prod-aks", true),
        ("prod-*", "PROD-weu-01", true),
        ("prod-*", "preprod-aks", false),
        ("*", "", true),
        ("aks-??", "aks-01", true),
        ("aks-??", "aks-1", false),
        ("/subscriptions/*/resourceGroups/prod-rg/*", "/subscriptions/0000/resourcegroups/PROD-RG/providers/Microsoft.ContainerService/managedClusters/a", true),
        ("*-aks-*", "weu-aks-01", true),
        ("a*b*c", "aXbYbZc", true),
        ("a*b*c", "aXbYbZ", false),
        ("exact", "exactly", false),
    ])
    func matching(pattern: String, text: String, matches: Bool) {
        #expect(GlobPattern(pattern).matches(text) == matches, "\(pattern) vs \(text)")
    }
}
