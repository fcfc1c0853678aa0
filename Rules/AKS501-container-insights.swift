import AKSLintCore

/// AKS501: container logs and metrics reach Azure Monitor.
package struct ContainerInsights: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS501",
        name: "container-insights",
        title: "Container insights sends container logs and metrics to Azure Monitor",
        severity: .medium,
        category: .monitoring,
        checks: "properties.addonProfiles.omsagent.enabled (also spelled omsAgent) or properties.azureMonitorProfile.containerInsights.enabled",
        absentMeans: "Neither is enabled: the rule fails.",
        rationale: """
            Without Container insights, container logs live only on the nodes and disappear with them: an incident \
            cannot be investigated after a pod is rescheduled, and there is no central record of what ran. The \
            monitoring add-on (or the newer azureMonitorProfile shape, which other tools do not recognise) ships \
            logs, events and metrics to a Log Analytics workspace with its own retention and access control.
            """,
        risk: "container logs live only on the nodes and vanish with them, so incidents cannot be investigated.",
        remediation: Remediation(
            azCommand: "az aks enable-addons -g {resourceGroup} -n {name} --addons monitoring --workspace-resource-id <log-analytics-workspace-id>",
            template: #"properties.addonProfiles.omsagent: {"enabled": true, "config": {"logAnalyticsWorkspaceResourceID": "<workspace-id>"}}"#,
            bicep: "addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '<workspace-id>' } } }",
            terraform: "oms_agent {\n  log_analytics_workspace_id      = \"<workspace-id>\"\n  msi_auth_for_monitoring_enabled = true\n}"),
        references: [Reference("Enable Container insights for AKS", "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable")],
        peers: [.checkov("CKV_AZURE_4"), .psrule("Azure.AKS.ContainerInsights", "AZR-000041", note: "reads only addonProfiles.omsAgent"), .trivy("AVD-AZU-0040"), .kics("9b09dee1", "AKS Logging To Azure Monitoring Is Disabled", note: "ARM")],
        controls: [.mcsb("LT-3"), .mcsb("LT-5")],
        examples: [
            RuleExample("monitoring add-on", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"omsagent": {"enabled": true, "config": {"logAnalyticsWorkspaceResourceID": "/subscriptions/s/w"}}}}}
                """#),
            RuleExample("azureMonitorProfile shape", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"azureMonitorProfile": {"containerInsights": {"enabled": true, "logAnalyticsWorkspaceResourceId": "/subscriptions/s/w"}}}}
                """#),
            RuleExample("Bicep casing, disabled", .fails(at: "$.properties.addonProfiles.omsAgent.enabled"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"addonProfiles": {"omsAgent": {"enabled": false}}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let addon = cluster.bool("addonProfiles", "omsagent", "enabled")
        let profile = cluster.bool("azureMonitorProfile", "containerInsights", "enabled")
        if addon.reading.value == true {
            return [addon.result(.pass, "Container insights is enabled (\(addon.describedValue)).")]
        }
        if profile.reading.value == true {
            return [profile.result(.pass, "Container insights is enabled (\(profile.describedValue)).")]
        }
        let question = "Container insights is enabled"
        if let undecidable = addon.undecidableResult(question) ?? profile.undecidableResult(question) { return [undecidable] }
        return [addon.result(.fail, addon.failureMessage(
            verdict: "Container insights is off"))]
    }
}
