import AKSLintCore

/// AKS204: `az aks command invoke` cannot run commands in the cluster.
package struct RunCommandDisabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS204",
        name: "run-command-disabled",
        title: "Run command (az aks command invoke) is disabled",
        severity: .low,
        category: .network,
        checks: "properties.apiServerAccessProfile.disableRunCommand",
        absentMeans: "Run command is enabled (the platform default): the rule fails.",
        rationale: """
            Run command lets anyone with the `Microsoft.ContainerService/managedClusters/runCommand/action` \
            permission run kubectl and helm inside the cluster through the Azure API, bypassing the private \
            network boundary of a private cluster and the network path your access controls expect. Disable it \
            unless it is your documented break-glass route.
            """,
        risk: "anyone with the runCommand permission can run kubectl in the cluster through the Azure API, around its network boundary.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --disable-run-command",
            template: "properties.apiServerAccessProfile.disableRunCommand: true",
            bicep: "apiServerAccessProfile: { disableRunCommand: true }",
            terraform: "run_command_enabled = false"),
        references: [Reference("Access a private AKS cluster using the command invoke feature", "https://learn.microsoft.com/azure/aks/access-private-cluster")],
        peers: [.azurePolicy("89f2d532", "Azure Kubernetes Service Clusters should disable Command Invoke"), .azurePolicy("1b708b0a", "Disable Command Invoke on Azure Kubernetes Service clusters", note: "DeployIfNotExists")],
        controls: [.mcsb("PA-7")],
        examples: [
            RuleExample("disabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"disableRunCommand": true}}}
                """#),
            RuleExample("not set", .fails(at: "$.properties.apiServerAccessProfile"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true}}}
                """#),
            RuleExample("az output, explicitly enabled", .fails(at: "$.apiServerAccessProfile.disableRunCommand"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "apiServerAccessProfile": {"disableRunCommand": false}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("apiServerAccessProfile", "disableRunCommand")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "run command is disabled",
            pass: "Run command is disabled (\(setting.describedValue)).",
            verdict: "Run command is enabled")]
    }
}
