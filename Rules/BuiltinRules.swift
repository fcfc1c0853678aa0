import AKSLintCore

/// The rules akslint ships, in catalogue order.
public enum BuiltinRules {
    /// Every built-in rule.
    public static let all: [any Rule] = [
        EntraIDIntegration(),
        AzureRBACAuthorization(),
        LocalAccountsDisabled(),
        KubernetesRBACEnabled(),
        WorkloadIdentityEnabled(),
        OIDCIssuerEnabled(),
        PrivateCluster(),
        APIServerNotInternetOpen(),
        NetworkPolicy(),
        NoNodePublicIP(),
        KeyVaultSecretsProvider(),
        DefenderForContainers(),
        AzurePolicyAddon(),
    ]

    /// The rule with this id (compared without case), if any.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.metadata.id.equalsIgnoringASCIICase(id) }
    }
}
