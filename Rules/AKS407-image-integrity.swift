import AKSLintCore

/// AKS407: only signed images are admitted (Image Integrity).
package struct ImageIntegrity: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS407",
        name: "image-integrity",
        title: "Image Integrity verifies image signatures before pods run",
        severity: .info,
        category: .threatProtection,
        checks: "properties.securityProfile.imageIntegrity.enabled",
        absentMeans: "Off (the platform default): any image the nodes can pull runs, and the rule reports it (info).",
        rationale: """
            Image Integrity (a preview feature) installs the Ratify verifier behind Azure Policy so that pods whose \
            images are not signed by a trusted key are denied or audited. It closes the gap between a registry \
            that holds tampered or unvetted images and a cluster that runs them. Signing needs a supply-chain \
            process (Notation, a key in Key Vault), so the rule informs rather than fails.
            """,
        risk: "an unsigned or tampered image runs as long as the nodes can pull it.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-image-integrity",
            template: "properties.securityProfile.imageIntegrity.enabled: true",
            bicep: "securityProfile: { imageIntegrity: { enabled: true } }",
            terraform: "resource \"azapi_update_resource\" \"image_integrity\" {\n  type        = \"Microsoft.ContainerService/managedClusters@2023-08-02-preview\"\n  resource_id = azurerm_kubernetes_cluster.this.id\n  body        = { properties = { securityProfile = { imageIntegrity = { enabled = true } } } }\n}   # azurerm has no attribute for it",
            notes: "Needs the OIDC issuer, workload identity and the Azure Policy add-on; assign the image-integrity policy to enforce it."),
        references: [Reference("Use Image Integrity to validate signed images before deploying them to AKS", "https://learn.microsoft.com/azure/aks/image-integrity")],
        peers: [.azurePolicy("5dc99dae", "[Preview]: Deploy Image Integrity on Azure Kubernetes Service", note: "DeployIfNotExists")],
        controls: [.cis("5.1.1"), .mcsb("PV-5")],
        examples: [
            RuleExample("enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"securityProfile": {"imageIntegrity": {"enabled": true}}}}
                """#),
            RuleExample("not enabled", .fails(at: "$.securityProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "securityProfile": {"imageCleaner": {"enabled": true}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("securityProfile", "imageIntegrity", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "Image Integrity is enabled",
            pass: "Image signatures are verified before pods run (\(setting.describedValue)).",
            verdict: "Image Integrity is off")]
    }
}
