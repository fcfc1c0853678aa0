import AKSLintCore

/// AKS604: the control plane has a financially backed uptime SLA.
package struct UptimeSLATier: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS604",
        name: "uptime-sla-tier",
        title: "The cluster uses the Standard or Premium tier (uptime SLA)",
        severity: .low,
        category: .lifecycle,
        checks: "sku.tier",
        absentMeans: "Free (the platform default): the rule fails.",
        rationale: """
            The Free tier's control plane has no SLA and limited capacity: under load or during an incident the \
            API server that security tooling, admission webhooks and responders depend on may be unavailable. \
            The Standard tier (called Paid in API versions before 2023-02-01) scales the control plane and backs \
            it with a 99.95% uptime SLA; Premium adds long-term support.
            """,
        risk: "the control plane has no SLA and limited capacity, so the API server may be unavailable when it is needed most.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --tier standard",
            template: #"sku: {"name": "Base", "tier": "Standard"}"#,
            bicep: "sku: { name: 'Base', tier: 'Standard' }",
            terraform: "sku_tier = \"Standard\""),
        references: [Reference("Free, Standard and Premium pricing tiers for AKS cluster management", "https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers")],
        peers: [.checkov("CKV_AZURE_170", note: "Terraform only"), .psrule("Azure.AKS.UptimeSLA", "AZR-000285")],
        controls: [],
        examples: [
            RuleExample("Standard", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "sku": {"name": "Base", "tier": "Standard"}, "properties": {}}
                """#),
            RuleExample("Paid, the older API's name", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "sku": {"name": "Basic", "tier": "Paid"}, "properties": {}}
                """#),
            RuleExample("Free", .fails(at: "$.sku.tier"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "sku": {"name": "Base", "tier": "Free"}, "enableRbac": true}
                """#),
            RuleExample("no sku", .fails(at: "$"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.resourceString("sku", "tier")
        return [setting.judgeChoice(
            secureValues: ["Standard", "Premium", "Paid"], absentIsSecure: false,
            question: "the cluster has an uptime SLA",
            pass: "The control plane has an uptime SLA (\(setting.describedValue)).",
            verdict: "The cluster is on the Free tier")]
    }
}
