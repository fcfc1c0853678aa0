import AKSLintCore

/// AKS502: the API server's audit log is kept, through a diagnostic setting on the cluster.
public struct ControlPlaneAuditLogs: Rule {
    public init() {}

    /// Log categories and category groups that carry the Kubernetes audit log.
    static let auditCategories = ["kube-audit", "kube-audit-admin"]
    static let auditCategoryGroups = ["audit", "allLogs"]

    public let metadata = RuleMetadata(
        id: "AKS502",
        name: "control-plane-audit-logs",
        title: "A diagnostic setting sends the API server's audit log to a workspace",
        severity: .medium,
        category: .monitoring,
        checks: "Microsoft.Insights/diagnosticSettings resources of the same template scoped to the cluster: logs[].category kube-audit or kube-audit-admin (or categoryGroup audit/allLogs) enabled",
        absentMeans: "No such diagnostic setting in the template: the rule fails. Not applicable to exports, which cannot show diagnostic settings.",
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
            notes: "kube-audit-admin leaves out read (get/list) events and costs much less than kube-audit."),
        references: [Reference("Monitor AKS: resource logs", "https://learn.microsoft.com/azure/aks/monitor-aks#resource-logs"), Reference("Reference: AKS resource log categories", "https://learn.microsoft.com/azure/aks/monitor-aks-reference")],
        peerIDs: ["Azure.AKS.AuditLogs", "Azure Policy 245fc9df (resource logs in AKS should be enabled)"],
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
            RuleExample("an export: not applicable", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": true}
                """#),
        ])

    public func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        guard cluster.origin == .template else {
            return [cluster.notApplicable("Not applicable: an export does not show diagnostic settings; lint the template that deploys them, or run `az monitor diagnostic-settings list --resource <cluster-id>`.")]
        }
        let property = "diagnosticSettings.logs"
        var undecided: RuleResult?
        var closest: ValueRef?
        for setting in cluster.relatedResources where setting.isOfType(ResourceType.diagnosticSettings) {
            switch scopes(setting, to: cluster) {
            case false?: continue
            case nil:
                undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell whether the audit log is kept: diagnostic setting \(ValueDescription.quote(setting.name)) has a scope that cannot be evaluated offline.", location: setting.resource, property: property)
                continue
            case true?:
                break
            }
            let logs = setting.resource.child("properties")?.child("logs")
            closest = closest ?? logs ?? setting.resource
            guard let logs else { continue }
            if let unresolved = logs.node.unresolvedValue {
                undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell whether the audit log is kept: the logs of diagnostic setting \(ValueDescription.quote(setting.name)) are the expression \(ValueDescription.expression(unresolved.expression)).", location: logs, property: property, unresolvedExpression: unresolved.expression)
                continue
            }
            for entry in logs.elements where isAuditEntry(entry) {
                switch entry.bool("enabled") {
                case .value(true, _), .absent:
                    let condition = setting.deploymentCondition.map { " (if deployed: \(ValueDescription.expression($0.expression)))" } ?? ""
                    let state: ResultState = setting.deploymentCondition == nil ? .pass : .indeterminate
                    return [RuleResult(state: state, message: "Diagnostic setting \(ValueDescription.quote(setting.name)) keeps the Kubernetes audit log\(condition).", location: entry, property: property, unresolvedExpression: setting.deploymentCondition?.expression)]
                case .unresolved(let unresolved, let ref):
                    undecided = undecided ?? RuleResult(state: .indeterminate, message: "Cannot tell whether the audit log is kept: its enabled flag is \(ValueDescription.expression(unresolved.expression)).", location: ref, property: property, unresolvedExpression: unresolved.expression)
                default:
                    continue
                }
            }
        }
        if let undecided { return [undecided] }
        let location = closest ?? cluster.properties
        let message = closest == nil
            ? "No diagnostic setting in the template keeps the Kubernetes audit log (kube-audit or kube-audit-admin): API server activity, including a stolen credential's, is not recorded."
            : "The cluster's diagnostic settings do not enable kube-audit or kube-audit-admin: API server activity, including a stolen credential's, is not recorded."
        return [RuleResult(state: .fail, message: message, location: location, property: property, pointsAtEnclosingObject: closest == nil)]
    }

    /// Whether a diagnostic setting applies to this cluster; nil when its scope cannot be evaluated.
    private func scopes(_ setting: RelatedResource, to cluster: ClusterResource) -> Bool? {
        guard let clusterName = cluster.name?.asciiLowercased() else { return nil }
        if let scope = setting.resource.child("scope") {
            guard let text = scope.node.string?.asciiLowercased() else { return nil }
            return text.hasSuffix("managedclusters/" + clusterName)
        }
        return setting.name.asciiLowercased().hasPrefix(clusterName + "/")
    }

    private func isAuditEntry(_ entry: ValueRef) -> Bool {
        if let category = entry.child("category")?.node.string {
            return Self.auditCategories.contains { $0.equalsIgnoringASCIICase(category) }
        }
        if let group = entry.child("categoryGroup")?.node.string {
            return Self.auditCategoryGroups.contains { $0.equalsIgnoringASCIICase(group) }
        }
        return false
    }
}
