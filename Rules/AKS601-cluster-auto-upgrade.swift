import AKSLintCore

/// AKS601: the cluster receives Kubernetes patch upgrades automatically.
package struct ClusterAutoUpgrade: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS601",
        name: "cluster-auto-upgrade",
        title: "An auto-upgrade channel keeps Kubernetes patched",
        severity: .medium,
        category: .lifecycle,
        checks: "properties.autoUpgradeProfile.upgradeChannel",
        absentMeans: "No channel (none): the rule fails.",
        rationale: """
            Kubernetes patch releases fix security vulnerabilities in the API server, kubelet and their \
            dependencies, and AKS drops unpatched minor versions from support. Without an auto-upgrade channel a \
            cluster stays on whatever it was created with until someone remembers it. `patch` applies patches \
            within the minor version; `stable` and `rapid` also move minor versions; `node-image` keeps only node \
            images current. Pair it with a maintenance window to control when upgrades happen.
            """,
        risk: "security patches to the API server and kubelet are applied only when someone remembers to.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --auto-upgrade-channel patch",
            template: #"properties.autoUpgradeProfile.upgradeChannel: "patch""#,
            bicep: "autoUpgradeProfile: { upgradeChannel: 'patch' }",
            terraform: "automatic_upgrade_channel = \"patch\"   # 3.x: automatic_channel_upgrade; unset, azurerm sends none",
            notes: "Add a planned maintenance window (`az aks maintenanceconfiguration add --name aksManagedAutoUpgradeSchedule ...`) to choose when upgrades run."),
        references: [Reference("Automatically upgrade an AKS cluster", "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster")],
        peers: [.checkov("CKV_AZURE_171"), .psrule("Azure.AKS.AutoUpgrade", "AZR-000036", note: "labels it MCSB PV-7, which is red-team operations; the control is PV-6"), .prowler("aks_cluster_auto_upgrade_enabled"), .azurePolicy("5c345cdf", "Azure Kubernetes Service Clusters should enable cluster auto-upgrade")],
        controls: [.mcsb("PV-6")],
        examples: [
            RuleExample("stable channel", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"autoUpgradeProfile": {"upgradeChannel": "stable"}}}
                """#),
            RuleExample("none", .fails(at: "$.properties.autoUpgradeProfile.upgradeChannel"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"autoUpgradeProfile": {"upgradeChannel": "none"}}}
                """#),
            RuleExample("az output, null", .fails(at: "$.autoUpgradeProfile.upgradeChannel"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "autoUpgradeProfile": {"nodeOsUpgradeChannel": "NodeImage", "upgradeChannel": null}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("autoUpgradeProfile", "upgradeChannel")
        return [setting.judgeChoice(
            secureValues: ["patch", "stable", "rapid", "node-image"], absentIsSecure: false,
            question: "an auto-upgrade channel is set",
            pass: "Kubernetes is upgraded automatically (\(setting.describedValue)).",
            verdict: "Cluster auto-upgrade is off")]
    }
}
