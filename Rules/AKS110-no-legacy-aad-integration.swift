import AKSLintCore

/// AKS110: the cluster does not use the retired Azure AD (v1) integration.
package struct NoLegacyAAD: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS110",
        name: "no-legacy-aad-integration",
        title: "The cluster does not use the legacy Azure AD (v1) integration",
        severity: .medium,
        category: .identity,
        checks: "properties.aadProfile.serverAppID, clientAppID and serverAppSecret, against properties.aadProfile.managed",
        absentMeans: "No legacy application ids: the rule passes. A cluster with aadProfile.managed true passes whatever else aadProfile holds.",
        rationale: """
            The legacy integration authenticates users through a server and a client application registered by \
            the cluster's owner, with a long-lived application secret (`serverAppSecret`) that someone must store \
            and rotate. Microsoft deprecated it in favour of AKS-managed Entra ID integration, which needs no \
            application or secret and supports Azure RBAC and disabling local accounts. A cluster still on the \
            legacy integration keeps that secret and cannot use either.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-aad --aad-admin-group-object-ids <entra-group-object-id>",
            template: #"properties.aadProfile: {"managed": true, "adminGroupObjectIDs": ["<entra-group-object-id>"]} (and remove serverAppID, serverAppSecret, clientAppID)"#,
            bicep: "aadProfile: { managed: true, adminGroupObjectIDs: [ '<entra-group-object-id>' ] }",
            terraform: "azure_active_directory_role_based_access_control {\n  admin_group_object_ids = [\"<entra-group-object-id>\"]\n}   # azurerm 4 always uses AKS-managed Entra ID; on 3.x set managed = true and drop client_app_id, server_app_id and server_app_secret",
            notes: "The migration is one-way and in place; delete the server application's secret afterwards."),
        references: [Reference("Migrate from the legacy Azure AD integration to AKS-managed Microsoft Entra integration", "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id#migrate-a-legacy-azure-ad-cluster-to-integration"), Learn.entraIntegration],
        peers: [.psrule("Azure.AKS.ManagedAAD", "AZR-000029", note: "fails the legacy integration as part of its managed check")],
        controls: [.cis("5.5.1"), .mcsb("IM-1")],
        examples: [
            RuleExample("migrated to AKS-managed Entra ID", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"aadProfile": {"managed": true, "adminGroupObjectIDs": ["00000000-0000-0000-0000-000000000003"]}}}
                """#),
            RuleExample("legacy server and client applications", .fails(at: "$.properties.aadProfile.serverAppID"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "legacy",
                 "properties": {"aadProfile": {"clientAppID": "00000000-0000-0000-0000-000000000002", "serverAppID": "00000000-0000-0000-0000-000000000001", "tenantID": "00000000-0000-0000-0000-000000000004"}}}
                """#),
            RuleExample("no Entra integration at all (AKS101 reports that)", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "aadProfile": null}
                """#),
        ])

    /// The settings only the legacy integration has.
    static let legacyKeys = ["serverAppID", "clientAppID", "serverAppSecret"]

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let managed = cluster.bool("aadProfile", "managed")
        if managed.reading.value == true {
            return [managed.result(.pass, "The cluster uses AKS-managed Entra ID integration (\(managed.describedValue)).")]
        }
        for key in Self.legacyKeys {
            let setting = cluster.string("aadProfile", key)
            if let undecidable = setting.undecidableResult("the cluster avoids the legacy Azure AD integration") { return [undecidable] }
            if let value = setting.reading.value, !value.isEmpty {
                if let undecidable = managed.undecidableResult("the cluster avoids the legacy Azure AD integration") { return [undecidable] }
                return [setting.result(.fail, "The cluster uses the legacy Azure AD integration (aadProfile.\(key) is set and \(managed.describedValue)): it depends on an application secret that must be stored and rotated, and it cannot use Azure RBAC or disable local accounts.")]
            }
        }
        return [RuleResult(state: .pass, message: "The cluster has no legacy Azure AD integration settings.", location: cluster.properties, property: "properties.aadProfile", pointsAtEnclosingObject: true)]
    }
}
