import AKSLintCore

/// AKS107: the cluster publishes an OIDC issuer, the basis of workload identity federation.
public struct OIDCIssuerEnabled: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "AKS107",
        name: "oidc-issuer-enabled",
        title: "The cluster's OIDC issuer is enabled",
        severity: .medium,
        category: .identity,
        checks: "properties.oidcIssuerProfile.enabled",
        absentMeans: "The OIDC issuer is off: the rule fails.",
        rationale: """
            The OIDC issuer publishes the keys that sign the cluster's service account tokens, so Microsoft Entra ID \
            (and other clouds) can trust those tokens. Workload identity federation depends on it: without it, \
            workloads fall back to stored secrets. Once enabled it cannot be disabled, and no peer tool checks it.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-oidc-issuer",
            template: "properties.oidcIssuerProfile.enabled: true",
            bicep: "oidcIssuerProfile: { enabled: true }",
            notes: "Enabling the issuer cannot be undone; pods must be restarted to get tokens from the new issuer."),
        references: [Learn.oidcIssuer, Learn.workloadIdentity],
        examples: [
            RuleExample("issuer enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"oidcIssuerProfile": {"enabled": true, "issuerURL": "https://westus2.oic.prod-aks.azure.com/t/c/"}}}
                """#),
            RuleExample("issuer disabled", .fails(at: "$.properties.oidcIssuerProfile.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"oidcIssuerProfile": {"enabled": false}}}
                """#),
            RuleExample("az casing, issuer profile null", .fails(at: "$.oidcIssuerProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "oidcIssuerProfile": null}
                """#),
        ])

    public func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("oidcIssuerProfile", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the OIDC issuer is enabled",
            pass: "The OIDC issuer is enabled (\(setting.describedValue)).",
            verdict: "The OIDC issuer is off",
            risk: "workload identity federation cannot work, so workloads fall back to stored secrets.")]
    }
}
