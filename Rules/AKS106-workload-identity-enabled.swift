import AKSLintCore

/// AKS106: pods get Azure credentials through Microsoft Entra Workload ID.
package struct WorkloadIdentityEnabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS106",
        name: "workload-identity-enabled",
        title: "Microsoft Entra Workload ID is enabled for pods",
        severity: .medium,
        category: .identity,
        checks: "properties.securityProfile.workloadIdentity.enabled",
        absentMeans: "Workload identity is off: the rule fails.",
        rationale: """
            Without workload identity, pods that call Azure need a stored secret (a service principal password in a \
            Kubernetes Secret) or the node's managed identity, which every pod on the node shares. Workload ID \
            federates a Kubernetes service account with an Entra identity, so each workload gets short-lived tokens \
            for exactly its own permissions and no secret exists to leak. It needs the OIDC issuer (AKS107) and \
            replaces the deprecated pod-managed identity.
            """,
        risk: "pods that call Azure need stored secrets or share the node's managed identity.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-oidc-issuer --enable-workload-identity",
            template: "properties.securityProfile.workloadIdentity.enabled: true (with properties.oidcIssuerProfile.enabled: true)",
            bicep: "securityProfile: { workloadIdentity: { enabled: true } }\noidcIssuerProfile: { enabled: true }",
            terraform: "oidc_issuer_enabled       = true\nworkload_identity_enabled = true"),
        references: [Learn.workloadIdentity, Learn.oidcIssuer],
        peers: [.azurePolicy("2cc2e023", "Azure Kubernetes Service Clusters should enable workload identity")],
        controls: [.cis("5.2.1"), .mcsb("IM-3"), .mcsb("IM-8")],
        examples: [
            RuleExample("workload identity enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"oidcIssuerProfile": {"enabled": true}, "securityProfile": {"workloadIdentity": {"enabled": true}}}}
                """#),
            RuleExample("disabled again after being enabled", .fails(at: "$.properties.securityProfile.workloadIdentity.enabled"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"securityProfile": {"workloadIdentity": {"enabled": false}}}}
                """#),
            RuleExample("empty securityProfile, as 2022 bodies have", .fails(at: "$.properties.securityProfile"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"securityProfile": {}}}
                """#),
            RuleExample("az aks show output, null", .fails(at: "$.securityProfile.workloadIdentity"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "securityProfile": {"workloadIdentity": null}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("securityProfile", "workloadIdentity", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "workload identity is enabled",
            pass: "Workload identity is enabled (\(setting.describedValue)).",
            verdict: "Workload identity is off")]
    }
}
