import AKSLintCore

/// AKS302: secrets mounted from Key Vault follow their rotation.
package struct KeyVaultSecretRotation: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS302",
        name: "key-vault-secret-rotation",
        title: "The Key Vault secrets provider rotates mounted secrets",
        severity: .low,
        category: .dataProtection,
        checks: "properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation (when the add-on is enabled)",
        absentMeans: "Rotation is off (the platform default): the rule fails. Not applicable when the add-on is off (AKS301).",
        rationale: """
            Without rotation, the Secrets Store CSI driver mounts a secret's value once, when the pod starts: a \
            secret rotated in Key Vault (after a leak, or on schedule) stays valid in every running pod until it \
            restarts, so rotation does not actually revoke anything. Rotation polls Key Vault (every two minutes by \
            default) and updates the mounted content.
            """,
        risk: "a secret rotated or revoked in Key Vault stays valid in every running pod until it restarts.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-secret-rotation",
            template: #"properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: "true""#,
            bicep: "addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } }",
            terraform: "key_vault_secrets_provider {\n  secret_rotation_enabled = true\n}",
            notes: "Applications must re-read mounted files (or synced Kubernetes Secrets) to see new values."),
        references: [Reference("Secrets Store CSI Driver: autorotation", "https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options"), Learn.secretsStoreCSI],
        peers: [.checkov("CKV_AZURE_172"), .psrule("Azure.AKS.SecretStoreRotation", "AZR-000034")],
        controls: [.cis("4.5.2"), .mcsb("DP-6"), .mcsb("DP-7")],
        examples: [
            RuleExample("rotation on", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": true, "config": {"enableSecretRotation": "true", "rotationPollInterval": "2m"}}}}}
                """#),
            RuleExample("rotation off", .fails(at: "$.properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": true, "config": {"enableSecretRotation": "false"}}}}}
                """#),
            RuleExample("add-on on, no config", .fails(at: "$.properties.addonProfiles.azureKeyvaultSecretsProvider"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": true}}}}
                """#),
            RuleExample("add-on off: not applicable", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"addonProfiles": {"azureKeyvaultSecretsProvider": {"enabled": false}}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let question = "Key Vault secrets are rotated"
        let addon = cluster.bool("addonProfiles", "azureKeyvaultSecretsProvider", "enabled")
        if let undecidable = addon.undecidableResult(question) { return [undecidable] }
        guard addon.reading.value == true else {
            return [addon.result(.notApplicable, "Not applicable: the Key Vault secrets provider add-on is off (see AKS301).")]
        }
        let rotation = cluster.bool("addonProfiles", "azureKeyvaultSecretsProvider", "config", "enableSecretRotation")
        return [rotation.judge(
            secureValue: true, absentIsSecure: false,
            question: question,
            pass: "Mounted Key Vault secrets are rotated (\(rotation.describedValue)).",
            verdict: "Secret rotation is off")]
    }
}
