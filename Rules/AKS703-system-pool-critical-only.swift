import AKSLintCore

/// AKS703: system node pools run only critical system pods.
package struct SystemPoolCriticalOnly: Rule {
    package init() {}

    static let taint = "CriticalAddonsOnly=true:NoSchedule"

    package let metadata = RuleMetadata(
        id: "AKS703",
        name: "system-pool-critical-only",
        title: "System node pools are tainted to run only critical add-ons",
        severity: .low,
        category: .nodePools,
        checks: "each system pool's nodeTaints contains CriticalAddonsOnly=true:NoSchedule",
        absentMeans: "No taint: application pods can land on system nodes, so the rule fails. User pools are not applicable.",
        rationale: """
            System pools host CoreDNS, konnectivity, metrics-server and the security add-ons. When application \
            pods share those nodes, a compromised or noisy workload sits next to the components that keep the \
            cluster and its defences running, and can starve or attack them. The CriticalAddonsOnly taint keeps \
            ordinary pods off system nodes.
            """,
        risk: "workloads share nodes with CoreDNS and the security add-ons, and can starve or attack them.",
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --node-taints CriticalAddonsOnly=true:NoSchedule",
            template: #"properties.agentPoolProfiles[].nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"] (system pools)"#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', mode: 'System', nodeTaints: [ 'CriticalAddonsOnly=true:NoSchedule' ] } ]",
            terraform: "only_critical_addons_enabled = true   # in default_node_pool",
            notes: "Make sure a user pool exists for application pods first."),
        references: [Reference("Manage system node pools in AKS", "https://learn.microsoft.com/azure/aks/use-system-pools")],
        peers: [.checkov("CKV_AZURE_232", note: "Terraform only_critical_addons_enabled")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("tainted system pool", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "nodeTaints": ["CriticalAddonsOnly=true:NoSchedule"]}, {"name": "apps", "mode": "User"}]}}
                """#),
            RuleExample("a single pool without a mode is the system pool", .fails(at: "$.resources[0].properties.agentPoolProfiles[0]"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"agentPoolProfiles": [{"name": "agentpool", "count": 3, "vmSize": "Standard_D4ds_v5"}]}}]}
                """#),
            RuleExample("untainted system pool", .fails(at: "$.properties.agentPoolProfiles[0]"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System"}, {"name": "apps", "mode": "User"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "system pools run only critical add-ons") { pool in
            let name = pool.quotedName
            let property = pool.canonicalPrefix + ".nodeTaints"
            if let skipped = cluster.resultUnlessSystemPool(pool, claim: "pool \(name) runs only critical add-ons", property: property) { return skipped }
            let taints = pool.array("nodeTaints")
            if let undecidable = taints.undecidableResult("system pool \(name) runs only critical add-ons", subject: .agentPool(pool.displayName)) { return undecidable }
            let values = (taints.reading.value ?? []).compactMap { $0.node.string?.replacing(" ", with: "") }
            if values.contains(where: { $0.equalsIgnoringASCIICase(Self.taint) }) {
                return taints.result(.pass, "System pool \(name) runs only critical add-ons (tainted \(Self.taint)).", subject: .agentPool(pool.displayName))
            }
            return taints.result(.fail, taints.failureMessage(
                verdict: "System pool \(name) also runs application pods"), subject: .agentPool(pool.displayName))
        }
    }
}
