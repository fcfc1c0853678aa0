import AKSLintCore

/// Microsoft Learn pages cited by several rules.
enum Learn {
    static let entraIntegration = Reference("AKS-managed Microsoft Entra integration", "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id")
    static let azureRBAC = Reference("Use Azure RBAC for Kubernetes authorization", "https://learn.microsoft.com/azure/aks/manage-azure-rbac")
    static let localAccounts = Reference("Manage local accounts with AKS-managed Microsoft Entra integration", "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad")
    static let identityConcepts = Reference("Access and identity options for AKS", "https://learn.microsoft.com/azure/aks/concepts-identity")
    static let workloadIdentity = Reference("Microsoft Entra Workload ID with AKS", "https://learn.microsoft.com/azure/aks/workload-identity-overview")
    static let oidcIssuer = Reference("Create an OpenID Connect provider on AKS", "https://learn.microsoft.com/azure/aks/use-oidc-issuer")
    static let privateClusters = Reference("Create a private AKS cluster", "https://learn.microsoft.com/azure/aks/private-clusters")
    static let apiServerVnetIntegration = Reference("API Server VNet Integration", "https://learn.microsoft.com/azure/aks/api-server-vnet-integration")
    static let authorizedIPRanges = Reference("Secure access to the API server using authorized IP address ranges", "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges")
    static let networkPolicies = Reference("Secure traffic between pods by using network policies in AKS", "https://learn.microsoft.com/azure/aks/use-network-policies")
    static let nodePublicIPs = Reference("Use instance-level public IPs in AKS", "https://learn.microsoft.com/azure/aks/use-node-public-ips")
    static let secretsStoreCSI = Reference("Use the Azure Key Vault provider for Secrets Store CSI Driver", "https://learn.microsoft.com/azure/aks/csi-secrets-store-driver")
    static let defenderForContainers = Reference("Enable Microsoft Defender for Containers", "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable")
    static let azurePolicyAddon = Reference("Secure your cluster with Azure Policy", "https://learn.microsoft.com/azure/aks/use-azure-policy")
    static let managedClustersREST = Reference("Managed Clusters - Create Or Update (REST API reference)", "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update")
    static let securityBaseline = Reference("Azure security baseline for AKS", "https://learn.microsoft.com/security/benchmark/azure/baselines/azure-kubernetes-service-aks-security-baseline")
}
