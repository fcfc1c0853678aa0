import AKSLintCore

/// AKS901: the cluster uses the Standard load balancer.
package struct StandardLoadBalancer: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS901",
        name: "standard-load-balancer",
        title: "The cluster uses the Standard load balancer SKU",
        severity: .medium,
        category: .reliability,
        checks: "properties.networkProfile.loadBalancerSku",
        absentMeans: "standard (the REST API's default): the rule passes. basic fails.",
        rationale: """
            The Basic load balancer was retired on 30 September 2025: it has no SLA, no availability zones, no \
            multiple node pools and no authorized IP ranges for the API server, and clusters that use it cannot \
            be upgraded in place. The Standard SKU is the default and supports all of these. PSRule for Azure \
            counts this as reliability, so akslint runs it only when asked (`--rules all` or `reliability`).
            """,
        risk: "it has no SLA, no zones and no authorized IP ranges, and blocks upgrades.",
        remediation: Remediation(
            azCommand: nil,
            template: #"properties.networkProfile.loadBalancerSku: "standard""#,
            bicep: "networkProfile: { loadBalancerSku: 'standard' }",
            terraform: "network_profile {\n  load_balancer_sku = \"standard\"\n}",
            disruption: .newCluster,
            notes: "A Basic load balancer cluster must be migrated (see the retirement guide) or recreated."),
        references: [Reference("Use a Standard public load balancer in AKS", "https://learn.microsoft.com/azure/aks/load-balancer-standard"), Reference("PSRule for Azure: Azure.AKS.StandardLB", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.StandardLB/")],
        peers: [.psrule("Azure.AKS.StandardLB", "AZR-000026")],
        controls: [],
        examples: [
            RuleExample("standard", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"loadBalancerSku": "Standard"}}}
                """#),
            RuleExample("basic", .fails(at: "$.properties.networkProfile.loadBalancerSku"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"loadBalancerSku": "basic"}}}
                """#),
            RuleExample("not set: standard by default", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "azure"}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("networkProfile", "loadBalancerSku")
        return [setting.judgeChoice(
            secureValues: ["standard"], absentIsSecure: true,
            question: "the cluster uses the Standard load balancer",
            pass: "The cluster uses the Standard load balancer (\(setting.reading.isAbsent ? "loadBalancerSku is not set, and standard is the default" : setting.describedValue)).",
            verdict: "The cluster uses the retired Basic load balancer")]
    }
}
