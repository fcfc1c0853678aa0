import AKSLintCore

/// AKS802: the template's container registries have no shared admin account.
package struct RegistryAdminUserDisabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS802",
        name: "registry-admin-user-disabled",
        title: "Container registries in the template disable the admin user",
        severity: .high,
        category: .relatedResources,
        checks: "each Microsoft.ContainerRegistry/registries resource of the template: properties.adminUserEnabled",
        absentMeans: "Disabled (the platform default): the rule passes. Not applicable to exports and to templates without registries.",
        rationale: """
            The registry admin user is one shared username and password with push and pull rights, not tied to a \
            person, often copied into pipelines and pull secrets. Whoever obtains it can replace the images every \
            cluster pulls. Clusters should pull with their kubelet managed identity (AcrPull) and pipelines push with \
            their own identities.
            """,
        risk: "one shared password can push images that every cluster will pull and run.",
        remediation: Remediation(
            azCommand: "az acr update -n {resource} --admin-enabled false",
            template: "Microsoft.ContainerRegistry/registries properties.adminUserEnabled: false",
            bicep: "properties: { adminUserEnabled: false }",
            terraform: "admin_enabled = false   # azurerm_container_registry",
            notes: "Give the cluster pull access first: `az aks update -g {resourceGroup} -n {name} --attach-acr {resource}`."),
        references: [Reference("Authenticate with Azure Container Registry from AKS", "https://learn.microsoft.com/azure/aks/cluster-container-registry-integration")],
        peers: [.checkov("CKV_AZURE_137"), .psrule("Azure.ACR.AdminUser")],
        controls: [.cis("5.1.2"), .mcsb("PA-7")],
        examples: [
            RuleExample("admin user on", .fails(at: "$.resources.registry.properties.adminUserEnabled"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                 "resources": {"aks": {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   "registry": {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acrprod", "properties": {"adminUserEnabled": true}}}}
                """#),
            RuleExample("admin user not set", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acrprod", "properties": {}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgeRelated(type: ResourceType.registries, noun: "container registries", risk: metadata.risk) { registry in
            let setting = registry.bool("adminUserEnabled")
            return setting.judge(
                secureValue: false, absentIsSecure: true,
                question: "registry \(ValueDescription.quote(registry.name)) has an admin user",
                pass: "Registry \(ValueDescription.quote(registry.name)) has no admin user (\(setting.describedValue)).",
                verdict: "Registry \(ValueDescription.quote(registry.name)) has its admin user enabled",
                subject: registry.subject)
        }
    }
}
