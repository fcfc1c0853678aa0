import AKSLintCore

/// AKS803: the template's key vaults cannot be purged before their retention ends.
package struct KeyVaultPurgeProtection: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS803",
        name: "key-vault-purge-protection",
        title: "Key vaults in the template have purge protection",
        severity: .low,
        category: .relatedResources,
        checks: "each Microsoft.KeyVault/vaults resource of the template: properties.enablePurgeProtection",
        absentMeans: "Off (the platform default): the rule fails. Not applicable to exports and to templates without key vaults.",
        rationale: """
            Without purge protection, anyone with the right permission (or a compromised pipeline) can delete a vault \
            and purge it at once: the KMS key that encrypts the cluster's Secrets (AKS303), the disk encryption key \
            (AKS305) and the secrets workloads mount are gone for good, and the cluster cannot decrypt its own data. \
            Purge protection keeps deleted vaults and keys recoverable for the retention period.
            """,
        risk: "deleting and purging it destroys the keys and secrets the cluster depends on, with no way back.",
        remediation: Remediation(
            azCommand: "az keyvault update -n {resource} --enable-purge-protection true",
            template: "Microsoft.KeyVault/vaults properties.enablePurgeProtection: true",
            bicep: "properties: { enablePurgeProtection: true }",
            terraform: "purge_protection_enabled = true   # azurerm_key_vault",
            notes: "Purge protection cannot be turned off again."),
        references: [Reference("Azure Key Vault soft-delete and purge protection", "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview")],
        peers: [.checkov("CKV_AZURE_110"), .psrule("Azure.KeyVault.PurgeProtect")],
        controls: [.mcsb("DP-8")],
        examples: [
            RuleExample("no purge protection", .fails(at: "$.resources[1].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-prod", "properties": {"tenantId": "[subscription().tenantId]", "sku": {"family": "A", "name": "standard"}}}]}
                """#),
            RuleExample("purge protection on", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-prod", "properties": {"enablePurgeProtection": true, "enableRbacAuthorization": true}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgeRelated(type: ResourceType.keyVaults, noun: "key vaults", risk: metadata.risk) { vault in
            let setting = vault.bool("enablePurgeProtection")
            return setting.judge(
                secureValue: true, absentIsSecure: false,
                question: "key vault \(ValueDescription.quote(vault.name)) has purge protection",
                pass: "Key vault \(ValueDescription.quote(vault.name)) has purge protection (\(setting.describedValue)).",
                verdict: "Key vault \(ValueDescription.quote(vault.name)) has no purge protection",
                subject: vault.subject)
        }
    }
}
