import AKSLintCore

/// AKS103: the static cluster-admin credential is disabled.
package struct LocalAccountsDisabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS103",
        name: "local-accounts-disabled",
        title: "Local accounts (the cluster-admin kubeconfig) are disabled",
        severity: .high,
        category: .identity,
        checks: "properties.disableLocalAccounts",
        absentMeans: "Local accounts are enabled, as AKS creates clusters by default: the rule fails.",
        rationale: """
            Every AKS cluster has a local `clusterAdmin` account whose kubeconfig (`az aks get-credentials --admin`) \
            grants cluster-admin to whoever holds it, without Entra ID, MFA or Conditional Access, and without a \
            name in the audit log. Anyone with the `listClusterAdminCredential` permission can fetch it. Disabling \
            local accounts makes Entra ID the only way in.
            """,
        risk: "anyone holding the cluster-admin kubeconfig bypasses Entra ID.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --disable-local-accounts",
            template: "properties.disableLocalAccounts: true",
            bicep: "disableLocalAccounts: true",
            terraform: "local_account_disabled = true",
            notes: "Needs AKS-managed Entra ID integration (AKS101). Existing admin kubeconfigs stop working; rotate the cluster certificates (`az aks rotate-certs`) to invalidate copies made earlier."),
        references: [Learn.localAccounts, Learn.securityBaseline],
        peers: [.checkov("CKV_AZURE_141"), .psrule("Azure.AKS.LocalAccounts", "AZR-000031"), .prowler("aks_cluster_local_accounts_disabled"), .azurePolicy("993c2fcd", "Azure Kubernetes Service Clusters should have local authentication methods disabled")],
        controls: [.cis("4.1.1"), .mcsb("IM-1"), .mcsb("PA-7")],
        examples: [
            RuleExample("local accounts disabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"aadProfile": {"managed": true}, "disableLocalAccounts": true}}
                """#),
            RuleExample("local accounts explicitly enabled", .fails(at: "$.properties.disableLocalAccounts"), #"""
                {"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/prod-rg/providers/Microsoft.ContainerService/managedClusters/prod",
                 "type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"disableLocalAccounts": false}}
                """#),
            RuleExample("az aks show output, null", .fails(at: "$.disableLocalAccounts"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "disableLocalAccounts": null}
                """#),
            RuleExample("older API body without the setting", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"enableRBAC": true}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("disableLocalAccounts")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "local accounts are disabled",
            pass: "Local accounts are disabled (\(setting.describedValue)).",
            verdict: "Local accounts are enabled")]
    }
}
