import AKSLintCore

/// AKS602: node operating systems receive security updates automatically.
public struct NodeOSAutoUpgrade: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "AKS602",
        name: "node-os-auto-upgrade",
        title: "Node operating systems receive security updates automatically",
        severity: .medium,
        category: .lifecycle,
        checks: "properties.autoUpgradeProfile.nodeOSUpgradeChannel",
        absentMeans: "NodeImage (the platform default): the rule passes. None and Unmanaged fail.",
        rationale: """
            Node images carry the kernel, container runtime and OS packages, where most exploitable \
            vulnerabilities of a cluster are. `NodeImage` rolls nodes to a patched image weekly and \
            `SecurityPatch` applies security updates in place; `None` leaves nodes unpatched and `Unmanaged` \
            leaves patching to an OS mechanism AKS does not coordinate with upgrades or maintenance windows.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --node-os-upgrade-channel NodeImage",
            template: #"properties.autoUpgradeProfile.nodeOSUpgradeChannel: "NodeImage""#,
            bicep: "autoUpgradeProfile: { nodeOSUpgradeChannel: 'NodeImage' }"),
        references: [Reference("Autoupgrade node OS images", "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image")],
        peerIDs: ["Azure.AKS.NodeAutoUpgrade", "Azure Policy 04408ca5 (AKS clusters should enable node OS auto-upgrade)"],
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
        ])

    public func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("autoUpgradeProfile", "nodeOSUpgradeChannel")
        return [setting.judgeChoice(
            secureValues: ["SecurityPatch", "NodeImage"], absentIsSecure: true,
            question: "node OS auto-upgrade is on",
            pass: "Node images are patched automatically (\(setting.reading.isAbsent ? "nodeOSUpgradeChannel is not set, and AKS defaults to NodeImage" : setting.describedValue)).",
            verdict: "Node OS auto-upgrade is off",
            risk: "kernel and OS package vulnerabilities on the nodes stay open until someone patches them by hand.")]
    }
}
