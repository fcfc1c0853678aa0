import AKSLintCore

/// AKS804: the template's key vaults authorize data access with Azure RBAC.
package struct KeyVaultRBAC: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS804",
        name: "key-vault-rbac",
        title: "Key vaults in the template use Azure RBAC for data access",
        severity: .low,
        category: .relatedResources,
        checks: "each Microsoft.KeyVault/vaults resource of the template: properties.enableRbacAuthorization",
        absentMeans: "Access policies (the default before API 2026-02-01): the rule fails. Not applicable to exports and to templates without key vaults.",
        rationale: """
            Vault access policies grant whole permission sets on every secret of a vault and can be changed by \
            anyone with Contributor on the vault, which lets them grant themselves the secrets. Azure RBAC scopes \
            access to single secrets and keys, separates managing the vault from reading its contents, and works \
            with Privileged Identity Management and access reviews.
            """,
        risk: "anyone with Contributor on the vault can grant themselves its secrets.",
        remediation: Remediation(
            azCommand: "az keyvault update -n {resource} --enable-rbac-authorization true",
            template: "Microsoft.KeyVault/vaults properties.enableRbacAuthorization: true",
            bicep: "properties: { enableRbacAuthorization: true }",
            terraform: "rbac_authorization_enabled = true   # azurerm_key_vault (3.x: enable_rbac_authorization)",
            notes: "Create the equivalent role assignments (Key Vault Secrets User for the Secrets Store CSI identity, Key Vault Crypto User for KMS) before switching."),
        references: [Reference("Azure RBAC for Key Vault data plane operations", "https://learn.microsoft.com/azure/key-vault/general/rbac-guide")],
        peers: [.psrule("Azure.KeyVault.RBAC")],
        controls: [.mcsb("DP-8"), .mcsb("PA-7")],
        examples: [
            RuleExample("access policies", .fails(at: "$.resources[1].properties.enableRbacAuthorization"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-prod", "properties": {"enableRbacAuthorization": false, "accessPolicies": []}}]}
                """#),
            RuleExample("RBAC", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-prod", "properties": {"enableRbacAuthorization": true}}]}
                """#),
            RuleExample("an export: not applicable", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": true}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgeRelated(type: ResourceType.keyVaults, noun: "key vaults", risk: metadata.risk) { vault in
            let setting = vault.bool("enableRbacAuthorization")
            return setting.judge(
                secureValue: true, absentIsSecure: false,
                question: "key vault \(ValueDescription.quote(vault.name)) uses Azure RBAC",
                pass: "Key vault \(ValueDescription.quote(vault.name)) uses Azure RBAC (\(setting.describedValue)).",
                verdict: "Key vault \(ValueDescription.quote(vault.name)) uses access policies",
                subject: vault.subject)
        }
    }
}
