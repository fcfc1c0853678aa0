import AKSLintCore

/// AKS108: the deprecated pod-managed identity add-on is not used.
package struct NoPodManagedIdentity: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS108",
        name: "no-pod-managed-identity",
        title: "The deprecated pod-managed identity (AAD Pod Identity) is not enabled",
        severity: .medium,
        category: .identity,
        checks: "properties.podIdentityProfile.enabled",
        absentMeans: "Pod-managed identity is off (the platform default): the rule passes.",
        rationale: """
            Pod-managed identity intercepts calls to the node's instance metadata endpoint so pods can get tokens for \
            managed identities. It was deprecated in favour of Microsoft Entra Workload ID, never reached general \
            availability, and relies on every pod going through the NMI daemon: a pod with host networking reaches \
            the metadata endpoint directly and can obtain tokens for identities meant for other workloads.
            """,
        risk: "a pod with host networking can reach the metadata endpoint and obtain tokens meant for other workloads; migrate to workload identity.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --disable-pod-identity",
            template: "properties.podIdentityProfile.enabled: false (and properties.securityProfile.workloadIdentity.enabled: true)",
            bicep: "podIdentityProfile: { enabled: false }",
            terraform: "remove the azapi_update_resource that sets podIdentityProfile (azurerm itself never enables it)",
            notes: "Needs the aks-preview extension. Move workloads to workload identity (AKS106) before disabling it."),
        references: [Reference("Migrate from pod-managed identity to workload identity", "https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity"), Learn.workloadIdentity],
        peers: [.psrule("Azure.AKS.PodIdentity", "AZR-000037", note: "retired; it recommended enabling pod-managed identity, which is itself deprecated")],
        controls: [.mcsb("IM-3")],
        examples: [
            RuleExample("pod identity enabled", .fails(at: "$.properties.podIdentityProfile.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"podIdentityProfile": {"enabled": true, "allowNetworkPluginKubenet": true}}}
                """#),
            RuleExample("pod identity disabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"podIdentityProfile": {"enabled": false}}}
                """#),
            RuleExample("az output, null", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "podIdentityProfile": null}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("podIdentityProfile", "enabled")
        return [setting.judge(
            secureValue: false, absentIsSecure: true,
            question: "pod-managed identity is enabled",
            pass: "Pod-managed identity is not enabled (\(setting.describedValue)).",
            verdict: "The deprecated pod-managed identity is enabled")]
    }
}
