import AKSLintCore

/// AKS303: Kubernetes Secrets in etcd are encrypted with a key from Azure Key Vault.
package struct KMSEtcdEncryption: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS303",
        name: "kms-etcd-encryption",
        title: "Kubernetes Secrets are encrypted in etcd with a Key Vault key (KMS)",
        severity: .medium,
        category: .dataProtection,
        checks: "properties.securityProfile.azureKeyVaultKms.enabled",
        absentMeans: "KMS encryption is off: the rule fails.",
        rationale: """
            Without KMS, Kubernetes Secrets are stored in etcd encrypted only by the platform's disk encryption: \
            anyone who obtains an etcd backup or snapshot reads them. Key Management Service encryption wraps each \
            Secret with a key you hold in Azure Key Vault, so you control, audit, rotate and can revoke access to \
            the key, which CIS AKS 5.3.1 asks for.
            """,
        risk: "Kubernetes Secrets in etcd and its backups are protected only by platform disk encryption, with no key you control or can revoke.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id <key-vault-id>",
            template: #"properties.securityProfile.azureKeyVaultKms: {"enabled": true, "keyId": "<key-id>", "keyVaultNetworkAccess": "Private", "keyVaultResourceId": "<key-vault-id>"}"#,
            bicep: "securityProfile: { azureKeyVaultKms: { enabled: true, keyId: '<key-id>', keyVaultNetworkAccess: 'Private', keyVaultResourceId: '<key-vault-id>' } }",
            terraform: "key_management_service {\n  key_vault_key_id         = \"<key-id>\"\n  key_vault_network_access = \"Private\"\n}",
            notes: "The cluster identity needs the Key Vault Crypto User role on the key. Existing Secrets are re-encrypted when rewritten (`kubectl get secrets -A -o json | kubectl replace -f -`)."),
        references: [Reference("Add Key Management Service etcd encryption to AKS", "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption")],
        peers: [.azurePolicy("dbbdc317", "Azure Kubernetes Clusters should enable Key Management Service (KMS)")],
        controls: [.cis("5.3.1"), .mcsb("DP-5")],
        examples: [
            RuleExample("KMS enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"securityProfile": {"azureKeyVaultKms": {"enabled": true, "keyId": "https://kv.vault.azure.net/keys/etcd/0123", "keyVaultNetworkAccess": "Public"}}}}
                """#),
            RuleExample("no KMS", .fails(at: "$.securityProfile.azureKeyVaultKms"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "securityProfile": {"azureKeyVaultKms": null}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("securityProfile", "azureKeyVaultKms", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "KMS etcd encryption is enabled",
            pass: "Kubernetes Secrets are encrypted with a Key Vault key (\(setting.describedValue)).",
            verdict: "KMS etcd encryption is off")]
    }
}
