import AKSLintCore

/// AKS910: nodes can run enough pods.
package struct MinimumMaxPods: Rule {
    package init() {}

    /// The least maxPods PSRule for Azure accepts by default.
    static let minimum = 50

    package let metadata = RuleMetadata(
        id: "AKS910",
        name: "minimum-max-pods",
        title: "Node pools allow at least 50 pods per node",
        severity: .low,
        category: .reliability,
        checks: "each pool's maxPods; when absent, the default of the cluster's networkProfile.networkPlugin and networkPluginMode",
        absentMeans: "The network plugin's default: 110 for kubenet, 250 for Azure CNI Overlay (pass); 30 for Azure CNI in node subnet mode (fail). With no plugin set, or bring-your-own CNI (none), the default is not known: indeterminate.",
        rationale: """
            maxPods can only be set when a pool is created. With a low limit (Azure CNI's old default of 30) the \
            DaemonSets AKS and its add-ons run take a large share of every node, the scheduler leaves CPU and \
            memory idle, and the pool needs more nodes than the workload does. PSRule for Azure requires at least \
            50; akslint runs this rule only when asked (`--rules all` or `reliability`).
            """,
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-pool> --max-pods 110",
            template: "properties.agentPoolProfiles[].maxPods: 110",
            bicep: "agentPoolProfiles: [ { name: '{pool}', maxPods: 110 } ]",
            terraform: "max_pods = 110",
            disruption: .newNodePool,
            notes: "With Azure CNI in node subnet mode, every pod takes a subnet address: size the subnet for maxPods × nodes (AKS902)."),
        references: [Reference("Maximum pods per node in AKS", "https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning#maximum-pods-per-node"), Reference("PSRule for Azure: Azure.AKS.NodeMinPods", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.NodeMinPods/")],
        peers: [.psrule("Azure.AKS.NodeMinPods", "AZR-000018"), .checkov("CKV_AZURE_168", note: "reads agentPoolProfiles[0] only and assumes 30 when absent")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("110 pods", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "maxPods": 110}]}}
                """#),
            RuleExample("30 pods", .fails(at: "$.agentPoolProfiles[0].maxPods"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "maxPods": 30}]}
                """#),
            RuleExample("not set, Azure CNI Overlay: 250 by default", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay"}, "agentPoolProfiles": [{"name": "system"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "pools allow enough pods per node") { pool in
            let name = pool.quotedName
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "pool \(name) allows \(Self.minimum) pods per node" }
            let setting = pool.number("maxPods")
            if let undecidable = setting.undecidableResult(question(), subject: .agentPool(pool.displayName)) { return undecidable }
            let limit: Int
            let described: String
            if let value = setting.reading.value {
                limit = Int(value)
                described = setting.describedValue
            } else {
                switch defaultMaxPods(cluster) {
                case .known(let value, let why):
                    limit = value
                    described = "maxPods is not set, and the default for \(why) is \(value)"
                case .unknown(let result):
                    return result ?? setting.result(.indeterminate, "Cannot tell whether \(question()): maxPods is not set, and the default of the cluster's network plugin (if any) is not one akslint knows.", subject: .agentPool(pool.displayName))
                }
            }
            if limit >= Self.minimum {
                return setting.result(.pass, "Node pool \(name) allows \(limit) pods per node (\(described)).", subject: .agentPool(pool.displayName))
            }
            return setting.result(.fail, "Node pool \(name) allows only \(limit) pods per node (\(described)): system DaemonSets take a large share of each node, and the pool needs more nodes than its workload does.", subject: .agentPool(pool.displayName))
        }
    }

    private enum DefaultLimit {
        case known(Int, String)
        case unknown(RuleResult?)
    }

    /// The maxPods AKS gives a pool that does not set it, by network plugin.
    private func defaultMaxPods(_ cluster: ClusterResource) -> DefaultLimit {
        let plugin = cluster.string("networkProfile", "networkPlugin")
        let mode = cluster.string("networkProfile", "networkPluginMode")
        if let undecidable = plugin.undecidableResult("the default maxPods is enough") ?? mode.undecidableResult("the default maxPods is enough") { return .unknown(undecidable) }
        guard let value = plugin.reading.value else { return .unknown(nil) }
        if value.equalsIgnoringASCIICase("kubenet") { return .known(110, "kubenet") }
        if value.equalsIgnoringASCIICase("azure") {
            return mode.reading.value?.equalsIgnoringASCIICase("overlay") == true ? .known(250, "Azure CNI Overlay") : .known(30, "Azure CNI in node subnet mode")
        }
        return .unknown(nil)
    }
}
