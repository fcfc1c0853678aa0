@testable import AKSLintCore
import Testing

@Suite("Configuration file")
struct ConfigurationParserTests {
    static let rules = [
        probe("AKS101", category: .identity, peers: [.psrule("Azure.AKS.ManagedAAD", "AZR-000029")]), probe("AKS103", category: .identity),
        probe("AKS201", category: .network), probe("AKS604", category: .lifecycle), probe("AKS702", category: .nodePools),
        probe("AKS110", category: .identity, peers: [.psrule("Azure.AKS.ManagedAAD", "AZR-000029")]), probe("AKS906", category: .reliability),
    ]

    func parse(_ text: String) throws(Diagnostic) -> LintConfiguration {
        try ConfigurationParser.parse(Array(text.utf8), path: ".akslint.json", catalogue: Self.rules.map(\.metadata))
    }

    struct Probe: Rule {
        let metadata: RuleMetadata
        func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] { [] }
    }

    static func probe(_ id: String, category: RuleCategory = .identity, peers: [PeerCheck] = []) -> any Rule {
        Probe(metadata: RuleMetadata(
            id: id, name: "rule-" + id.lowercased(), title: "", severity: .high, category: category, checks: "", absentMeans: "",
            rationale: "", remediation: Remediation(azCommand: nil, template: "", bicep: "", terraform: "", disruption: .inPlace), references: [], peers: peers, examples: []))
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
        #expect(configuration.disabledRules == [.rules(["AKS702"])])
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
        ("{\n  \"disabledRules\": [\"AKS999\"]\n}", "2:21", "unknown rule or category \"AKS999\""),
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

    @Test("enabledRules and disabledRules take ids, names, other tools' ids and categories; naming takes patterns")
    func selectors() throws {
        let configuration = try parse(#"{"enabledRules": ["reliability", "Azure.AKS.ManagedAAD"], "disabledRules": ["rule-aks702"], "naming": {"cluster": "aks-*", "userPool": "usr*"}}"#)
        #expect(configuration.enabledRules == [.category(.reliability), .rules(["AKS101", "AKS110"])])
        #expect(configuration.disabledRules == [.rules(["AKS702"])])
        #expect(configuration.naming == NamingConventions(cluster: GlobPattern("aks-*"), userPool: GlobPattern("usr*")))
        for (text, message) in [(#"{"enabledRules": ["reliabilty"]}"#, "unknown rule or category \"reliabilty\""), (#"{"naming": {"pool": "x"}}"#, "unknown naming field \"pool\""), (#"{"naming": {"cluster": ""}}"#, "non-empty glob pattern")] {
            #expect(throws: Diagnostic.self, "\(text)") { try parse(text) }
            do { _ = try parse(text) } catch { #expect(error.message.contains(message), "\(error.message)") }
        }
    }

    @Test("the defaults are the security rules; enabledRules adds, disabledRules and --skip-rule remove, --rules chooses exactly, --framework narrows")
    func selection() throws {
        let catalogue = Self.rules
        func chosen(_ configure: (inout RuleSelection) -> Void) -> [String] {
            var selection = RuleSelection()
            configure(&selection)
            return selection.choose(from: catalogue).map(\.metadata.id)
        }
        #expect(chosen { _ in } == ["AKS101", "AKS103", "AKS201", "AKS604", "AKS702", "AKS110"])
        #expect(chosen { $0.enabled = [.category(.reliability)] }.contains("AKS906"))
        #expect(chosen { $0.disabled = [.rules(["AKS702"])] }.contains("AKS702") == false)
        #expect(chosen { $0.only = [.all]; $0.skipped = [.category(.identity)] } == ["AKS201", "AKS604", "AKS702", "AKS906"])
        #expect(chosen { $0.only = [.rules(["AKS702"])]; $0.disabled = [.rules(["AKS702"])] } == ["AKS702"], "a rule named with --rules runs even when disabled")
        #expect(chosen { $0.framework = .cis } == [], "no probe evidences CIS")
    }

    @Test("an overridden rule runs at its new severity")
    func severityOverrides() throws {
        var configuration = LintConfiguration()
        configuration.severityOverrides = ["AKS604": .info]
        let configured = configuration.applyingSeverityOverrides(to: [Self.probe("AKS101"), Self.probe("AKS604")])
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
