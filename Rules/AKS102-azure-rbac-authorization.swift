import AKSLintCore

/// AKS102: Kubernetes authorization decisions are made by Azure RBAC.
package struct AzureRBACAuthorization: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS102",
        name: "azure-rbac-authorization",
        title: "Kubernetes authorization uses Azure RBAC role assignments",
        severity: .medium,
        category: .identity,
        checks: "properties.aadProfile.enableAzureRBAC",
        absentMeans: "Only Kubernetes RBAC (in-cluster RoleBindings) authorizes users: the rule fails.",
        rationale: """
            With Azure RBAC for Kubernetes authorization, who may do what in the cluster is granted with Azure role \
            assignments: reviewed in one place, inherited from management groups, covered by Privileged Identity \
            Management and the activity log. Without it, access lives in RoleBindings inside each cluster, where \
            audits and access reviews do not see it. It requires AKS-managed Entra ID integration (AKS101).
            """,
        risk: "access is granted by RoleBindings inside the cluster, which Azure access reviews, PIM and the activity log do not see.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-azure-rbac",
            template: "properties.aadProfile.enableAzureRBAC: true",
            bicep: "aadProfile: { managed: true, enableAzureRBAC: true }",
            terraform: "azure_active_directory_role_based_access_control {\n  azure_rbac_enabled = true\n}",
            notes: "Needs AKS-managed Entra ID integration (`--enable-aad`) first."),
        references: [Learn.azureRBAC, Learn.identityConcepts],
        peers: [.psrule("Azure.AKS.AzureRBAC", "AZR-000032")],
        controls: [.cis("5.5.2"), .mcsb("IM-1"), .mcsb("PA-7")],
        examples: [
            RuleExample("Azure RBAC enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"aadProfile": {"managed": true, "enableAzureRBAC": true}}}
                """#),
            RuleExample("az casing, Azure RBAC explicitly off", .fails(at: "$.aadProfile.enableAzureRbac"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "aadProfile": {"managed": true, "enableAzureRbac": false}}
                """#),
            RuleExample("Entra ID on, enableAzureRBAC absent", .fails(at: "$.properties.aadProfile"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"aadProfile": {"managed": true}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let azureRBAC = cluster.bool("aadProfile", "enableAzureRBAC")
        let entraOff = cluster.bool("aadProfile", "managed").reading.value != true
        return [azureRBAC.judge(
            secureValue: true, absentIsSecure: false,
            question: "Azure RBAC authorizes Kubernetes access",
            pass: "Kubernetes authorization uses Azure RBAC (\(azureRBAC.describedValue)).",
            verdict: entraOff
                ? "Azure RBAC for Kubernetes authorization is off, and needs AKS-managed Entra ID integration (AKS101) first"
                : "Azure RBAC for Kubernetes authorization is off")]
    }
}
