import AKSLintCore

/// AKS503: cluster metrics go to Azure Monitor managed Prometheus.
package struct ManagedPrometheus: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS503",
        name: "managed-prometheus",
        title: "Azure Monitor managed Prometheus collects cluster metrics",
        severity: .low,
        category: .monitoring,
        checks: "properties.azureMonitorProfile.metrics.enabled",
        absentMeans: "Metrics collection is off: the rule fails.",
        rationale: """
            Metrics show an attack as it happens: a crypto miner's CPU, an exfiltration's network spike, a crash \
            loop after a bad deployment. Managed Prometheus stores them outside the cluster, where a compromised \
            workload cannot tamper with them, with alerting rules and retention managed by Azure Monitor.
            """,
        risk: "no tamper-proof record of resource use shows miners, exfiltration or crash loops as they happen.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-azure-monitor-metrics",
            template: #"properties.azureMonitorProfile.metrics: {"enabled": true}"#,
            bicep: "azureMonitorProfile: { metrics: { enabled: true } }",
            terraform: "monitor_metrics {}",
            notes: "Add `--azure-monitor-workspace-resource-id` to use an existing Azure Monitor workspace."),
        references: [Reference("Enable monitoring for AKS clusters (managed Prometheus)", "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable")],
        peers: [.prowler("aks_cluster_azure_monitor_enabled")],
        controls: [],
        examples: [
            RuleExample("enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"azureMonitorProfile": {"metrics": {"enabled": true}}}}
                """#),
            RuleExample("not set", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"dnsPrefix": "prod"}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("azureMonitorProfile", "metrics", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "managed Prometheus is enabled",
            pass: "Managed Prometheus collects cluster metrics (\(setting.describedValue)).",
            verdict: "Managed Prometheus is off")]
    }
}
