@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// Shapes users already have besides `az aks show`: PSRule's export data with nested
/// sub-resources, node pools on their own, and templates that deploy pools into an existing cluster.
@Suite("Other input shapes")
struct InputShapeTests {
    private func lint(_ fixture: String, rules: [String]? = nil) throws -> (LoadedInput, [Finding]) {
        let loaded = try InputLoader.load(readBytes(Paths.fixture(fixture)))
        let chosen = rules.map { ids in BuiltinRules.all.filter { ids.contains($0.metadata.id) } } ?? BuiltinRules.all
        return (loaded, try LintEngine(rules: chosen, context: RuleContext(evaluationDay: CalendarDay("2026-11-24")!)).evaluate(loaded, path: fixture))
    }

    @Test("PSRule's Export-AzRuleData: the nested diagnostic setting and subnet are judged")
    func psruleExport() throws {
        let (loaded, findings) = try lint("psrule/export-azruledata.json")
        #expect(loaded.format == .psruleExport)
        #expect(loaded.clusters.map(\.name) == ["cluster-psrule"])
        #expect(loaded.clusters[0].resourceGroup == "test-rg")
        func result(_ id: String) -> Finding? { findings.first { $0.ruleId == id } }
        #expect(result("AKS502")?.state == .pass, "kube-audit-admin is enabled in the nested setting")
        #expect(result("AKS502")?.location.jsonPath == "$[0].resources[1].Properties.logs[2]")
        #expect(result("AKS504")?.state == .fail)
        #expect(result("AKS504")?.message.contains("cluster-autoscaler, AllMetrics (metrics)") == true)
        #expect(result("AKS902")?.state == .fail, "the nested /24 subnet is too small for Azure CNI")
        #expect(result("AKS950")?.state == .pass)
        #expect(result("AKS103")?.state == .fail, "the cluster's own settings under Properties are read as usual")
    }

    @Test("az aks nodepool list: the pools are linted with the node-pool rules alone, under their cluster's identity")
    func nodePoolList() throws {
        let (loaded, findings) = try lint("az/nodepool-list.json")
        #expect(loaded.format == .agentPools)
        let cluster = try #require(loaded.clusters.first)
        #expect(loaded.clusters.count == 1 && cluster.isPoolsOnly)
        #expect(cluster.name == "prod-aks" && cluster.resourceGroup == "prod-rg")
        #expect(cluster.agentPools.map(\.displayName) == ["system", "batch"])
        let ran = Set(findings.map(\.ruleId))
        #expect(ran == Set(BuiltinRules.all.filter(\.metadata.judgesNodePools).map(\.metadata.id)), "only node-pool rules run")
        #expect(findings.first { $0.ruleId == "AKS206" && $0.subject.poolName == "batch" }?.state == .fail)
        #expect(findings.first { $0.ruleId == "AKS911" && $0.subject.poolName == "batch" }?.state == .fail, "typePropertiesType is the VM set type")
        #expect(findings.first { $0.ruleId == "AKS703" && $0.subject.poolName == "system" }?.state == .pass)
        #expect(findings.first { $0.ruleId == "AKS703" && $0.subject.poolName == "batch" }?.state == .notApplicable, "a pool without its cluster is a user pool unless it says System")

        let full = try InputLoader.load(readBytes(Paths.fixture("az/prod-insecure.json")))
        #expect(ClusterReference(full.clusters[0]).identity == ClusterReference(cluster).identity, "the same cluster in another input of the run has the same identity, so reports and baselines join them")
    }

    @Test("pools and clusters in one list: a pool joins its cluster unless the cluster lists it already")
    func joinedInOneList() throws {
        let cluster = #"{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c", "name": "c", "type": "Microsoft.ContainerService/managedClusters", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System"}]}}"#
        func pool(_ name: String, cluster: String = "c") -> String {
            #"{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/\#(cluster)/agentPools/\#(name)", "name": "\#(name)", "type": "Microsoft.ContainerService/managedClusters/agentPools", "properties": {"mode": "User"}}"#
        }
        let loaded = try InputLoader.load(Array("[\(cluster), \(pool("system")), \(pool("user")), \(pool("other", cluster: "d"))]".utf8))
        #expect(loaded.clusters.map(\.name) == ["c", "d"])
        #expect(loaded.clusters[0].agentPools.map(\.displayName) == ["system", "user"])
        #expect(!loaded.clusters[0].isPoolsOnly && loaded.clusters[1].isPoolsOnly)
    }

    @Test("a template that adds pools to an existing cluster lints the pools alone")
    func orphanTemplatePools() throws {
        let (loaded, findings) = try lint("arm/orphan-pools.json")
        let cluster = try #require(loaded.clusters.first)
        #expect(cluster.isPoolsOnly && cluster.name == "shared-aks")
        #expect(loaded.warnings.contains { $0.message.contains("node pools of cluster \"shared-aks\" are deployed without the cluster") })
        #expect(findings.first { $0.ruleId == "AKS206" }?.state == .fail)
        #expect(!findings.contains { $0.ruleId == "AKS101" })
    }
}
