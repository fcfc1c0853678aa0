import AKSLintCore

/// AKS605: the cluster definition is one Azure accepts.
package struct ConfigurationAccepted: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS605",
        name: "configuration-accepted",
        title: "Azure accepts the cluster's combination of settings",
        severity: .high,
        category: .lifecycle,
        checks: "combinations the AKS resource provider rejects: disableLocalAccounts or aadProfile.enableAzureRBAC without aadProfile.managed; securityProfile.workloadIdentity.enabled without oidcIssuerProfile.enabled; sku.tier Paid on API version 2023-02-01 or later; supportPlan AKSLongTermSupport without sku.tier Premium; networkPolicy azure with networkPlugin kubenet; networkPolicy cilium without networkDataplane cilium",
        absentMeans: "A setting that is absent does not trigger its constraint; a requirement that is absent is not met (except the OIDC issuer, which new clusters on Kubernetes 1.34 or later get by default). A value that cannot be evaluated makes that constraint indeterminate.",
        rationale: """
            Some settings only work together: local accounts can only be disabled, and Azure RBAC only enabled, on \
            a cluster with AKS-managed Entra ID; workload identity needs the OIDC issuer; long-term support needs \
            the Premium tier. A definition that breaks one of these is rejected when it is deployed, so the \
            security setting its author meant to turn on never reaches the cluster, and the pipeline fails late. \
            akslint reports it at review time instead of letting the rules judge a cluster that cannot exist.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-aad --enable-azure-rbac --disable-local-accounts",
            template: #"properties.aadProfile.managed: true (for disableLocalAccounts and enableAzureRBAC); properties.oidcIssuerProfile.enabled: true (for workload identity); sku.tier: "Standard" instead of "Paid"; sku.tier: "Premium" with supportPlan AKSLongTermSupport"#,
            bicep: "aadProfile: { managed: true }\noidcIssuerProfile: { enabled: true }\nsku: { name: 'Base', tier: 'Premium' }   // with supportPlan: 'AKSLongTermSupport'",
            terraform: "local_account_disabled and azure_rbac_enabled need the azure_active_directory_role_based_access_control block; workload_identity_enabled needs oidc_issuer_enabled = true; support_plan = \"AKSLongTermSupport\" needs sku_tier = \"Premium\"",
            notes: "The message of each failure names the constraint and the setting to change."),
        references: [Learn.localAccounts, Learn.azureRBAC, Learn.workloadIdentity, Reference("Long-term support for AKS (requires the Premium tier)", "https://learn.microsoft.com/azure/aks/long-term-support"), Reference("Free, Standard and Premium pricing tiers (Paid was renamed Standard in API 2023-02-01)", "https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers"), Learn.networkPolicies],
        peers: [],
        controls: [],
        examples: [
            RuleExample("local accounts disabled with AKS-managed Entra ID", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"aadProfile": {"managed": true, "enableAzureRBAC": true}, "disableLocalAccounts": true}}
                """#),
            RuleExample("local accounts disabled without Entra ID: Azure rejects it", .fails(at: "$.properties.disableLocalAccounts"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"disableLocalAccounts": true}}
                """#),
            RuleExample("Paid tier on an API version that no longer has it", .fails(at: "$.resources[0].sku.tier"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-02-01", "name": "aks", "sku": {"name": "Base", "tier": "Paid"}, "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("Paid tier on an API version that has it", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2022-09-01", "name": "aks", "sku": {"name": "Basic", "tier": "Paid"}, "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("long-term support on the Standard tier", .fails(at: "$.properties.supportPlan"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "lts", "sku": {"name": "Base", "tier": "Standard"}, "properties": {"supportPlan": "AKSLongTermSupport"}}
                """#),
            RuleExample("workload identity without the OIDC issuer", .fails(at: "$.properties.securityProfile.workloadIdentity.enabled"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"securityProfile": {"workloadIdentity": {"enabled": true}}, "oidcIssuerProfile": {"enabled": false}}}
                """#),
            RuleExample("Entra ID managed-ness from a parameter without a value", .indeterminate(at: "$.resources[0].properties.aadProfile.managed"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"managed": {"type": "bool"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {"disableLocalAccounts": true, "aadProfile": {"managed": "[parameters('managed')]"}}}]}
                """#),
            RuleExample("Azure network policies on kubenet", .fails(at: "$.properties.networkProfile.networkPolicy"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "kubenet", "networkPolicy": "azure"}}}
                """#),
        ])

    /// The first API version on which `sku.tier` no longer accepts `Paid`.
    static let paidTierRemoved = APIVersion("2023-02-01")!

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        var results: [RuleResult] = []
        let managedAAD = cluster.bool("aadProfile", "managed")
        for (trigger, feature) in [(cluster.bool("disableLocalAccounts"), "disabling local accounts"), (cluster.bool("aadProfile", "enableAzureRBAC"), "Azure RBAC for Kubernetes authorization")] {
            results += Constraint(trigger: trigger.isTrue, requirement: managedAAD.isTrue).check(
                "\(feature) needs AKS-managed Entra ID integration",
                violation: "Azure rejects this cluster: \(trigger.describedValue), but AKS-managed Entra ID integration is not enabled (\(managedAAD.describedValue)). Set aadProfile.managed: true.")
        }
        let workloadIdentity = cluster.bool("securityProfile", "workloadIdentity", "enabled")
        let issuer = cluster.bool("oidcIssuerProfile", "enabled")
        results += Constraint(trigger: workloadIdentity.isTrue, requirement: issuerOn(issuer, cluster: cluster)).check(
            "workload identity has the OIDC issuer it needs",
            violation: "Azure rejects this cluster: workload identity is enabled (\(workloadIdentity.describedValue)) without the OIDC issuer (\(issuer.describedValue)). Set oidcIssuerProfile.enabled: true.")
        let tier = cluster.resourceString("sku", "tier")
        if let (text, version) = cluster.templateAPIVersion, version >= Self.paidTierRemoved {
            results += Constraint(trigger: tier.equals("Paid"), requirement: .known(false, tier)).check(
                "the SKU tier is one API version \(text) accepts",
                violation: "Azure rejects this cluster: \(tier.describedValue), a tier that API version \(text) no longer accepts (Paid was renamed Standard in 2023-02-01). Use Standard.")
        }
        let plan = cluster.string("supportPlan")
        results += Constraint(trigger: plan.equals("AKSLongTermSupport"), requirement: tier.equals("Premium")).check(
            "long-term support has the Premium tier it needs",
            violation: "Azure rejects this cluster: \(plan.describedValue) needs the Premium tier, but \(tier.describedValue). Set sku.tier: Premium.")
        let policy = cluster.string("networkProfile", "networkPolicy")
        let plugin = cluster.string("networkProfile", "networkPlugin")
        results += Constraint(trigger: policy.equals("azure"), requirement: plugin.equals("kubenet").negated).check(
            "Azure network policies have the Azure CNI they need",
            violation: "Azure rejects this cluster: \(policy.describedValue) needs Azure CNI, but \(plugin.describedValue). Use networkPlugin azure, or Cilium or Calico policies.")
        let dataplane = cluster.string("networkProfile", "networkDataplane")
        results += Constraint(trigger: policy.equals("cilium"), requirement: dataplane.equals("cilium")).check(
            "Cilium network policies have the Cilium dataplane they need",
            violation: "Azure rejects this cluster: \(policy.describedValue) needs networkDataplane cilium, but \(dataplane.describedValue).")
        if results.isEmpty {
            results.append(RuleResult(state: .pass, message: "No combination of settings that Azure rejects was found.", location: cluster.properties, property: "properties", pointsAtEnclosingObject: true))
        }
        return results
    }

    /// Whether the OIDC issuer will be on: set, or absent in a template or plan for Kubernetes 1.34 or later.
    private func issuerOn(_ issuer: Setting<Bool>, cluster: ClusterResource) -> Truth {
        guard issuer.reading.isAbsent, cluster.origin.isDefinition else { return issuer.isTrue }
        let version = cluster.string("kubernetesVersion")
        if case .unresolved = version.reading { return .unknown(version) }
        guard let text = version.reading.value, let parsed = KubernetesVersion(text) else { return .unknown(version) }
        return .known(parsed.major > 1 || parsed.minor >= OIDCIssuerEnabled.onByDefaultFromMinor, version)
    }
}
