import AKSLintCore

/// AKS950: the audit log is kept as kube-audit-admin, not the full kube-audit.
package struct AuditAdminLogs: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS950",
        name: "audit-admin-logs",
        title: "The audit log is collected as kube-audit-admin rather than the full kube-audit",
        severity: .low,
        category: .cost,
        checks: "Microsoft.Insights/diagnosticSettings scoped to the cluster: a kube-audit entry (or the audit or allLogs category group) enabled",
        absentMeans: "No diagnostic setting keeps the audit log: not applicable (AKS502 fails that). Not applicable to az aks show and REST exports.",
        rationale: """
            `kube-audit` records every request to the API server, including the get, list and watch calls that \
            controllers make continuously, so it is by far the largest and most expensive AKS log. \
            `kube-audit-admin` keeps every change (create, update, patch, delete) and drops the reads, which is \
            what most investigations need, at a fraction of the cost. This is a cost rule; akslint runs it only \
            when asked (`--rules all` or `cost`). Keep kube-audit where reads of secrets must be audited.
            """,
        remediation: Remediation(
            azCommand: #"az monitor diagnostic-settings update --name <setting> --resource $(az aks show -g {resourceGroup} -n {name} --query id -o tsv) --logs '[{"category":"kube-audit","enabled":false},{"category":"kube-audit-admin","enabled":true}]'"#,
            template: #"logs: [{"category": "kube-audit-admin", "enabled": true}] in place of kube-audit (or a category group)"#,
            bicep: "logs: [ { category: 'kube-audit-admin', enabled: true } ]",
            terraform: "enabled_log {\n  category = \"kube-audit-admin\"\n}   # in the cluster's azurerm_monitor_diagnostic_setting"),
        references: [Reference("Reference: AKS resource log categories", "https://learn.microsoft.com/azure/aks/monitor-aks-reference"), Reference("PSRule for Azure: Azure.AKS.AuditAdmin", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.AuditAdmin/")],
        peers: [.psrule("Azure.AKS.AuditAdmin", "AZR-000445")],
        controls: [],
        examples: [
            RuleExample("kube-audit-admin", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerService/managedClusters/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "aks/Microsoft.Insights/audit",
                    "properties": {"logs": [{"category": "kube-audit-admin", "enabled": true}, {"category": "kube-audit", "enabled": false}]}}]}
                """#),
            RuleExample("the full kube-audit", .fails(at: "$.resources[1].properties.logs[0]"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerService/managedClusters/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "aks/Microsoft.Insights/audit",
                    "properties": {"logs": [{"category": "kube-audit", "enabled": true}]}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        if let unseen = ClusterDiagnostics.unseen(in: cluster) { return [unseen] }
        var diagnostics = ClusterDiagnostics(cluster)
        if let full = diagnostics.entry(enabling: ["kube-audit"], orGroups: ["audit", "allLogs"]) {
            let kept = ClusterDiagnostics.found(full, "")
            let message = "Diagnostic setting \(ValueDescription.quote(full.setting.name)) keeps the full kube-audit log, reads included: it costs many times what kube-audit-admin does, which keeps every change."
            return [RuleResult(state: kept.state == .pass ? .fail : .indeterminate, message: MessageText(message + (kept.state == .pass ? "" : " " + kept.message)), location: full.entry, property: ClusterDiagnostics.property, unresolvedExpression: kept.unresolvedExpression)]
        }
        if let undecided = diagnostics.undecided { return [undecided] }
        if let admin = diagnostics.entry(enabling: ["kube-audit-admin"], orGroups: []) {
            return [ClusterDiagnostics.found(admin, "The audit log is kept as kube-audit-admin, without the read events of kube-audit.")]
        }
        return [cluster.notApplicable("Not applicable: no diagnostic setting keeps the audit log (AKS502 reports that).")]
    }
}
