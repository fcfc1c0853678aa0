import AKSLintCore

/// AKS304: node temp disks and caches are encrypted at the host.
package struct EncryptionAtHost: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS304",
        name: "encryption-at-host",
        title: "Every node pool encrypts temporary disks and caches at the host",
        severity: .medium,
        category: .dataProtection,
        checks: "properties.agentPoolProfiles[].enableEncryptionAtHost, and each child agentPools resource's properties.enableEncryptionAtHost",
        absentMeans: "Encryption at host is off (the platform default): the rule fails for that pool.",
        rationale: """
            Managed OS disks are encrypted at rest, but a node's temporary disk, its disk caches and ephemeral OS \
            disks are not unless encryption at host is on. Container images, emptyDir volumes, logs and swapped \
            memory land there, including secrets workloads write to scratch space. Encryption at host encrypts \
            them on the Azure host before they reach storage.
            """,
        risk: "temporary disks, caches and ephemeral OS disks (images, emptyDir volumes, logs) are stored unencrypted.",
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-pool-name> --enable-encryption-at-host",
            template: "properties.agentPoolProfiles[].enableEncryptionAtHost: true",
            bicep: "agentPoolProfiles: [ { name: '{pool}', enableEncryptionAtHost: true } ]",
            terraform: "host_encryption_enabled = true   # in default_node_pool, or in the azurerm_kubernetes_cluster_node_pool of pool {pool} (3.x: enable_host_encryption)",
            disruption: .newNodePool,
            notes: "Register the EncryptionAtHost feature on the subscription first (`az feature register --namespace Microsoft.Compute --name EncryptionAtHost`). Then move workloads from {pool} to the new pool and delete it."),
        references: [Reference("Host-based encryption on AKS", "https://learn.microsoft.com/azure/aks/enable-host-encryption")],
        peers: [.checkov("CKV_AZURE_227", note: "ARM reads only the first inline pool"), .azurePolicy("41425d9f", "Temp disks and cache for agent node pools in Azure Kubernetes Service clusters should be encrypted at host")],
        controls: [.mcsb("DP-4")],
        judgesNodePools: true,
        examples: [
            RuleExample("every pool encrypted", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "enableEncryptionAtHost": true}, {"name": "apps", "enableEncryptionAtHost": true}]}}
                """#),
            RuleExample("one pool without", .fails(at: "$.properties.agentPoolProfiles[1]"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "enableEncryptionAtHost": true}, {"name": "apps"}]}}
                """#),
            RuleExample("az casing, explicitly off", .fails(at: "$.agentPoolProfiles[0].enableEncryptionAtHost"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "enableEncryptionAtHost": false}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "node pools encrypt at host") { pool in
            let setting = pool.bool("enableEncryptionAtHost")
            return setting.judge(
                secureValue: true, absentIsSecure: false,
                question: "pool \(pool.quotedName) encrypts at host",
                pass: "Node pool \(pool.quotedName) encrypts at host (\(setting.describedValue)).",
                verdict: "Node pool \(pool.quotedName) does not encrypt at host",
                subject: .agentPool(pool.displayName))
        }
    }
}
