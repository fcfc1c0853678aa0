import AKSLintCore

/// AKS909: node pools use ephemeral OS disks.
package struct EphemeralOSDisk: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS909",
        name: "ephemeral-os-disk",
        title: "Node pools use ephemeral OS disks",
        severity: .low,
        category: .reliability,
        checks: "each pool's osDiskType",
        absentMeans: "AKS picks Ephemeral when the VM size has a large enough cache or temporary disk, else Managed: the rule passes, as PSRule for Azure does. An explicit Managed fails.",
        rationale: """
            An ephemeral OS disk lives on the VM host's local storage: nodes re-image and scale faster, OS disk \
            latency is lower, and there is no managed disk to pay for or to throttle under load. Nodes are \
            stateless, so nothing is lost when the disk is. PSRule for Azure reports this as a reliability \
            warning; akslint runs it only when asked (`--rules all` or `reliability`).
            """,
        risk: "nodes re-image and scale more slowly, and the OS disk is throttled and billed.",
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-pool> --node-osdisk-type Ephemeral",
            template: #"properties.agentPoolProfiles[].osDiskType: "Ephemeral""#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', osDiskType: 'Ephemeral' } ]",
            terraform: "os_disk_type = \"Ephemeral\"   # unset, azurerm sends Managed",
            disruption: .newNodePool,
            notes: "The VM size's cache or temporary disk must hold the OS disk (osDiskSizeGB)."),
        references: [Reference("Ephemeral OS disks for AKS", "https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk"), Reference("PSRule for Azure: Azure.AKS.EphemeralOSDisk", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.EphemeralOSDisk/")],
        peers: [.psrule("Azure.AKS.EphemeralOSDisk", "AZR-000287"), .checkov("CKV_AZURE_226", note: "reads agentPoolProfiles[0] only")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("ephemeral", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "osDiskType": "Ephemeral"}]}}
                """#),
            RuleExample("managed", .fails(at: "$.agentPoolProfiles[0].osDiskType"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "osDiskType": "Managed"}]}
                """#),
            RuleExample("not set: AKS picks ephemeral where the VM size allows", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "vmSize": "Standard_D4ds_v5"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "pools use ephemeral OS disks") { pool in
            let name = pool.quotedName
            let setting = pool.string("osDiskType")
            return setting.judgeChoice(
                secureValues: ["Ephemeral"], absentIsSecure: true,
                question: "pool \(name) uses an ephemeral OS disk",
                pass: "Node pool \(name) uses an ephemeral OS disk (\(setting.reading.isAbsent ? "osDiskType is not set, and AKS picks Ephemeral where the VM size allows" : setting.describedValue)).",
                verdict: "Node pool \(name) uses a managed OS disk",
                subject: .agentPool(pool.displayName))
        }
    }
}
