import AKSLintCore

/// AKS404: the Kubernetes dashboard add-on is off.
package struct NoKubeDashboard: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS404",
        name: "no-kube-dashboard",
        title: "The Kubernetes dashboard add-on is not enabled",
        severity: .high,
        category: .threatProtection,
        checks: "properties.addonProfiles.kubeDashboard.enabled (REST also spells it KubeDashboard)",
        absentMeans: "The dashboard is off (the platform default): the rule passes. (Checkov's CKV_AZURE_8 fails templates that simply omit it.)",
        rationale: """
            The Kubernetes dashboard add-on runs a web UI with a service account that has broad permissions; exposed \
            dashboards were the entry point of well-known cluster takeovers and crypto-mining campaigns. The add-on \
            is deprecated and unavailable from Kubernetes 1.19 on; use the Kubernetes resource view in the Azure \
            portal, which uses your own Entra ID identity.
            """,
        risk: "a web UI with broad cluster permissions runs in the cluster; exposed dashboards are a classic takeover path.",
        remediation: Remediation(
            azCommand: "az aks disable-addons -g {resourceGroup} -n {name} --addons kube-dashboard",
            template: "properties.addonProfiles.kubeDashboard.enabled: false",
            bicep: "addonProfiles: { kubeDashboard: { enabled: false } }",
            terraform: "remove the azapi_update_resource that sets addonProfiles.kubeDashboard (azurerm 3.x and later cannot enable it)"),
        references: [Reference("Access Kubernetes resources from the Azure portal", "https://learn.microsoft.com/azure/aks/kubernetes-portal")],
        peers: [.checkov("CKV_AZURE_8", note: "ARM fails when the add-on block is absent, even where the dashboard no longer exists"), .kics("c62d3b92", "AKS Dashboard Is Enabled", note: "ARM")],
        controls: [.mcsb("PA-7")],
        examples: [
            RuleExample("dashboard enabled (API 2021 casing)", .fails(at: "$.properties.addonProfiles.KubeDashboard.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "old", "properties": {"addonProfiles": {"KubeDashboard": {"enabled": true}}}}
                """#),
            RuleExample("no dashboard block", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"addonProfiles": {"azurepolicy": {"enabled": true}}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("addonProfiles", "kubeDashboard", "enabled")
        return [setting.judge(
            secureValue: false, absentIsSecure: true,
            question: "the Kubernetes dashboard is enabled",
            pass: "The Kubernetes dashboard add-on is not enabled (\(setting.describedValue)).",
            verdict: "The Kubernetes dashboard add-on is enabled")]
    }
}
