import AKSLintCore

/// AKS907: system pools keep at least three nodes.
package struct SystemPoolMinimumNodes: Rule {
    package init() {}

    /// The fewest nodes PSRule for Azure accepts in a system pool.
    static let minimum = 3

    package let metadata = RuleMetadata(
        id: "AKS907",
        name: "system-pool-min-nodes",
        title: "System node pools keep at least three nodes",
        severity: .medium,
        category: .reliability,
        checks: "each system pool's minCount (with enableAutoScaling) or count",
        absentMeans: "count 1 (the REST API's default): the rule fails. User pools are not applicable (AKS908).",
        rationale: """
            CoreDNS, metrics-server, konnectivity and the security add-ons run on the system pool. With fewer than \
            three nodes one node failure or upgrade leaves them without room to reschedule, and the whole \
            cluster loses name resolution and policy enforcement. Three nodes, ideally one per zone, keep them \
            running. akslint runs this reliability rule only when asked (`--rules all` or `reliability`).
            """,
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --enable-cluster-autoscaler --min-count 3 --max-count 5",
            template: "properties.agentPoolProfiles[] (mode System): {\"count\": 3} or {\"enableAutoScaling\": true, \"minCount\": 3}",
            bicep: "agentPoolProfiles: [ { name: '{pool}', mode: 'System', count: 3 } ]",
            terraform: "node_count = 3   # in default_node_pool (min_count = 3 with auto-scaling)"),
        references: [Reference("Manage system node pools in AKS", "https://learn.microsoft.com/azure/aks/use-system-pools"), Reference("PSRule for Azure: Azure.AKS.MinNodeCount", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.MinNodeCount/")],
        peers: [.psrule("Azure.AKS.MinNodeCount", "AZR-000024")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("three system nodes", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "count": 3}]}}
                """#),
            RuleExample("one system node", .fails(at: "$.agentPoolProfiles[0].count"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "mode": "System", "count": 1, "enableAutoScaling": false}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "system pools keep three nodes") { pool in
            let name = pool.quotedName
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "system pool \(name) keeps \(Self.minimum) nodes" }
            if let skipped = cluster.resultUnlessSystemPool(pool, claim: question(), property: pool.canonicalPrefix + ".count") { return skipped }
            guard let (nodes, setting) = pool.minimumNodes(question: question()) else { return pool.unknownNodeCount(question: question()) }
            if nodes >= Self.minimum {
                return setting.result(.pass, "System pool \(name) keeps at least \(nodes) nodes (\(setting.describedValue)).", subject: .agentPool(pool.displayName))
            }
            let described = setting.reading.isAbsent ? "count is not set, and AKS creates 1 node" : setting.describedValue
            return setting.result(.fail, "System pool \(name) can run with \(nodes) node\(nodes == 1 ? "" : "s") (\(described)): one node failure or upgrade leaves CoreDNS and the security add-ons nowhere to run.", subject: .agentPool(pool.displayName))
        }
    }
}
