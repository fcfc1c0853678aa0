import AKSLintCore

/// AKS706: node pools run FIPS 140 validated images.
package struct FIPSNodeImages: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS706",
        name: "fips-node-images",
        title: "Node pools run FIPS 140 validated operating system images",
        severity: .info,
        category: .nodePools,
        checks: "each pool's enableFIPS",
        absentMeans: "FIPS is off (the platform default), and the rule reports it (info).",
        rationale: """
            A FIPS-enabled pool runs a node image whose cryptographic modules are FIPS 140 validated, which \
            regulated workloads (FedRAMP, US government, many financial controls) must use. It is a compliance \
            requirement rather than a vulnerability, so the rule informs; teams that need FIPS can raise its \
            severity in `.akslint.json`. FIPS can only be chosen when a pool is created.
            """,
        risk: "its cryptographic modules are not FIPS 140 validated, which regulated workloads require.",
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-pool> --enable-fips-image",
            template: "properties.agentPoolProfiles[].enableFIPS: true",
            bicep: "agentPoolProfiles: [ { name: '{pool}', enableFIPS: true } ]",
            terraform: "fips_enabled = true   # in default_node_pool, or in the node pool {pool}",
            disruption: .newNodePool),
        references: [Reference("Enable FIPS for AKS node pools", "https://learn.microsoft.com/azure/aks/enable-fips-nodes")],
        peers: [],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("FIPS pool", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "enableFIPS": true}]}}
                """#),
            RuleExample("az output, FIPS off", .fails(at: "$.agentPoolProfiles[0].enableFips"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "enableFips": false}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "node pools run FIPS images") { pool in
            let setting = pool.bool("enableFIPS")
            let name = pool.quotedName
            return setting.judge(
                secureValue: true, absentIsSecure: false,
                question: "pool \(name) runs a FIPS image",
                pass: "Node pool \(name) runs a FIPS 140 validated image (\(setting.describedValue)).",
                verdict: "Node pool \(name) does not run a FIPS image",
                subject: .agentPool(pool.displayName))
        }
    }
}
