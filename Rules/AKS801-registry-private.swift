import AKSLintCore

/// AKS801: the template's container registries are not reachable from the internet.
package struct RegistryPrivate: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS801",
        name: "registry-private",
        title: "Container registries in the template disable public network access",
        severity: .medium,
        category: .relatedResources,
        checks: "each Microsoft.ContainerRegistry/registries resource of the template: properties.publicNetworkAccess",
        absentMeans: "Enabled (the platform default): the rule fails. Not applicable to exports and to templates without registries.",
        rationale: """
            A registry open to the internet can be reached with any leaked credential or token from anywhere, so \
            images can be pulled (with the secrets baked into them) or, with push rights, replaced by a poisoned \
            image the cluster will run. Disabling public network access and using private endpoints keeps the \
            registry on the networks your clusters and build agents use.
            """,
        risk: "a leaked token lets anyone pull its images (and the secrets in them), or push a poisoned one.",
        remediation: Remediation(
            azCommand: "az acr update -n {resource} --public-network-enabled false",
            template: #"Microsoft.ContainerRegistry/registries properties.publicNetworkAccess: "Disabled" (Premium SKU, with a private endpoint)"#,
            bicep: "properties: { publicNetworkAccess: 'Disabled' }",
            terraform: "public_network_access_enabled = false   # azurerm_container_registry (Premium SKU); unset, it is true",
            notes: "Needs the Premium SKU and a private endpoint reachable from the cluster and from build agents."),
        references: [Reference("Connect privately to an Azure container registry using Private Link", "https://learn.microsoft.com/azure/container-registry/container-registry-private-link")],
        peers: [.checkov("CKV_AZURE_139"), .psrule("Azure.ACR.Firewall", "AZR-000402")],
        controls: [.cis("5.1.2"), .mcsb("NS-2")],
        examples: [
            RuleExample("public registry", .fails(at: "$.resources[1].properties.publicNetworkAccess"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acrprod", "sku": {"name": "Premium"},
                    "properties": {"publicNetworkAccess": "Enabled"}}]}
                """#),
            RuleExample("private registry", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acrprod", "sku": {"name": "Premium"},
                    "properties": {"publicNetworkAccess": "Disabled"}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgeRelated(type: ResourceType.registries, noun: "container registries", risk: metadata.risk) { registry in
            let setting = registry.string("publicNetworkAccess")
            return setting.judgeChoice(
                secureValues: ["Disabled"], absentIsSecure: false,
                question: "registry \(ValueDescription.quote(registry.name)) is private",
                pass: "Registry \(ValueDescription.quote(registry.name)) disables public network access.",
                verdict: "Registry \(ValueDescription.quote(registry.name)) is reachable from the internet",
                subject: registry.subject)
        }
    }
}
