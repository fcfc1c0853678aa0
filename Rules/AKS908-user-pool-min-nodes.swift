import AKSLintCore

/// AKS908: user pools keep at least three nodes.
package struct UserPoolMinimumNodes: Rule {
    package init() {}

    /// The fewest nodes PSRule for Azure accepts in a user pool.
    static let minimum = 3

    package let metadata = RuleMetadata(
        id: "AKS908",
        name: "user-pool-min-nodes",
        title: "User node pools keep at least three nodes",
        severity: .low,
        category: .reliability,
        checks: "each user pool's minCount (with enableAutoScaling) or count; Spot pools are not applicable",
        absentMeans: "count 1 (the REST API's default): the rule fails. System pools (AKS907) and Spot pools, which can be evicted at any time anyway, are not applicable.",
        rationale: """
            A user pool of one or two nodes cannot spread a workload's replicas, so a node failure or a node image \
            upgrade takes the workload down. Three nodes let a deployment keep serving through the loss of one. \
            Pools that scale from zero for batch work can suppress this rule. akslint runs it only when asked \
            (`--rules all` or `reliability`).
            """,
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --enable-cluster-autoscaler --min-count 3 --max-count 10",
            template: "properties.agentPoolProfiles[] (mode User): {\"count\": 3} or {\"enableAutoScaling\": true, \"minCount\": 3}",
            bicep: "agentPoolProfiles: [ { name: '{pool}', mode: 'User', count: 3 } ]",
            terraform: "node_count = 3   # in the node pool {pool} (min_count = 3 with auto-scaling)"),
        references: [Reference("Create node pools in AKS", "https://learn.microsoft.com/azure/aks/create-node-pools"), Reference("PSRule for Azure: Azure.AKS.MinUserPoolNodes", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.MinUserPoolNodes/")],
        peers: [.psrule("Azure.AKS.MinUserPoolNodes", "AZR-000412")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("three user nodes", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "count": 3}, {"name": "apps", "mode": "User", "enableAutoScaling": true, "minCount": 3, "maxCount": 9}]}}
                """#),
            RuleExample("a two-node user pool", .fails(at: "$.properties.agentPoolProfiles[1].count"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "count": 3}, {"name": "apps", "mode": "User", "count": 2}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "user pools keep three nodes") { pool in
            let name = pool.quotedName
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "user pool \(name) keeps \(Self.minimum) nodes" }
            let property = pool.canonicalPrefix + ".count"
            guard let system = cluster.isSystemPool(pool) else { return pool.unknownApplicability(question(), because: "mode", property: property) }
            if system { return pool.notApplicable("Not applicable: pool \(name) is a system pool (AKS907).", property: property) }
            if pool.isSpot { return pool.notApplicable("Not applicable: pool \(name) runs on Spot VMs, which can be evicted at any time.", property: property) }
            guard let (nodes, setting) = pool.minimumNodes(question: question()) else { return pool.unknownNodeCount(question: question()) }
            if nodes >= Self.minimum {
                return setting.result(.pass, "User pool \(name) keeps at least \(nodes) nodes (\(setting.describedValue)).", subject: .agentPool(pool.displayName))
            }
            let described = setting.reading.isAbsent ? "count is not set, and AKS creates 1 node" : setting.describedValue
            return setting.result(.fail, "User pool \(name) can run with \(nodes) node\(nodes == 1 ? "" : "s") (\(described)): a node failure or image upgrade takes its workloads down.", subject: .agentPool(pool.displayName))
        }
    }
}
