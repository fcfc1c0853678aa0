import AKSLintCore

/// The rules akslint ships, in catalogue order.
public enum BuiltinRules {
    /// Every built-in rule.
    public static let all: [any Rule] = [
        EntraIDIntegration(), AzureRBACAuthorization(), LocalAccountsDisabled(), KubernetesRBACEnabled(), ManagedIdentity(),
        WorkloadIdentityEnabled(), OIDCIssuerEnabled(), NoPodManagedIdentity(), EntraAdminGroup(),
        PrivateCluster(), APIServerNotInternetOpen(), PrivateClusterNoPublicFQDN(), RunCommandDisabled(), NetworkPolicy(),
        NoNodePublicIP(), EgressRestricted(), NoHTTPApplicationRouting(), NoKubenet(),
        KeyVaultSecretsProvider(), KeyVaultSecretRotation(), KMSEtcdEncryption(), EncryptionAtHost(), CustomerManagedDiskKey(), NoInlineCredentials(),
        DefenderForContainers(), AzurePolicyAddon(), ImageCleaner(), NoKubeDashboard(), NoPodSecurityPolicy(),
        ContainerInsights(), ControlPlaneAuditLogs(), ManagedPrometheus(),
        ClusterAutoUpgrade(), NodeOSAutoUpgrade(), SupportedKubernetesVersion(), UptimeSLATier(),
        NodeSSHDisabled(), AzureLinuxNodes(), SystemPoolCriticalOnly(), AvailabilityZones(), TrustedLaunch(),
        RegistryPrivate(), RegistryAdminUserDisabled(), KeyVaultPurgeProtection(), KeyVaultRBAC(),
    ]
    /// The rule with this id (compared without case), if any.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.metadata.id.equalsIgnoringASCIICase(id) }
    }
}
