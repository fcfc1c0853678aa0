import AKSLintCore

/// AKS104: Kubernetes RBAC is not turned off.
public struct KubernetesRBACEnabled: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "AKS104",
        name: "kubernetes-rbac-enabled",
        title: "Kubernetes role-based access control is enabled",
        severity: .critical,
        category: .identity,
        checks: "properties.enableRBAC",
        absentMeans: "Kubernetes RBAC is on (the platform default): the rule passes, except for a template resource on API version 2017-08-31, which predates enableRBAC and creates clusters without RBAC.",
        rationale: """
            With Kubernetes RBAC disabled, the API server authorizes every authenticated request: any service \
            account token mounted in any pod is effectively cluster-admin, so one compromised container owns the \
            cluster. RBAC can only be chosen when the cluster is created; AKS enables it unless `--disable-rbac` \
            (or `enableRBAC: false`) asks otherwise.
            """,
        remediation: Remediation(
            azCommand: "az aks create -g {resourceGroup} -n <new-cluster-name> --enable-aad --enable-azure-rbac --disable-local-accounts",
            template: "properties.enableRBAC: true",
            bicep: "enableRBAC: true",
            disruption: .newCluster,
            notes: "RBAC cannot be enabled on an existing cluster: create a new cluster (RBAC is on unless `--disable-rbac` is given) and move the workloads."),
        references: [Learn.identityConcepts, Learn.securityBaseline],
        peerIDs: ["CKV_AZURE_5", "Azure.AKS.UseRBAC", "AVD-AZU-0042"],
        examples: [
            RuleExample("RBAC disabled", .fails(at: "$.properties.enableRBAC"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "legacy", "properties": {"enableRBAC": false}}
                """#),
            RuleExample("az casing, RBAC disabled", .fails(at: "$.enableRbac"), #"""
                {"name": "legacy", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": false}
                """#),
            RuleExample("RBAC enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"enableRBAC": true}}
                """#),
            RuleExample("setting absent: the platform default is on", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"kubernetesVersion": "1.33.2"}}
                """#),
            RuleExample("a template on the 2017-08-31 API, which has no RBAC", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2017-08-31", "name": "legacy", "properties": {"dnsPrefix": "legacy"}}]}
                """#),
            RuleExample("az aks show output, null", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": null}
                """#),
        ])

    /// API versions of managedClusters that predate `enableRBAC`: clusters they create have no RBAC.
    static let versionsWithoutRBAC = ["2017-08-31"]

    public func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("enableRBAC")
        if setting.reading.isAbsent, let apiVersion = cluster.resource.child("apiVersion")?.node.string, Self.versionsWithoutRBAC.contains(apiVersion) {
            return [setting.result(.fail, "Kubernetes RBAC is disabled (the resource uses API version \(apiVersion), which predates enableRBAC and creates clusters without it): every authenticated identity can do anything in the cluster. Use a current API version with enableRBAC: true.")]
        }
        return [setting.judge(
            secureValue: true, absentIsSecure: true,
            question: "Kubernetes RBAC is enabled",
            pass: "Kubernetes RBAC is enabled (\(setting.describedValue)\(setting.reading.isAbsent ? ", and AKS enables it by default" : "")).",
            verdict: "Kubernetes RBAC is disabled",
            risk: "every authenticated identity, including any pod's service account, can do anything in the cluster.")]
    }
}
