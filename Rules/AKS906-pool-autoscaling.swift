import AKSLintCore

/// AKS906: scale set pools scale with demand.
package struct PoolAutoscaling: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS906",
        name: "pool-autoscaling",
        title: "Node pools on virtual machine scale sets use the cluster autoscaler",
        severity: .low,
        category: .reliability,
        checks: "each pool's enableAutoScaling (pools whose type is VirtualMachineScaleSets, the default)",
        absentMeans: "Autoscaling off (the platform default): the rule fails. Availability set pools, which cannot autoscale, are not applicable.",
        rationale: """
            A pool with a fixed node count either wastes capacity or runs out of it: pods stay Pending during a \
            spike and node failures are not replaced by new capacity. The cluster autoscaler adds and removes \
            nodes between minCount and maxCount as pods need them. PSRule for Azure counts this as reliability; \
            akslint runs it only when asked (`--rules all` or `reliability`).
            """,
        risk: "pods stay Pending when demand grows, and failed capacity is not replaced.",
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --enable-cluster-autoscaler --min-count 3 --max-count 10",
            template: "properties.agentPoolProfiles[]: {\"enableAutoScaling\": true, \"minCount\": 3, \"maxCount\": 10}",
            bicep: "agentPoolProfiles: [ { name: '{pool}', enableAutoScaling: true, minCount: 3, maxCount: 10 } ]",
            terraform: "auto_scaling_enabled = true   # 3.x: enable_auto_scaling\nmin_count            = 3\nmax_count            = 10"),
        references: [Reference("Use the cluster autoscaler in AKS", "https://learn.microsoft.com/azure/aks/cluster-autoscaler"), Reference("PSRule for Azure: Azure.AKS.AutoScaling", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.AutoScaling/")],
        peers: [.psrule("Azure.AKS.AutoScaling", "AZR-000019")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("autoscaling", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "enableAutoScaling": true, "minCount": 3, "maxCount": 5}]}}
                """#),
            RuleExample("a fixed count", .fails(at: "$.agentPoolProfiles[0].enableAutoScaling"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "count": 3, "enableAutoScaling": false, "type": "VirtualMachineScaleSets"}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "pools autoscale") { pool in
            let name = pool.quotedName
            let type = pool.vmSetType
            if let undecidable = type.undecidableResult("pool \(name) autoscales", subject: .agentPool(pool.displayName)) { return undecidable }
            if let value = type.reading.value, value.equalsIgnoringASCIICase("AvailabilitySet") {
                return pool.notApplicable("Not applicable: pool \(name) is an availability set, which cannot autoscale (AKS911 reports it).", property: pool.canonicalPrefix + ".enableAutoScaling")
            }
            let setting = pool.bool("enableAutoScaling")
            return setting.judge(
                secureValue: true, absentIsSecure: false,
                question: "pool \(name) autoscales",
                pass: "Node pool \(name) autoscales (\(setting.describedValue)).",
                verdict: "Node pool \(name) has a fixed size",
                subject: .agentPool(pool.displayName))
        }
    }
}
