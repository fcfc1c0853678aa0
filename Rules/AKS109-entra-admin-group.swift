import AKSLintCore

/// AKS109: with Entra ID but Kubernetes RBAC, an Entra group holds cluster-admin.
package struct EntraAdminGroup: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS109",
        name: "entra-admin-group",
        title: "An Entra ID group is the cluster administrator when Kubernetes RBAC authorizes users",
        severity: .low,
        category: .identity,
        checks: "properties.aadProfile.adminGroupObjectIDs (when aadProfile.managed is true and aadProfile.enableAzureRBAC is not)",
        absentMeans: "No admin group: the rule fails. Not applicable when Entra ID is off (AKS101) or Azure RBAC authorizes users (AKS102).",
        rationale: """
            With Entra ID authentication and Kubernetes RBAC, cluster-admin is granted to the Entra groups in \
            `adminGroupObjectIDs`. Without one, administrators fall back to the local admin kubeconfig, or to \
            ad-hoc ClusterRoleBindings nobody reviews. A named group puts admin access under Entra ID's \
            membership reviews, Conditional Access and Privileged Identity Management.
            """,
        risk: "administrators fall back to the local admin kubeconfig or to ClusterRoleBindings nobody reviews.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --aad-admin-group-object-ids <entra-group-object-id>",
            template: #"properties.aadProfile.adminGroupObjectIDs: ["<entra-group-object-id>"]"#,
            bicep: "aadProfile: { managed: true, adminGroupObjectIDs: [ '<entra-group-object-id>' ] }",
            terraform: "azure_active_directory_role_based_access_control {\n  admin_group_object_ids = [\"<entra-group-object-id>\"]\n}"),
        references: [Learn.entraIntegration],
        peers: [.azurePolicy("36a27de4", "Configure Microsoft Entra ID integrated Azure Kubernetes Service Clusters with required Admin Group Access")],
        controls: [.cis("5.5.1"), .mcsb("PA-1"), .mcsb("PA-7")],
        examples: [
            RuleExample("admin group set", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"aadProfile": {"managed": true, "adminGroupObjectIDs": ["0f1e2d3c-0000-4000-8000-000000000004"]}}}
                """#),
            RuleExample("no admin group (null, as REST returns it)", .fails(at: "$.properties.aadProfile.adminGroupObjectIDs"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"aadProfile": {"managed": true, "adminGroupObjectIDs": null}}}
                """#),
            RuleExample("empty list", .fails(at: "$.properties.aadProfile.adminGroupObjectIDs"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"aadProfile": {"managed": true, "adminGroupObjectIDs": []}}}
                """#),
            RuleExample("Azure RBAC authorizes users instead", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"aadProfile": {"managed": true, "enableAzureRBAC": true}}}
                """#),
            RuleExample("Entra ID off", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"enableRBAC": true}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let question = "an Entra ID group administers the cluster"
        let managed = cluster.bool("aadProfile", "managed")
        if let undecidable = managed.undecidableResult(question) { return [undecidable] }
        guard managed.reading.value == true else {
            return [managed.result(.notApplicable, "Not applicable: Entra ID integration is off (see AKS101).")]
        }
        let azureRBAC = cluster.bool("aadProfile", "enableAzureRBAC")
        if let undecidable = azureRBAC.undecidableResult(question) { return [undecidable] }
        if azureRBAC.reading.value == true {
            return [azureRBAC.result(.notApplicable, "Not applicable: Azure RBAC authorizes Kubernetes access, so admin rights are Azure role assignments.")]
        }
        let groups = cluster.array("aadProfile", "adminGroupObjectIDs")
        if let undecidable = groups.undecidableResult(question) { return [undecidable] }
        if let list = groups.reading.value, !list.isEmpty {
            return [groups.result(.pass, "\(list.count) Entra ID group\(list.count == 1 ? " administers" : "s administer") the cluster.")]
        }
        return [groups.result(.fail, groups.failureMessage(
            verdict: "No Entra ID group administers the cluster"))]
    }
}
