import AKSLintCore

/// AKS701: nobody can SSH into Linux nodes.
package struct NodeSSHDisabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS701",
        name: "node-ssh-disabled",
        title: "SSH access to Linux nodes is disabled",
        severity: .medium,
        category: .nodePools,
        checks: "each Linux pool's securityProfile.sshAccess",
        absentMeans: "LocalUser (the platform default): SSH works with the cluster's key, so the rule fails. Windows pools are not applicable.",
        rationale: """
            With SSH enabled, whoever holds the cluster's SSH private key (set once at creation and rarely rotated) \
            gets a root-capable shell on every node, outside Kubernetes RBAC and its audit log. Disabling SSH removes \
            the daemon's access path; debugging still works through `kubectl debug node/...`, which is authorized \
            and audited by the API server.
            """,
        risk: "whoever holds the cluster's SSH key gets a shell on every node, outside Kubernetes RBAC and its audit log.",
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --ssh-access disabled",
            template: #"properties.agentPoolProfiles[].securityProfile.sshAccess: "Disabled""#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', securityProfile: { sshAccess: 'Disabled' } } ]",
            terraform: "resource \"azapi_update_resource\" \"ssh_{pool}\" {\n  type        = \"Microsoft.ContainerService/managedClusters/agentPools@2025-10-01\"\n  resource_id = \"${azurerm_kubernetes_cluster.this.id}/agentPools/{pool}\"\n  body        = { properties = { securityProfile = { sshAccess = \"Disabled\" } } }\n}   # azurerm has no attribute for it",
            notes: "The change re-images the pool's nodes. Use `kubectl debug node/<node> -it --image=mcr.microsoft.com/cbl-mariner/busybox:2.0` for node access."),
        references: [Reference("Manage SSH for secure access to AKS nodes", "https://learn.microsoft.com/azure/aks/manage-ssh-node-access")],
        peers: [.azurePolicy("28257686", "Azure Kubernetes Clusters should disable SSH")],
        controls: [.mcsb("PA-7"), .mcsb("PV-4")],
        judgesNodePools: true,
        examples: [
            RuleExample("SSH disabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "osType": "Linux", "securityProfile": {"sshAccess": "Disabled"}}]}}
                """#),
            RuleExample("LocalUser", .fails(at: "$.properties.agentPoolProfiles[0].securityProfile.sshAccess"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "securityProfile": {"sshAccess": "LocalUser"}}]}}
                """#),
            RuleExample("not set on a Linux pool; a Windows pool is not applicable", .fails(at: "$.properties.agentPoolProfiles[0]"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system"}, {"name": "win", "osType": "Windows"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "SSH to nodes is disabled") { pool in
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "SSH to the nodes of pool \(pool.quotedName) is disabled" }
            guard let linux = pool.isLinux else { return pool.unknownApplicability(question(), because: "osType", property: pool.canonicalPrefix + ".securityProfile.sshAccess") }
            guard linux else { return pool.notApplicable("Not applicable: pool \(pool.quotedName) runs Windows.", property: pool.canonicalPrefix + ".securityProfile.sshAccess") }
            let setting = pool.string("securityProfile", "sshAccess")
            return setting.judgeChoice(
                secureValues: ["Disabled"], absentIsSecure: false,
                question: question(),
                pass: "SSH to the nodes of pool \(pool.quotedName) is disabled (\(setting.describedValue)).",
                verdict: "SSH to the nodes of pool \(pool.quotedName) is enabled",
                subject: .agentPool(pool.displayName))
        }
    }
}
