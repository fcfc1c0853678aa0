import AKSLintCore

/// AKS903: node pools run the control plane's Kubernetes minor version.
package struct PoolVersion: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS903",
        name: "pool-version",
        title: "Node pools run the same Kubernetes minor version as the control plane",
        severity: .low,
        category: .reliability,
        checks: "each pool's currentOrchestratorVersion (else orchestratorVersion) against properties.currentKubernetesVersion (else kubernetesVersion)",
        absentMeans: "A pool without a version runs the control plane's: it passes. A cluster without a version cannot be compared: indeterminate for pools that set one.",
        rationale: """
            Kubernetes supports kubelets up to three minor versions older than the API server, but AKS only \
            upgrades the control plane when every pool is within its supported skew, and a pool left behind \
            misses the fixes of the newer version and blocks the next cluster upgrade. Upgrading pools with the \
            control plane keeps the cluster on one tested combination.
            """,
        remediation: Remediation(
            azCommand: "az aks nodepool upgrade -g {resourceGroup} --cluster-name {name} -n {pool} --kubernetes-version <control-plane-version>",
            template: "properties.agentPoolProfiles[].orchestratorVersion equal to properties.kubernetesVersion (or omitted)",
            bicep: "agentPoolProfiles: [ { name: '{pool}', orchestratorVersion: kubernetesVersion } ]",
            terraform: "orchestrator_version = var.kubernetes_version   # in default_node_pool and each node pool, with kubernetes_version"),
        references: [Reference("Upgrade an AKS cluster: node pool version skew", "https://learn.microsoft.com/azure/aks/upgrade-aks-cluster"), Reference("PSRule for Azure: Azure.AKS.PoolVersion", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.PoolVersion/")],
        peers: [.psrule("Azure.AKS.PoolVersion", "AZR-000016")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("same minor version", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"kubernetesVersion": "1.34.2", "agentPoolProfiles": [{"name": "system", "orchestratorVersion": "1.34.1"}, {"name": "user"}]}}
                """#),
            RuleExample("a pool one minor version behind", .fails(at: "$.agentPoolProfiles[1].currentOrchestratorVersion"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "currentKubernetesVersion": "1.34.2",
                 "agentPoolProfiles": [{"name": "system", "currentOrchestratorVersion": "1.34.2"}, {"name": "legacy", "currentOrchestratorVersion": "1.33.5"}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let current = cluster.string("currentKubernetesVersion")
        let control = current.reading.isAbsent ? cluster.string("kubernetesVersion") : current
        return cluster.judgePools(question: "pools match the control plane's version") { pool in
            let name = pool.quotedName
            let currentVersion = pool.string("currentOrchestratorVersion")
            let version = currentVersion.reading.isAbsent ? pool.string("orchestratorVersion") : currentVersion
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "pool \(name) runs the control plane's minor version" }
            if let undecidable = version.undecidableResult(question(), subject: .agentPool(pool.displayName)) { return undecidable }
            guard let poolText = version.reading.value else {
                return version.result(.pass, "Node pool \(name) sets no version, so it runs the control plane's.", subject: .agentPool(pool.displayName))
            }
            if let undecidable = control.undecidableResult(question(), subject: .agentPool(pool.displayName)) { return undecidable }
            guard let controlText = control.reading.value, let controlVersion = KubernetesVersion(controlText), let poolVersion = KubernetesVersion(poolText) else {
                return version.result(.indeterminate, "Cannot tell whether \(question()): the versions cannot be compared (\(version.describedValue), \(control.describedValue)).", subject: .agentPool(pool.displayName))
            }
            if poolVersion == controlVersion {
                return version.result(.pass, "Node pool \(name) runs Kubernetes \(poolText), the control plane's minor version (\(controlText)).", subject: .agentPool(pool.displayName))
            }
            return version.result(.fail, "Node pool \(name) runs Kubernetes \(poolText) but the control plane runs \(controlText): the pool misses the newer version's fixes and blocks the next cluster upgrade.", subject: .agentPool(pool.displayName))
        }
    }
}
