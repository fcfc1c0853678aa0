import AKSLintCore

/// AKS406: the subscription's Defender for Containers plan is on.
package struct DefenderContainersPlan: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS406",
        name: "defender-containers-plan",
        title: "The Microsoft Defender for Containers plan is on the Standard tier",
        severity: .medium,
        category: .threatProtection,
        checks: "Microsoft.Security/pricings resources named Containers in the same template (or export): properties.pricingTier",
        absentMeans: "No Containers pricing in the input: not applicable, because the plan is a subscription setting the cluster's definition does not carry (AKS401 checks the cluster's Defender profile). A Containers pricing without a tier is Free, and fails.",
        rationale: """
            The Defender sensor on a cluster (AKS401) only reports threats when the subscription's Defender for \
            Containers plan is on: with the plan on the Free tier, runtime detection, the vulnerability \
            assessment of registry images and the Kubernetes audit-log analytics are all off. The plan is set by \
            a `Microsoft.Security/pricings` resource named `Containers`, often in the same subscription-level \
            template that deploys the platform.
            """,
        risk: "the Defender sensor reports nothing: no runtime threat detection, no image vulnerability assessment, no audit-log analytics.",
        remediation: Remediation(
            azCommand: "az security pricing create --name Containers --tier Standard",
            template: #"a Microsoft.Security/pricings resource named "Containers" with "properties": {"pricingTier": "Standard"}"#,
            bicep: "resource containersPlan 'Microsoft.Security/pricings@2024-01-01' = {\n  name: 'Containers'\n  properties: { pricingTier: 'Standard' }\n}",
            terraform: "resource \"azurerm_security_center_subscription_pricing\" \"containers\" {\n  tier          = \"Standard\"\n  resource_type = \"Containers\"\n}",
            notes: "The plan is billed per vCore of the subscription's clusters."),
        references: [Learn.defenderForContainers, Reference("Microsoft.Security/pricings (template reference)", "https://learn.microsoft.com/azure/templates/microsoft.security/pricings")],
        peers: [.checkov("CKV_AZURE_85", note: "ARM, Bicep and Terraform: any pricing on the Standard tier")],
        controls: [.mcsb("LT-1")],
        examples: [
            RuleExample("the Containers plan on Standard", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "Containers", "properties": {"pricingTier": "Standard"}}]}
                """#),
            RuleExample("the Containers plan on Free", .fails(at: "$.resources[1].properties.pricingTier"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}},
                   {"type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "Containers", "properties": {"pricingTier": "Free"}}]}
                """#),
            RuleExample("no pricing in the template: not applicable", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "properties": {}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        guard cluster.showsRelatedResources else {
            return [cluster.notApplicable("Not applicable: the Defender for Containers plan is a subscription setting that an export of the cluster does not show (run `az security pricing show --name Containers`).")]
        }
        let plans = cluster.relatedResources.filter { $0.isOfType(ResourceType.securityPricings) && ($0.name.equalsIgnoringASCIICase("Containers") || $0.name.asciiLowercased().hasSuffix("/containers")) }
        guard !plans.isEmpty else {
            return [cluster.notApplicable("Not applicable: the input sets no Defender for Containers plan (a Microsoft.Security/pricings resource named Containers); the plan is a subscription setting.")]
        }
        return cluster.judgeRelated(type: ResourceType.securityPricings, noun: "Defender plans", risk: metadata.risk) { plan in
            guard plans.contains(where: { $0.resource.path == plan.resource.path }) else {
                return RuleResult(state: .notApplicable, message: "Not applicable: pricing \(ValueDescription.quote(plan.name)) is not the Containers plan.", location: plan.resource, property: "\(plan.type)/properties.pricingTier", subject: plan.subject)
            }
            let tier = plan.string("pricingTier")
            return tier.judgeChoice(
                secureValues: ["Standard"], absentIsSecure: false,
                question: "the Defender for Containers plan is on",
                pass: "The Defender for Containers plan is on (\(tier.describedValue)).",
                verdict: "The Defender for Containers plan is off",
                subject: plan.subject)
        }
    }
}
