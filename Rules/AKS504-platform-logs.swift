import AKSLintCore

/// AKS504: the control plane's own logs and metrics are kept.
package struct PlatformLogs: Rule {
    package init() {}

    /// The log categories PSRule for Azure requires by default.
    static let requiredCategories = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "cluster-autoscaler"]

    package let metadata = RuleMetadata(
        id: "AKS504",
        name: "platform-logs",
        title: "A diagnostic setting keeps the control plane's logs and metrics",
        severity: .low,
        category: .monitoring,
        checks: "Microsoft.Insights/diagnosticSettings scoped to the cluster (in the template, or nested in a PSRule export): logs[].category kube-apiserver, kube-controller-manager, kube-scheduler, cluster-autoscaler (or categoryGroup allLogs), and metrics[].category AllMetrics, enabled",
        absentMeans: "A category that no setting enables is missing, and the rule fails naming it. Not applicable to az aks show and REST exports, which cannot show diagnostic settings.",
        rationale: """
            The API server, controller manager, scheduler and autoscaler logs are how an incident responder \
            reconstructs what the control plane did: rejected requests, admission webhook failures, evictions, \
            scale-downs. AKS keeps none of them unless a diagnostic setting sends them to a workspace, storage \
            account or event hub. The audit log itself is AKS502.
            """,
        remediation: Remediation(
            azCommand: #"az monitor diagnostic-settings create --name aks-platform --resource $(az aks show -g {resourceGroup} -n {name} --query id -o tsv) --workspace <log-analytics-workspace-id> --logs '[{"category":"kube-apiserver","enabled":true},{"category":"kube-controller-manager","enabled":true},{"category":"kube-scheduler","enabled":true},{"category":"cluster-autoscaler","enabled":true}]' --metrics '[{"category":"AllMetrics","enabled":true}]'"#,
            template: #"a Microsoft.Insights/diagnosticSettings resource scoped to the cluster with logs kube-apiserver, kube-controller-manager, kube-scheduler, cluster-autoscaler and metrics AllMetrics enabled"#,
            bicep: "resource platform 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  scope: aks\n  name: 'aks-platform'\n  properties: {\n    workspaceId: workspace.id\n    logs: [ for category in [ 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler' ]: { category: category, enabled: true } ]\n    metrics: [ { category: 'AllMetrics', enabled: true } ]\n  }\n}",
            terraform: "resource \"azurerm_monitor_diagnostic_setting\" \"platform\" {\n  name                       = \"aks-platform\"\n  target_resource_id         = azurerm_kubernetes_cluster.this.id\n  log_analytics_workspace_id = \"<workspace-id>\"\n  dynamic \"enabled_log\" {\n    for_each = [\"kube-apiserver\", \"kube-controller-manager\", \"kube-scheduler\", \"cluster-autoscaler\"]\n    content {\n      category = enabled_log.value\n    }\n  }\n  enabled_metric {\n    category = \"AllMetrics\"\n  }\n}"),
        references: [Reference("Monitor AKS: resource logs", "https://learn.microsoft.com/azure/aks/monitor-aks#resource-logs"), Reference("PSRule for Azure: Azure.AKS.PlatformLogs", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.PlatformLogs/")],
        peers: [.psrule("Azure.AKS.PlatformLogs", "AZR-000023")],
        controls: [.mcsb("LT-3"), .mcsb("LT-4")],
        examples: [
            RuleExample("every platform category and AllMetrics", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "platform",
                    "scope": "[format('Microsoft.ContainerService/managedClusters/{0}', 'aks')]",
                    "properties": {"workspaceId": "/subscriptions/s/w", "logs": [{"categoryGroup": "allLogs", "enabled": true}], "metrics": [{"category": "AllMetrics", "enabled": true}]}}]}
                """#),
            RuleExample("only the API server log", .fails(at: "$.resources[1].properties.logs"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerService/managedClusters/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "aks/Microsoft.Insights/logs",
                    "properties": {"logs": [{"category": "kube-apiserver", "enabled": true}], "metrics": [{"category": "AllMetrics", "enabled": true}]}}]}
                """#),
            RuleExample("an az aks show export: not applicable", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": true}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        if let unseen = ClusterDiagnostics.unseen(in: cluster) { return [unseen] }
        var diagnostics = ClusterDiagnostics(cluster)
        var missing: [String] = []
        var conditions: [RuleResult] = []
        for category in Self.requiredCategories {
            if let found = diagnostics.entry(enabling: [category], orGroups: ["allLogs"]) {
                let result = ClusterDiagnostics.found(found, "")
                if result.state == .indeterminate { conditions.append(result) }
            } else {
                missing.append(category)
            }
        }
        if !metricsEnabled(diagnostics) { missing.append("AllMetrics (metrics)") }
        if missing.isEmpty, let first = conditions.first {
            return [RuleResult(state: .indeterminate, message: "The control plane's logs and metrics are kept only if a conditionally deployed diagnostic setting is deployed.", location: first.location, property: ClusterDiagnostics.property, unresolvedExpression: first.unresolvedExpression)]
        }
        if missing.isEmpty {
            return [RuleResult(state: .pass, message: "The cluster's diagnostic settings keep the control-plane logs (\(Self.requiredCategories.joined(separator: ", "))) and AllMetrics.", location: diagnostics.closest ?? cluster.properties, property: ClusterDiagnostics.property)]
        }
        if let undecided = diagnostics.undecided { return [undecided] }
        let notKept = missing
        return [RuleResult(
            state: .fail,
            message: "The cluster's control-plane logs are not all kept: no diagnostic setting enables \(notKept.joined(separator: ", ")), so an incident cannot be reconstructed from them.",
            location: diagnostics.closest ?? cluster.properties, property: ClusterDiagnostics.property, pointsAtEnclosingObject: diagnostics.closest == nil)]
    }

    private func metricsEnabled(_ diagnostics: ClusterDiagnostics) -> Bool {
        diagnostics.settings.contains { setting in
            (setting.resource.child("properties")?.child("metrics")?.elements ?? []).contains { entry in
                entry.child("category")?.node.string?.equalsIgnoringASCIICase("AllMetrics") == true && entry.bool("enabled").value != false
            }
        }
    }
}
