import AKSLintCore

/// AKS104: Kubernetes RBAC is not turned off.
package struct KubernetesRBACEnabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS104",
        name: "kubernetes-rbac-enabled",
        title: "Kubernetes role-based access control is enabled",
        severity: .critical,
        category: .identity,
        checks: "properties.enableRBAC",
        absentMeans: "The rule fails. RBAC is on by default only when `az aks create` builds the cluster (the CLI sends enableRBAC: true unless --disable-rbac is given); a template, Bicep file or REST body that omits enableRBAC does not turn it on, and the 2017-08-31 API predates the setting altogether. PSRule, checkov (ARM), trivy and KICS fail an absent enableRBAC for the same reason.",
        rationale: """
            With Kubernetes RBAC disabled, the API server authorizes every authenticated request: any service \
            account token mounted in any pod is effectively cluster-admin, so one compromised container owns the \
            cluster. RBAC can only be chosen when the cluster is created. The CLI enables it unless `--disable-rbac` \
            is given, but that is a default of the CLI, not of the resource: a template, Bicep file or REST body \
            must say `enableRBAC: true`.
            """,
        risk: "every authenticated identity, including any pod's service account, can do anything in the cluster.",
        remediation: Remediation(
            azCommand: "az aks create -g {resourceGroup} -n <new-cluster-name> --enable-aad --enable-azure-rbac --disable-local-accounts",
            template: "properties.enableRBAC: true",
            bicep: "enableRBAC: true",
            terraform: "role_based_access_control_enabled = true   # the default; changing it forces a new cluster",
            disruption: .newCluster,
            notes: "RBAC cannot be enabled on an existing cluster: create a new cluster (RBAC is on unless `--disable-rbac` is given) and move the workloads."),
        references: [Learn.identityConcepts, Learn.managedClustersREST, Reference("az aks create (--disable-rbac: the CLI sends enableRBAC: true unless asked not to)", "https://learn.microsoft.com/cli/azure/aks#az-aks-create"), Reference("PSRule for Azure: Azure.AKS.UseRBAC", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.UseRBAC/"), Learn.securityBaseline],
        peers: [.checkov("CKV_AZURE_5", note: "its Terraform check passes an absent setting; the ARM one fails it, as akslint does"), .psrule("Azure.AKS.UseRBAC", "AZR-000038"), .trivy("AVD-AZU-0042"), .kics("9307a2ed", "AKS Cluster RBAC Disabled", note: "ARM"), .kics("86f92117", "AKS RBAC Disabled", note: "Terraform"), .prowler("aks_cluster_rbac_enabled"), .azurePolicy("ac4a19c2", "Role-Based Access Control (RBAC) should be used on Kubernetes Services", note: "audits only an explicit false")],
        controls: [.cis("4.1.1"), .mcsb("IM-1"), .mcsb("PA-7")],
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
            RuleExample("setting absent: the CLI's default does not apply to a body", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"kubernetesVersion": "1.33.2"}}
                """#),
            RuleExample("a template that omits enableRBAC", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-02-01", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("RBAC from a parameter that is not set", .indeterminate(at: "$.resources[0].properties.enableRBAC"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"rbac": {"type": "bool"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-02-01", "name": "aks", "properties": {"enableRBAC": "[parameters('rbac')]"}}]}
                """#),
            RuleExample("a template on the 2017-08-31 API, which has no RBAC", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2017-08-31", "name": "legacy", "properties": {"dnsPrefix": "legacy"}}]}
                """#),
            RuleExample("az aks show output, null", .fails(at: "$.enableRbac"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": null}
                """#),
        ])

    /// API versions of managedClusters that predate `enableRBAC`: clusters they create have no RBAC.
    static let versionsWithoutRBAC = ["2017-08-31"]

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("enableRBAC")
        if setting.reading.isAbsent, let apiVersion = cluster.resource.child("apiVersion")?.node.string, Self.versionsWithoutRBAC.contains(apiVersion) {
            return [setting.result(.fail, "Kubernetes RBAC is disabled (the resource uses API version \(apiVersion), which predates enableRBAC and creates clusters without it; use a current API version with enableRBAC: true)")]
        }
        if setting.reading.isAbsent {
            return [setting.result(.fail, "Kubernetes RBAC is not enabled (\(setting.describedValue); a template or request body that omits enableRBAC does not turn it on, only `az aks create` defaults it to true)")]
        }
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "Kubernetes RBAC is enabled",
            pass: "Kubernetes RBAC is enabled (\(setting.describedValue)).",
            verdict: "Kubernetes RBAC is disabled")]
    }
}
