import AKSLintCore

/// AKS702: Linux node pools run Azure Linux.
package struct AzureLinuxNodes: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS702",
        name: "azure-linux-nodes",
        title: "Linux node pools run the Azure Linux container host",
        severity: .info,
        category: .nodePools,
        checks: "each Linux pool's osSKU",
        absentMeans: "Ubuntu (the platform default): the rule reports it. Windows pools are not applicable.",
        rationale: """
            Azure Linux is a minimal OS built by Microsoft for running containers: it ships only the packages a \
            node needs, so it has a smaller attack surface and fewer CVEs to patch than a general-purpose \
            distribution, and its images are validated by AKS before release. This is hygiene, not a \
            vulnerability. Every Azure Linux value of the REST API's `OSSKU` enum counts: `AzureLinux`, \
            `AzureLinux3`, the OS Guard variants `AzureLinuxOSGuard` and `AzureLinux3OSGuard`, and the older \
            `CBLMariner` and `Mariner` (Azure Linux 2.0, which is past its end of support: move those pools to \
            Azure Linux 3).
            """,
        risk: "a general-purpose OS ships more packages, and so more CVEs to patch, than the container-optimised host.",
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --os-sku AzureLinux",
            template: #"properties.agentPoolProfiles[].osSKU: "AzureLinux""#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', osSKU: 'AzureLinux' } ]",
            terraform: "os_sku = \"AzureLinux\"   # in default_node_pool, or in the node pool {pool}",
            notes: "The OS SKU migration re-images the pool's nodes; test workloads that depend on Ubuntu packages first."),
        references: [Reference("Use the Azure Linux container host on AKS", "https://learn.microsoft.com/azure/azure-linux/intro-azure-linux"), Reference("Azure Linux with OS Guard for AKS", "https://learn.microsoft.com/azure/azure-linux/intro-azure-linux-os-guard"), Reference("OSSKU enum of the AKS REST API (azure-rest-api-specs, managedClusters.json)", "https://github.com/Azure/azure-rest-api-specs/tree/main/specification/containerservice/resource-manager/Microsoft.ContainerService/aks")],
        peers: [],
        controls: [.mcsb("PV-4")],
        judgesNodePools: true,
        examples: [
            RuleExample("Azure Linux", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "osSKU": "AzureLinux"}]}}
                """#),
            RuleExample("Azure Linux 3 with OS Guard", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "osSKU": "AzureLinux3OSGuard"}, {"name": "user", "osSKU": "AzureLinuxOSGuard"}]}}
                """#),
            RuleExample("the older CBLMariner spelling", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "osSku": "CBLMariner", "osType": "Linux"}]}
                """#),
            RuleExample("az casing, Ubuntu", .fails(at: "$.agentPoolProfiles[0].osSku"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "osSku": "Ubuntu", "osType": "Linux"}]}
                """#),
            RuleExample("Windows pool", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "win", "osType": "Windows", "osSKU": "Windows2022"}]}}
                """#),
        ])

    /// Every Azure Linux value of the REST API's `OSSKU` enum (API 2025-10-01 and the previews).
    static let azureLinuxSKUs = ["AzureLinux", "AzureLinux3", "AzureLinuxOSGuard", "AzureLinux3OSGuard", "CBLMariner", "Mariner"]
    /// The spellings of Azure Linux 2.0.
    static let azureLinux2 = ["CBLMariner", "Mariner"]

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "Linux pools run Azure Linux") { pool in
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "pool \(pool.quotedName) runs Azure Linux" }
            guard let linux = pool.isLinux else { return pool.unknownApplicability(question(), because: "osType", property: pool.canonicalPrefix + ".osSKU") }
            guard linux else { return pool.notApplicable("Not applicable: pool \(pool.quotedName) runs Windows.", property: pool.canonicalPrefix + ".osSKU") }
            let setting = pool.string("osSKU")
            let retired = setting.reading.value.map { sku in Self.azureLinux2.contains { $0.equalsIgnoringASCIICase(sku) } } ?? false
            return setting.judgeChoice(
                secureValues: Self.azureLinuxSKUs, absentIsSecure: false,
                question: question(),
                pass: "Node pool \(pool.quotedName) runs Azure Linux (\(setting.describedValue))\(retired ? "; that is Azure Linux 2.0, past its end of support: move the pool to AzureLinux3" : "").",
                verdict: "Node pool \(pool.quotedName) does not run Azure Linux",
                subject: .agentPool(pool.displayName))
        }
    }
}
