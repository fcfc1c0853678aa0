import AKSLintCore

/// AKS401: Microsoft Defender for Containers watches the cluster.
package struct DefenderForContainers: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS401",
        name: "defender-for-containers",
        title: "Microsoft Defender for Containers security monitoring is enabled on the cluster",
        severity: .high,
        category: .threatProtection,
        checks: "properties.securityProfile.defender.securityMonitoring.enabled (or the pre-GA properties.securityProfile.azureDefender.enabled)",
        absentMeans: "No Defender sensor on the cluster: the rule fails.",
        rationale: """
            The Defender profile deploys the Defender sensor, which reports runtime threats (crypto miners, \
            reverse shells, privilege escalation, access to the instance metadata service) and sends Kubernetes \
            audit signals to Microsoft Defender for Cloud. Without it, an attack inside the cluster raises no \
            alert. The subscription's Defender for Containers plan must also be on for alerts to be produced.
            """,
        risk: "runtime attacks in the cluster (crypto miners, reverse shells, privilege escalation) raise no alert.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-defender",
            template: #"properties.securityProfile.defender: {"logAnalyticsWorkspaceResourceId": "<workspace-id>", "securityMonitoring": {"enabled": true}}"#,
            bicep: "securityProfile: { defender: { logAnalyticsWorkspaceResourceId: '<workspace-id>', securityMonitoring: { enabled: true } } }",
            terraform: "microsoft_defender {\n  log_analytics_workspace_id = \"<workspace-id>\"\n}",
            notes: "Add `--defender-config <file>` to send data to a specific Log Analytics workspace."),
        references: [Learn.defenderForContainers, Learn.securityBaseline],
        peers: [.psrule("Azure.AKS.DefenderProfile", "AZR-000370"), .kics("beb57138", "Beta - AKS Defender Profile Disabled", note: "Terraform"), .prowler("aks_cluster_defender_enabled"), .azurePolicy("a1840de2", "Azure Kubernetes Service clusters should have Defender profile enabled"), .azurePolicy("64def556", "Configure Azure Kubernetes Service clusters to enable Defender profile", note: "DeployIfNotExists")],
        controls: [.cis("5.1.1"), .mcsb("LT-1"), .mcsb("PV-5")],
        examples: [
            RuleExample("Defender profile enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"securityProfile": {"defender": {"logAnalyticsWorkspaceResourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w", "securityMonitoring": {"enabled": true}}}}}
                """#),
            RuleExample("pre-GA azureDefender shape", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"securityProfile": {"azureDefender": {"enabled": true, "logAnalyticsWorkspaceResourceId": "/subscriptions/s/w"}}}}
                """#),
            RuleExample("monitoring disabled", .fails(at: "$.properties.securityProfile.defender.securityMonitoring.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"securityProfile": {"defender": {"securityMonitoring": {"enabled": false}}}}}
                """#),
            RuleExample("empty securityProfile", .fails(at: "$.properties.securityProfile"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"securityProfile": {}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let current = cluster.bool("securityProfile", "defender", "securityMonitoring", "enabled")
        let preview = cluster.bool("securityProfile", "azureDefender", "enabled")
        if current.reading.value == true {
            return [current.result(.pass, "Defender for Containers security monitoring is enabled (\(current.describedValue)).")]
        }
        if preview.reading.value == true {
            return [preview.result(.pass, "Defender for Containers is enabled through the pre-GA azureDefender profile (\(preview.describedValue)).")]
        }
        let question = "Defender for Containers is enabled"
        if let undecidable = current.undecidableResult(question) ?? preview.undecidableResult(question) { return [undecidable] }
        return [current.result(.fail, current.failureMessage(
            verdict: "Defender for Containers security monitoring is off"))]
    }
}
