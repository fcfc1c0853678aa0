import AKSLintCore

/// AKS301: workloads read secrets from Azure Key Vault through the Secrets Store CSI driver.
package struct KeyVaultSecretsProvider: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS301",
        name: "key-vault-secrets-provider",
        title: "The Azure Key Vault provider for Secrets Store CSI Driver add-on is enabled",
        severity: .medium,
        category: .dataProtection,
        checks: "properties.addonProfiles.azureKeyvaultSecretsProvider.enabled (add-on keys are matched without case)",
        absentMeans: "The add-on is off: the rule fails.",
        rationale: """
            Kubernetes Secrets are only base64-encoded, readable by anyone who can read the namespace, copied into \
            etcd backups and often committed to Git. The Key Vault provider mounts secrets, keys and certificates \
            from Azure Key Vault into pods at run time, so they stay in a vault with access policies, auditing, \
            rotation and soft delete.
            """,
        risk: "workload secrets live in Kubernetes Secrets, which are only base64-encoded and end up in etcd backups and Git.",
        remediation: Remediation(
            azCommand: "az aks enable-addons -g {resourceGroup} -n {name} --addons azure-keyvault-secrets-provider --enable-secret-rotation",
            template: #"properties.addonProfiles.azureKeyvaultSecretsProvider: {"enabled": true, "config": {"enableSecretRotation": "true"}}"#,
            bicep: "addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } }",
            terraform: "key_vault_secrets_provider {\n  secret_rotation_enabled = true\n}"),
        references: [Learn.secretsStoreCSI],
        peers: [.psrule("Azure.AKS.SecretStore", "AZR-000033")],
        controls: [.cis("4.5.2"), .mcsb("IM-8")],
        examples: [
            RuleExample("add-on enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": true, "config": {"enableSecretRotation": "true"}}}}}
                """#),
            RuleExample("other casing of the add-on key", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azureKeyVaultSecretsProvider": {"enabled": true}}}}
                """#),
            RuleExample("add-on disabled", .fails(at: "$.properties.addonProfiles.azureKeyvaultSecretsProvider.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": false, "config": null}}}}
                """#),
            RuleExample("no add-ons", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"dnsPrefix": "prod"}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("addonProfiles", "azureKeyvaultSecretsProvider", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the Key Vault secrets provider is enabled",
            pass: "The Key Vault secrets provider add-on is enabled (\(setting.describedValue)).",
            verdict: "The Key Vault secrets provider add-on is off")]
    }
}
