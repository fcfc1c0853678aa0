import AKSLintCore

/// AKS502: the API server's audit log is kept, through a diagnostic setting on the cluster.
package struct ControlPlaneAuditLogs: Rule {
    package init() {}

    /// Log categories and category groups that carry the Kubernetes audit log.
    static let auditCategories = ["kube-audit", "kube-audit-admin"]
    static let auditCategoryGroups = ["audit", "allLogs"]

    package let metadata = RuleMetadata(
        id: "AKS502",
        name: "control-plane-audit-logs",
        title: "A diagnostic setting sends the API server's audit log to a workspace",
        severity: .medium,
        category: .monitoring,
        checks: "Microsoft.Insights/diagnosticSettings resources of the same template scoped to the cluster, or nested in the cluster's export (PSRule's Export-AzRuleData): logs[].category kube-audit or kube-audit-admin (or categoryGroup audit/allLogs) enabled",
        absentMeans: "No such diagnostic setting in the template (or among the sub-resources of a PSRule Export-AzRuleData export): the rule fails. Not applicable to az aks show and REST exports, which cannot show diagnostic settings.",
        rationale: """
            The Kubernetes audit log records who did what to which object through the API server: the only record \
            of a stolen credential's actions, a secret read, or a privileged pod created. AKS keeps it only if a \
            diagnostic setting sends `kube-audit` or `kube-audit-admin` to a Log Analytics workspace, storage account \
            or event hub; without one it is lost.
            """,
        remediation: Remediation(
            azCommand: #"az monitor diagnostic-settings create --name aks-audit --resource $(az aks show -g {resourceGroup} -n {name} --query id -o tsv) --workspace <log-analytics-workspace-id> --logs '[{"category":"kube-audit-admin","enabled":true},{"category":"guard","enabled":true}]'"#,
            template: #"a Microsoft.Insights/diagnosticSettings resource with "scope" set to the cluster and "logs": [{"category": "kube-audit-admin", "enabled": true}]"#,
            bicep: "resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  scope: aks\n  name: 'aks-audit'\n  properties: { workspaceId: workspace.id, logs: [ { category: 'kube-audit-admin', enabled: true } ] }\n}",
            terraform: "resource \"azurerm_monitor_diagnostic_setting\" \"audit\" {\n  name                       = \"aks-audit\"\n  target_resource_id         = azurerm_kubernetes_cluster.this.id\n  log_analytics_workspace_id = \"<workspace-id>\"\n  enabled_log {\n    category = \"kube-audit-admin\"\n  }\n}",
            notes: "kube-audit-admin leaves out read (get/list) events and costs much less than kube-audit."),
        references: [Reference("Monitor AKS: resource logs", "https://learn.microsoft.com/azure/aks/monitor-aks#resource-logs"), Reference("Reference: AKS resource log categories", "https://learn.microsoft.com/azure/aks/monitor-aks-reference")],
        peers: [.psrule("Azure.AKS.AuditLogs", "AZR-000022"), .kics("0493b840", "Beta - AKS Without Audit Logs", note: "Terraform"), .azurePolicy("245fc9df", "Resource logs in Azure Kubernetes Service should be enabled")],
        controls: [.cis("2.1.1"), .mcsb("LT-3"), .mcsb("LT-4")],
        examples: [
            RuleExample("audit logs to a workspace", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "audit",
                    "scope": "[format('Microsoft.ContainerService/managedClusters/{0}', 'aks')]",
                    "properties": {"workspaceId": "/subscriptions/s/w", "logs": [{"category": "kube-audit-admin", "enabled": true}]}}]}
                """#),
            RuleExample("a diagnostic setting without the audit categories", .fails(at: "$.resources[1].properties.logs"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerService/managedClusters/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview",
                    "name": "aks/Microsoft.Insights/logs",
                    "properties": {"logs": [{"category": "kube-apiserver", "enabled": true}, {"category": "kube-audit", "enabled": false}]}}]}
                """#),
            RuleExample("no diagnostic setting", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}}]}
                """#),
            RuleExample("a PSRule export whose nested diagnostic setting keeps kube-audit-admin", .passes, #"""
                [{"ResourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/prod",
                  "Name": "prod", "ResourceGroupName": "rg", "Type": "Microsoft.ContainerService/managedClusters", "ResourceType": "Microsoft.ContainerService/managedClusters", "Properties": {"enableRBAC": true},
                  "resources": [{"Name": "logs", "ResourceType": "microsoft.containerservice/managedclusters", "ExtensionResourceType": "microsoft.insights/diagnosticSettings",
                                 "Properties": {"logs": [{"category": "kube-audit-admin", "enabled": true}]}}]}]
                """#),
            RuleExample("a PSRule export whose nested diagnostic setting leaves the audit log off", .fails(at: "$[0].resources[0].Properties.logs"), #"""
                [{"ResourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/prod",
                  "Name": "prod", "ResourceGroupName": "rg", "Type": "Microsoft.ContainerService/managedClusters", "ResourceType": "Microsoft.ContainerService/managedClusters", "Properties": {"enableRBAC": true},
                  "resources": [{"Name": "logs", "ResourceType": "microsoft.containerservice/managedclusters", "ExtensionResourceType": "microsoft.insights/diagnosticSettings",
                                 "Properties": {"logs": [{"category": "kube-audit", "enabled": false}, {"category": "kube-apiserver", "enabled": true}]}}]}]
                """#),
            RuleExample("an export: not applicable", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": true}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        if let unseen = ClusterDiagnostics.unseen(in: cluster) { return [unseen] }
        var diagnostics = ClusterDiagnostics(cluster)
        if let found = diagnostics.entry(enabling: Self.auditCategories, orGroups: Self.auditCategoryGroups) {
            return [ClusterDiagnostics.found(found, "Diagnostic setting \(ValueDescription.quote(found.setting.name)) keeps the Kubernetes audit log.")]
        }
        if let undecided = diagnostics.undecided { return [undecided] }
        let message = diagnostics.closest == nil
            ? "No diagnostic setting \(cluster.origin.isDefinition ? "in the \(cluster.origin.documentName)" : "of the cluster") keeps the Kubernetes audit log (kube-audit or kube-audit-admin): API server activity, including a stolen credential's, is not recorded."
            : "The cluster's diagnostic settings do not enable kube-audit or kube-audit-admin: API server activity, including a stolen credential's, is not recorded."
        return [RuleResult(state: .fail, message: MessageText(message), location: diagnostics.closest ?? cluster.properties, property: ClusterDiagnostics.property, pointsAtEnclosingObject: diagnostics.closest == nil)]
    }
}
