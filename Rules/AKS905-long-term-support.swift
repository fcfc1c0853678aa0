import AKSLintCore

/// AKS905: the cluster is on the long-term support plan.
package struct LongTermSupport: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS905",
        name: "long-term-support",
        title: "The cluster is on the AKS long-term support plan",
        severity: .info,
        category: .reliability,
        checks: "properties.supportPlan (with sku.tier Premium, which the plan needs)",
        absentMeans: "KubernetesOfficial (the platform default): each minor version is supported for about a year, and the rule reports it (info).",
        rationale: """
            On the default KubernetesOfficial plan a minor version is supported for about twelve months, so a \
            cluster must move to a new minor version every year to keep receiving security patches. The \
            AKSLongTermSupport plan (Premium tier) extends support to two years for teams that cannot upgrade \
            that often. Whether the plan is worth its cost is a team's choice, so this rule only informs and \
            runs only when asked for (`--rules all` or `reliability`).
            """,
        risk: "each minor version is supported for about a year, so the cluster must upgrade yearly to keep receiving patches.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --tier premium --k8s-support-plan AKSLongTermSupport",
            template: #"sku.tier: "Premium" and properties.supportPlan: "AKSLongTermSupport""#,
            bicep: "sku: { name: 'Base', tier: 'Premium' }\nproperties: { supportPlan: 'AKSLongTermSupport' }",
            terraform: "sku_tier     = \"Premium\"\nsupport_plan = \"AKSLongTermSupport\""),
        references: [Reference("Long-term support for AKS", "https://learn.microsoft.com/azure/aks/long-term-support")],
        peers: [],
        controls: [],
        examples: [
            RuleExample("long-term support", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "lts", "sku": {"name": "Base", "tier": "Premium"}, "properties": {"supportPlan": "AKSLongTermSupport"}}
                """#),
            RuleExample("the community plan", .fails(at: "$.supportPlan"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "supportPlan": "KubernetesOfficial"}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let plan = cluster.string("supportPlan")
        return [plan.judgeChoice(
            secureValues: ["AKSLongTermSupport"], absentIsSecure: false,
            question: "the cluster is on long-term support",
            pass: "The cluster is on the long-term support plan (\(plan.describedValue)).",
            verdict: "The cluster is on the community support plan")]
    }
}
