import AKSLintCore

/// AKS101: people sign in with Microsoft Entra ID, through AKS-managed integration.
package struct EntraIDIntegration: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS101",
        name: "entra-id-integration",
        title: "Users authenticate to the cluster with Microsoft Entra ID (AKS-managed integration)",
        severity: .high,
        category: .identity,
        checks: "properties.aadProfile.managed (legacy properties.aadProfile.serverAppID also fails)",
        absentMeans: "No Entra ID integration: the rule fails.",
        rationale: """
            Without Microsoft Entra ID integration, people reach the cluster with Kubernetes client certificates \
            from the cluster's kubeconfig. Those credentials are not tied to a person, cannot be revoked one by one, \
            and bypass Conditional Access and MFA. AKS-managed integration (`aadProfile.managed: true`) makes every \
            user sign in with Entra ID; the legacy integration (`serverAppID`/`clientAppID`) is deprecated and keeps \
            an application secret in the cluster definition.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-aad --aad-admin-group-object-ids <entra-group-object-id>",
            template: #"properties.aadProfile: {"managed": true, "enableAzureRBAC": true, "adminGroupObjectIDs": ["<entra-group-object-id>"]}"#,
            bicep: "aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [ '<entra-group-object-id>' ] }",
            terraform: "azure_active_directory_role_based_access_control {\n  azure_rbac_enabled     = true\n  admin_group_object_ids = [\"<entra-group-object-id>\"]\n}",
            notes: "The same command migrates a cluster from the legacy integration. Entra ID integration cannot be turned off again."),
        references: [Learn.entraIntegration, Learn.identityConcepts, Learn.securityBaseline],
        peers: [.psrule("Azure.AKS.ManagedAAD", "AZR-000029"), .azurePolicy("450d2877", "Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration", note: "audits only a missing aadProfile, so it passes the legacy integration, which akslint fails")],
        controls: [.cis("5.5.1"), .mcsb("IM-1"), .mcsb("IM-2")],
        examples: [
            RuleExample("AKS-managed Entra ID integration", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"aadProfile": {"managed": true, "enableAzureRBAC": true}}}
                """#),
            RuleExample("no aadProfile at all", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"enableRBAC": true}}
                """#),
            RuleExample("az aks show output, aadProfile null", .fails(at: "$.aadProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "aadProfile": null, "enableRbac": true}
                """#),
            RuleExample("legacy (v1) Azure AD integration", .fails(at: "$.properties.aadProfile.serverAppID"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"aadProfile": {"serverAppID": "00000000-0000-0000-0000-000000000001", "clientAppID": "00000000-0000-0000-0000-000000000002"}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let managed = cluster.bool("aadProfile", "managed")
        let question = "Microsoft Entra ID integration is enabled"
        if let undecidable = managed.undecidableResult(question) { return [undecidable] }
        if managed.reading.value == true {
            return [managed.result(.pass, "Microsoft Entra ID integration is enabled (\(managed.describedValue)).")]
        }
        let legacy = cluster.string("aadProfile", "serverAppID")
        if let serverApp = legacy.reading.value, !serverApp.isEmpty {
            return [legacy.result(.fail, "The cluster uses the deprecated legacy Azure AD integration (serverAppID is set, managed is not true): migrate to AKS-managed Entra ID integration, which keeps no application secret in the cluster.")]
        }
        return [managed.result(.fail, managed.failureMessage(
            verdict: "Microsoft Entra ID integration is off",
            risk: "users authenticate with Kubernetes client certificates that are not tied to a person and cannot be revoked one by one."))]
    }
}
