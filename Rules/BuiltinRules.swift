import AKSLintCore

/// The rules akslint ships, in catalogue order.
public enum BuiltinRules {
    /// Every built-in rule: the security-posture families AKS1xx to AKS8xx, which run by default,
    /// then the AKS9xx reliability, cost and naming rules, which run when asked for.
    public static let all: [any Rule] = [
        // Identity and access
        EntraIDIntegration(), AzureRBACAuthorization(), LocalAccountsDisabled(), KubernetesRBACEnabled(), ManagedIdentity(),
        WorkloadIdentityEnabled(), OIDCIssuerEnabled(), NoPodManagedIdentity(), EntraAdminGroup(), NoLegacyAAD(),
        // Network
        PrivateCluster(), APIServerNotInternetOpen(), PrivateClusterNoPublicFQDN(), RunCommandDisabled(), NetworkPolicy(),
        NoNodePublicIP(), EgressRestricted(), NoHTTPApplicationRouting(), NoKubenet(), PrivateDNSZone(), APIServerVNetIntegration(),
        // Secrets and data protection
        KeyVaultSecretsProvider(), KeyVaultSecretRotation(), KMSEtcdEncryption(), EncryptionAtHost(), CustomerManagedDiskKey(), NoInlineCredentials(),
        // Threat protection and governance
        DefenderForContainers(), AzurePolicyAddon(), ImageCleaner(), NoKubeDashboard(), NoPodSecurityPolicy(), DefenderContainersPlan(), ImageIntegrity(),
        // Logging and monitoring
        ContainerInsights(), ControlPlaneAuditLogs(), ManagedPrometheus(), PlatformLogs(),
        // Lifecycle
        ClusterAutoUpgrade(), NodeOSAutoUpgrade(), SupportedKubernetesVersion(), UptimeSLATier(), ConfigurationAccepted(),
        // Node pools
        NodeSSHDisabled(), AzureLinuxNodes(), SystemPoolCriticalOnly(), AvailabilityZones(), TrustedLaunch(), FIPSNodeImages(),
        // Related resources
        RegistryPrivate(), RegistryAdminUserDisabled(), KeyVaultPurgeProtection(), KeyVaultRBAC(),
        // Reliability, cost and naming (not run by default)
        StandardLoadBalancer(), CNISubnetSize(), PoolVersion(), MaintenanceWindows(), LongTermSupport(), PoolAutoscaling(),
        SystemPoolMinimumNodes(), UserPoolMinimumNodes(), EphemeralOSDisk(), MinimumMaxPods(), ScaleSetPools(), CSIDrivers(),
        AuditAdminLogs(), ClusterName(), DNSPrefix(), NamingConvention(),
    ]

    /// The rule with this id (compared without case), if any.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.metadata.id.equalsIgnoringASCIICase(id) }
    }
}
