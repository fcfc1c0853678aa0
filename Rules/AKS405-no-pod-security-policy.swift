import AKSLintCore

/// AKS405: the removed PodSecurityPolicy feature is not relied on.
package struct NoPodSecurityPolicy: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS405",
        name: "no-pod-security-policy",
        title: "The removed PodSecurityPolicy feature is not enabled",
        severity: .low,
        category: .threatProtection,
        checks: "properties.enablePodSecurityPolicy",
        absentMeans: "Off (the platform default): the rule passes.",
        rationale: """
            PodSecurityPolicy was removed from Kubernetes in 1.25 and from AKS: a cluster that still sets it either \
            runs an unsupported version or silently has no pod admission control while its owners believe it does. \
            Use Pod Security Admission labels or the Azure Policy add-on (AKS402) to enforce the pod security \
            standards.
            """,
        risk: "it no longer enforces anything on supported versions; pods are admitted without the controls it promised.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --disable-pod-security-policy",
            template: "properties.enablePodSecurityPolicy: false",
            bicep: "enablePodSecurityPolicy: false",
            terraform: "enable_pod_security_policy = false   # azurerm 3.x; the attribute is gone from 4.x",
            notes: "Needs the aks-preview extension on older clusters. Put Pod Security Admission or Azure Policy in place first."),
        references: [Reference("Pod Security Admission in AKS", "https://learn.microsoft.com/azure/aks/use-psa"), Learn.azurePolicyAddon],
        peers: [.psrule("Azure.AKS.PodSecurityPolicy", note: "retired with the feature")],
        controls: [],
        examples: [
            RuleExample("enabled", .fails(at: "$.properties.enablePodSecurityPolicy"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "old", "properties": {"enablePodSecurityPolicy": true}}
                """#),
            RuleExample("explicitly off, as preview API bodies show it", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"enablePodSecurityPolicy": false}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("enablePodSecurityPolicy")
        return [setting.judge(
            secureValue: false, absentIsSecure: true,
            question: "PodSecurityPolicy is enabled",
            pass: "PodSecurityPolicy is not enabled (\(setting.describedValue)).",
            verdict: "The removed PodSecurityPolicy feature is enabled")]
    }
}
