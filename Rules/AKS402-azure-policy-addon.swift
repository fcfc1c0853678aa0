import AKSLintCore

/// AKS402: Azure Policy audits and enforces what runs in the cluster.
package struct AzurePolicyAddon: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS402",
        name: "azure-policy-addon",
        title: "The Azure Policy add-on is enabled",
        severity: .medium,
        category: .threatProtection,
        checks: "properties.addonProfiles.azurepolicy.enabled (also spelled azurePolicy)",
        absentMeans: "The add-on is off: the rule fails.",
        rationale: """
            The Azure Policy add-on runs Gatekeeper in the cluster and applies Azure Policy definitions to \
            Kubernetes objects: it can deny privileged containers, host mounts, images from untrusted registries \
            and pods without limits, and reports compliance centrally. Without it, nothing checks workloads at \
            admission, and the pod security baseline is only a recommendation.
            """,
        risk: "nothing checks workloads at admission: privileged pods, host mounts and untrusted images are accepted.",
        remediation: Remediation(
            azCommand: "az aks enable-addons -g {resourceGroup} -n {name} --addons azure-policy",
            template: "properties.addonProfiles.azurepolicy.enabled: true",
            bicep: "addonProfiles: { azurepolicy: { enabled: true } }",
            terraform: "azure_policy_enabled = true",
            notes: "Then assign a Kubernetes initiative such as \"Kubernetes cluster pod security baseline standards for Linux-based workloads\" to the cluster's scope."),
        references: [Learn.azurePolicyAddon],
        peers: [.checkov("CKV_AZURE_116", note: "Terraform only"), .psrule("Azure.AKS.AzurePolicyAddOn", "AZR-000028"), .trivy("AVD-AZU-0066", note: "looks the add-on key up with its exact case"), .kics("43789711", "AKS Uses Azure Policies Add-On Disabled", note: "Terraform"), .azurePolicy("0a15ec92", "Azure Policy Add-on for Kubernetes service (AKS) should be installed and enabled on your clusters"), .azurePolicy("a8eff44f", "Deploy Azure Policy Add-on to Azure Kubernetes Service clusters", note: "DeployIfNotExists")],
        controls: [.cis("4.2.1"), .mcsb("AM-2"), .mcsb("PV-2")],
        examples: [
            RuleExample("add-on enabled (REST casing)", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azurepolicy": {"enabled": true, "config": null}}}}
                """#),
            RuleExample("add-on enabled (Bicep casing)", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azurePolicy": {"enabled": true}}}}
                """#),
            RuleExample("add-on disabled", .fails(at: "$.addonProfiles.azurepolicy.enabled"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "addonProfiles": {"azurepolicy": {"config": null, "enabled": false, "identity": null}}}
                """#),
            RuleExample("no add-on profiles", .fails(at: "$.addonProfiles"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "addonProfiles": null}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("addonProfiles", "azurepolicy", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the Azure Policy add-on is enabled",
            pass: "The Azure Policy add-on is enabled (\(setting.describedValue)).",
            verdict: "The Azure Policy add-on is off")]
    }
}
