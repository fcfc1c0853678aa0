@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// Templates read into clusters: parameters (defaults, files, nested deployments), copy loops,
/// conditions, child pools, symbolic resources and related resources, with findings located in
/// the template and naming where values came from.
@Suite("ARM templates")
struct TemplateLintingTests {
    private func lint(_ fixture: String, parameters: String? = nil) throws -> (LoadedInput, [Finding]) {
        let given = try parameters.map { try TemplateParameters.parse(readBytes(Paths.repositoryRoot + "/Fixtures/" + $0), path: $0) }
        let loaded = try InputLoader.load(readBytes(Paths.repositoryRoot + "/Fixtures/" + fixture), parameters: given)
        return (loaded, try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: fixture))
    }

    private func state(_ findings: [Finding], _ rule: String, cluster: String, pool: String? = nil) -> ResultState? {
        findings.first { $0.ruleId == rule && $0.cluster.displayName == cluster && $0.subject.poolName == pool }?.state
    }

    @Test("defaults alone: a template's parameter defaults decide the verdicts")
    func defaults() throws {
        let (loaded, findings) = try lint("arm/public-cluster.json")
        #expect(loaded.format == .armTemplate)
        #expect(loaded.clusters.map(\.name) == ["aks-dev"])
        #expect(state(findings, "AKS103", cluster: "aks-dev") == .pass)
        #expect(state(findings, "AKS202", cluster: "aks-dev") == .fail, "an empty range list is open")
        let policy = try #require(findings.first { $0.ruleId == "AKS205" })
        #expect(policy.message.contains("networkPolicy is \"none\", from parameter 'networkPolicy', its default value at line 8"))
        #expect(policy.location.region.start == SourcePosition(line: 36, column: 72), "points at the expression in the resource")
    }

    @Test("a parameters file overrides defaults, and findings name it")
    func parametersFile() throws {
        let (loaded, findings) = try lint("arm/public-cluster.json", parameters: "arm/public-cluster.parameters.json")
        #expect(loaded.parametersPath == "arm/public-cluster.parameters.json")
        #expect(loaded.clusters.map(\.name) == ["aks-prod"])
        let local = try #require(findings.first { $0.ruleId == "AKS103" })
        #expect(local.state == .fail)
        #expect(local.message.contains("from parameter 'disableLocalAccounts', set in arm/public-cluster.parameters.json"))
        let open = try #require(findings.first { $0.ruleId == "AKS202" })
        #expect(open.state == .fail && open.message.contains("\"0.0.0.0/0\""))
    }

    @Test("copy loops expand: each child agent pool is its own pool, named by its evaluated name")
    func copyLoopsAndChildPools() throws {
        let (loaded, findings) = try lint("arm/public-cluster.json")
        let cluster = try #require(loaded.clusters.first)
        #expect(cluster.agentPools.map(\.displayName) == ["system", "user1", "user2"])
        #expect(state(findings, "AKS206", cluster: "aks-dev", pool: "system") == .pass)
        #expect(state(findings, "AKS206", cluster: "aks-dev", pool: "user1") == .pass)
        #expect(state(findings, "AKS206", cluster: "aks-dev", pool: "user2") == .fail, "enableNodePublicIP is equals(copyIndex(), 1)")
    }

    @Test("nested deployments: inner scope gets the parameters passed in, outer scope sees the parent's")
    func nestedDeployments() throws {
        let (loaded, findings) = try lint("arm/nested-deployments.json")
        #expect(loaded.clusters.map(\.name) == ["aks-prod", "aks-prod-dr"])
        #expect(state(findings, "AKS201", cluster: "aks-prod") == .indeterminate, "the parent passes parameters('private'), which has no value")
        #expect(state(findings, "AKS205", cluster: "aks-prod") == .pass, "the inner default networkPolicy is cilium")
        #expect(state(findings, "AKS103", cluster: "aks-prod-dr") == .pass, "outer scope: parameters('environment') is the parent's 'prod'")
        #expect(loaded.warnings.contains { $0.message.contains("linked template (templateLink) is not followed") })
    }

    @Test("languageVersion 2.0: symbolic resources, existing references skipped, conditions applied")
    func symbolicResources() throws {
        let (loaded, findings) = try lint("arm/symbolic-resources.json")
        #expect(loaded.clusters.map(\.name) == ["aks-symbolic", "aks-symbolic-canary"], "the existing cluster is a reference and deployDr is false")
        #expect(findings.filter { $0.cluster.displayName == "aks-symbolic-canary" }.allSatisfy { $0.state == .indeterminate || $0.state == .notApplicable })
        let canary = try #require(findings.first { $0.cluster.displayName == "aks-symbolic-canary" && $0.ruleId == "AKS103" })
        #expect(canary.unresolvedExpression == "[parameters('deployCanary')]")
        let workloadIdentity = try #require(findings.first { $0.cluster.displayName == "aks-symbolic-canary" && $0.ruleId == "AKS106" })
        #expect(workloadIdentity.state == .indeterminate && workloadIdentity.statedRisk == nil)
        #expect(workloadIdentity.message.hasPrefix("Workload identity is off (securityProfile.workloadIdentity.enabled is not set; the platform default applies): \(try #require(workloadIdentity.rule.risk)) Whether this applies is unknown"), "a failure made indeterminate by its resource's condition still says what it risks")
        #expect(state(findings, "AKS402", cluster: "aks-symbolic") == .pass, "azurePolicy in Bicep casing")
        #expect(state(findings, "AKS401", cluster: "aks-symbolic") == .fail, "the nullable workspace makes defender null")
    }

    @Test("related resources of the template are kept beside each cluster")
    func relatedResources() throws {
        let (loaded, _) = try lint("arm/symbolic-resources.json")
        let related = try #require(loaded.clusters.first?.relatedResources)
        #expect(related.map(\.type).sorted() == [ResourceType.registries, ResourceType.diagnosticSettings].sorted())
        let settings = try #require(related.first { $0.isOfType(ResourceType.diagnosticSettings) })
        #expect(settings.resource.child("scope")?.node.string == "Microsoft.ContainerService/managedClusters/aks-symbolic")
    }

    @Test("pools that cannot be known add an indeterminate result beside the pools that can")
    func unknownPools() throws {
        let template = #"""
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
             "parameters": {"pools": {"type": "array"}},
             "resources": [
               {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                "properties": {"agentPoolProfiles": "[parameters('pools')]"}},
               {"type": "Microsoft.ContainerService/managedClusters/agentPools", "apiVersion": "2025-10-01", "name": "aks/edge",
                "properties": {"enableNodePublicIP": true}}]}
            """#
        let loaded = try InputLoader.load(Array(template.utf8))
        let results = try LintEngine(rules: [NoNodePublicIP()]).evaluate(loaded, path: "t.json")
        #expect(results.map(\.state) == [.fail, .indeterminate])
        #expect(results[0].subject == .agentPool("edge"))
        #expect(results[1].unresolvedExpression == "[parameters('pools')]")
    }

    @Test("child resources nested in their cluster join it: agent pools and provider-scoped diagnostic settings")
    func nestedChildren() throws {
        let template = #"""
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
             "resources": [
               {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {},
                "resources": [
                  {"type": "agentPools", "apiVersion": "2025-10-01", "name": "user", "properties": {"enableNodePublicIP": true}},
                  {"type": "providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "Microsoft.Insights/audit",
                   "properties": {"logs": [{"category": "kube-audit", "enabled": true}]}}]}]}
            """#
        let loaded = try InputLoader.load(Array(template.utf8))
        let cluster = try #require(loaded.clusters.first)
        #expect(cluster.agentPools.map(\.displayName) == ["user"])
        #expect(cluster.relatedResources.map(\.type) == [ResourceType.diagnosticSettings])
        #expect(cluster.relatedResources.first?.name == "aks/Microsoft.Insights/audit")
    }

    @Test("a property absent from a template resource points at its properties object")
    func absentLocation() throws {
        let (_, findings) = try lint("arm/public-cluster.json")
        let entra = try #require(findings.first { $0.ruleId == "AKS401" })
        #expect(entra.location.region.start == SourcePosition(line: 28, column: 21))
        #expect(entra.location.jsonPath == "$.resources[0].properties")
    }
}

/// Every template in the shared corpus loads without error.
@Suite("Corpus templates")
struct CorpusTemplateTests {
    static let folders = ["quickstart-templates", "checkov-fixtures/arm", "bicep"]

    @Test("every template in the corpus loads, and every cluster gets a result from every rule (node pools alone from every node-pool rule)", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)), arguments: folders)
    func templates(folder: String) throws {
        var templates = 0
        for path in try jsonFiles(under: Paths.corpus + "/" + folder) {
            let loaded = try InputLoader.load(readBytes(path))
            guard loaded.format == .armTemplate else { continue }
            templates += 1
            let findings = try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: path)
            for cluster in loaded.clusters {
                let rules = Set(findings.filter { $0.cluster.identity == ClusterReference(cluster).identity }.map(\.ruleId))
                let expected = BuiltinRules.all.filter { !cluster.isPoolsOnly || $0.metadata.judgesNodePools }.count
                #expect(rules.count == expected, "\(path): \(cluster.displayName)")
            }
        }
        #expect(templates > 0)
    }

    private func jsonFiles(under directory: String) throws -> [String] {
        var files: [String] = []
        for name in try directoryEntries(directory) {
            let path = directory + "/" + name
            if name.hasSuffix(".json") { files.append(path) } else if !name.contains(".") { files += try jsonFiles(under: path) }
        }
        return files
    }
}
