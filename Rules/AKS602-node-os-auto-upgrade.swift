import AKSLintCore

/// AKS602: node operating systems receive security updates automatically.
package struct NodeOSAutoUpgrade: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS602",
        name: "node-os-auto-upgrade",
        title: "Node operating systems receive security updates automatically",
        severity: .medium,
        category: .lifecycle,
        checks: "properties.autoUpgradeProfile.nodeOSUpgradeChannel",
        absentMeans: "NodeImage, the default since API version 2023-06-01 (and 2023-06-02-preview): the rule passes. A template on an older API version gets that version's own default: the previews from 2022-11-02-preview to 2023-05-02-preview document Unmanaged, and versions before them have no node OS channel at all, so the nodes are left to the OS's unattended upgrades (Unmanaged); both fail, as None and Unmanaged do.",
        rationale: """
            Node images carry the kernel, container runtime and OS packages, where most exploitable \
            vulnerabilities of a cluster are. `NodeImage` rolls nodes to a patched image weekly and \
            `SecurityPatch` applies security updates in place; `None` leaves nodes unpatched and `Unmanaged` \
            leaves patching to an OS mechanism AKS does not coordinate with upgrades or maintenance windows. The \
            REST API's default changed over time: `Unmanaged` in the previews that introduced the channel, \
            `NodeImage` from the first GA version (2023-06-01), so a template is judged by its own API version.
            """,
        risk: "kernel and OS fixes reach the nodes late or never, and not through AKS's surge, drain and maintenance windows.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --node-os-upgrade-channel NodeImage",
            template: #"properties.autoUpgradeProfile.nodeOSUpgradeChannel: "NodeImage""#,
            bicep: "autoUpgradeProfile: { nodeOSUpgradeChannel: 'NodeImage' }",
            terraform: "node_os_upgrade_channel = \"NodeImage\"   # 3.x: node_os_channel_upgrade"),
        references: [Reference("Autoupgrade node OS images", "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image"), Reference("ManagedClusterAutoUpgradeProfile in the 2023-05-02-preview and 2023-06-01 API versions (bicep-types-az)", "https://github.com/Azure/bicep-types-az/tree/main/generated/containerservice/microsoft.containerservice")],
        peers: [.psrule("Azure.AKS.NodeAutoUpgrade", "AZR-000435"), .azurePolicy("04408ca5", "Azure Kubernetes Service Clusters should enable node os auto-upgrade"), .azurePolicy("40f1aee2", "Configure Node OS Auto upgrade on Azure Kubernetes Cluster", note: "DeployIfNotExists")],
        controls: [.mcsb("PV-6")],
        examples: [
            RuleExample("NodeImage", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"autoUpgradeProfile": {"nodeOSUpgradeChannel": "NodeImage"}}}
                """#),
            RuleExample("None", .fails(at: "$.properties.autoUpgradeProfile.nodeOSUpgradeChannel"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"autoUpgradeProfile": {"nodeOSUpgradeChannel": "None"}}}
                """#),
            RuleExample("not set: the platform default is NodeImage", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {}}
                """#),
            RuleExample("a template on 2023-06-01, the first version whose default is NodeImage", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2023-06-01", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("a template on a preview whose default is Unmanaged", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2023-05-02-preview", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("a template on an API version that predates the channel", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2021-03-01", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
        ])

    /// The first API versions whose default for an absent channel is NodeImage.
    static let nodeImageDefaultSince = (ga: APIVersion("2023-06-01")!, preview: APIVersion("2023-06-02-preview")!)
    /// The first (preview) API version that has the channel; its default was Unmanaged until the
    /// versions above, and no GA version before 2023-06-01 has it.
    static let channelIntroduced = APIVersion("2022-11-02-preview")!

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("autoUpgradeProfile", "nodeOSUpgradeChannel")
        if setting.reading.isAbsent, let (text, version) = cluster.templateAPIVersion {
            let since = version.isPreview ? Self.nodeImageDefaultSince.preview : Self.nodeImageDefaultSince.ga
            if version < since {
                let predatesChannel = !version.isPreview || version < Self.channelIntroduced
                let why = predatesChannel
                    ? "API version \(text) predates nodeOSUpgradeChannel, so the nodes are left to the OS's own unattended upgrades (Unmanaged)"
                    : "on API version \(text) an absent channel defaults to Unmanaged (NodeImage became the default in 2023-06-01)"
                return [setting.result(.fail, "Node OS auto-upgrade is not coordinated by AKS (\(setting.describedValue); \(why), and a new node starts unpatched)")]
            }
        }
        return [setting.judgeChoice(
            secureValues: ["SecurityPatch", "NodeImage"], absentIsSecure: true,
            question: "node OS auto-upgrade is on",
            pass: "Node images are patched automatically (\(setting.reading.isAbsent ? "nodeOSUpgradeChannel is not set, and AKS defaults to NodeImage" : setting.describedValue)).",
            verdict: "Node OS auto-upgrade is off")]
    }
}
