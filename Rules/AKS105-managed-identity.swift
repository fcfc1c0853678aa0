import AKSLintCore

/// AKS105: the cluster reaches Azure with a managed identity, not a service principal secret.
package struct ManagedIdentity: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS105",
        name: "managed-identity",
        title: "The cluster uses a managed identity instead of a service principal",
        severity: .medium,
        category: .identity,
        checks: "identity.type, properties.servicePrincipalProfile.clientId",
        absentMeans: "No identity and no service principal: AKS creates a system-assigned managed identity, so the rule passes. A service principal clientId other than \"msi\" without a managed identity fails.",
        rationale: """
            A service principal authenticates with a client secret that lives in the cluster and on every node, \
            expires (breaking the cluster when it does) and must be rotated by hand with `az aks update-credentials`. \
            A managed identity has no secret to steal or rotate: Azure issues short-lived tokens to the cluster. \
            Service principal clusters also cannot use several newer features that require a managed identity.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-managed-identity",
            template: #"identity: {"type": "SystemAssigned"} (and remove properties.servicePrincipalProfile)"#,
            bicep: "identity: { type: 'SystemAssigned' }",
            terraform: "identity {\n  type = \"SystemAssigned\"\n}   # instead of the service_principal block",
            notes: "The control plane switches at once; the kubelet identity changes when node pools are next upgraded (`az aks nodepool upgrade --node-image-only`). Grant the new identity the roles the service principal had (network, ACR pull) first."),
        references: [Reference("Use a managed identity in AKS", "https://learn.microsoft.com/azure/aks/use-managed-identity"), Learn.identityConcepts],
        peers: [.psrule("Azure.AKS.ManagedIdentity", "AZR-000025"), .azurePolicy("da6e2401", "Azure Kubernetes Service Clusters should use managed identities")],
        controls: [.mcsb("IM-1"), .mcsb("IM-2"), .mcsb("IM-3")],
        examples: [
            RuleExample("system-assigned identity", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "identity": {"type": "SystemAssigned"},
                 "properties": {"servicePrincipalProfile": {"clientId": "msi"}}}
                """#),
            RuleExample("service principal", .fails(at: "$.properties.servicePrincipalProfile.clientId"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"servicePrincipalProfile": {"clientId": "4b1c8a2e-0000-4000-8000-000000000009"}}}
                """#),
            RuleExample("az output, identity null, service principal", .fails(at: "$.servicePrincipalProfile.clientId"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "identity": null,
                 "servicePrincipalProfile": {"clientId": "4b1c8a2e-0000-4000-8000-000000000009"}}
                """#),
            RuleExample("neither: AKS creates a managed identity", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"dnsPrefix": "prod"}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let question = "the cluster uses a managed identity"
        let identity = cluster.resourceString("identity", "type")
        if let type = identity.reading.value, type.containsIgnoringASCIICase("assigned") {
            return [identity.result(.pass, "The cluster uses a managed identity (\(identity.describedValue)).")]
        }
        if let undecidable = identity.undecidableResult(question) { return [undecidable] }
        let clientID = cluster.string("servicePrincipalProfile", "clientId")
        if let undecidable = clientID.undecidableResult(question) { return [undecidable] }
        guard let client = clientID.reading.value, !client.isEmpty, !client.equalsIgnoringASCIICase("msi") else {
            return [clientID.result(.pass, "The cluster uses a managed identity (no service principal is configured).")]
        }
        return [clientID.result(.fail, "The cluster authenticates to Azure with a service principal (servicePrincipalProfile.clientId is set and \(identity.describedValue)): its client secret lives on every node, expires and must be rotated by hand.")]
    }
}
