import AKSLintCore

/// AKS911: node pools run on virtual machine scale sets.
package struct ScaleSetPools: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS911",
        name: "scale-set-pools",
        title: "Node pools run on virtual machine scale sets, not availability sets",
        severity: .medium,
        category: .reliability,
        checks: "each pool's type",
        absentMeans: "VirtualMachineScaleSets (the platform default): the rule passes. AvailabilitySet fails; VirtualMachines (the newer pool type) passes.",
        rationale: """
            Availability set pools are a legacy model: they support one pool per cluster, no autoscaling, no \
            availability zones, and no Standard load balancer features, and AKS retires them along with the \
            Basic load balancer. Scale set pools (the default) support all of these. akslint runs this \
            reliability rule only when asked (`--rules all` or `reliability`).
            """,
        risk: "it cannot autoscale, span zones or share the cluster with other pools.",
        remediation: Remediation(
            azCommand: nil,
            template: #"properties.agentPoolProfiles[].type: "VirtualMachineScaleSets""#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', type: 'VirtualMachineScaleSets' } ]",
            terraform: "type = \"VirtualMachineScaleSets\"   # in default_node_pool (the default)",
            disruption: .newCluster,
            notes: "An availability set cluster must be migrated (the Basic load balancer retirement guide covers it) or recreated."),
        references: [Reference("Create node pools in AKS (scale set pools)", "https://learn.microsoft.com/azure/aks/create-node-pools"), Reference("PSRule for Azure: Azure.AKS.PoolScaleSet", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.PoolScaleSet/")],
        peers: [.psrule("Azure.AKS.PoolScaleSet", "AZR-000017"), .checkov("CKV_AZURE_169", note: "reads agentPoolProfiles[0] only")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("scale sets", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "type": "VirtualMachineScaleSets"}, {"name": "user"}]}}
                """#),
            RuleExample("availability set", .fails(at: "$.agentPoolProfiles[0].type"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "type": "AvailabilitySet"}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "pools run on scale sets") { pool in
            let name = pool.quotedName
            let setting = pool.vmSetType
            return setting.judgeChoice(
                secureValues: ["VirtualMachineScaleSets", "VirtualMachines"], absentIsSecure: true,
                question: "pool \(name) runs on scale sets",
                pass: "Node pool \(name) runs on \(setting.reading.isAbsent ? "virtual machine scale sets (type is not set, and that is the default)" : setting.describedValue).",
                verdict: "Node pool \(name) runs on an availability set",
                subject: .agentPool(pool.displayName))
        }
    }
}
