import AKSLintCore

/// AKS403: vulnerable unused images are removed from nodes.
package struct ImageCleaner: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS403",
        name: "image-cleaner",
        title: "Image Cleaner removes unused vulnerable images from nodes",
        severity: .low,
        category: .threatProtection,
        checks: "properties.securityProfile.imageCleaner.enabled",
        absentMeans: "Image Cleaner is off: the rule fails.",
        rationale: """
            Images that no pod uses any more stay cached on nodes, with their vulnerabilities, until the node is \
            replaced. Anyone able to schedule a pod on the node can start one from a cached vulnerable image even \
            after it was removed from the registry, and vulnerability scanners keep flagging the node. Image Cleaner \
            uses Trivy to find unused images with known vulnerabilities and deletes them on a schedule.
            """,
        risk: "unused images with known vulnerabilities stay cached on nodes, ready to be started again.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-image-cleaner --image-cleaner-interval-hours 168",
            template: #"properties.securityProfile.imageCleaner: {"enabled": true, "intervalHours": 168}"#,
            bicep: "securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } }",
            terraform: "image_cleaner_enabled        = true\nimage_cleaner_interval_hours = 168"),
        references: [Reference("Use Image Cleaner to clean up stale images on AKS", "https://learn.microsoft.com/azure/aks/image-cleaner")],
        peers: [.azurePolicy("af3c26b2", "Azure Kubernetes Service Clusters should enable Image Cleaner"), .azurePolicy("7e49285c", "Deploy Image Cleaner on Azure Kubernetes Service", note: "DeployIfNotExists")],
        controls: [.mcsb("PV-6")],
        examples: [
            RuleExample("enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"securityProfile": {"imageCleaner": {"enabled": true, "intervalHours": 48}}}}
                """#),
            RuleExample("disabled", .fails(at: "$.properties.securityProfile.imageCleaner.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"securityProfile": {"imageCleaner": {"enabled": false, "intervalHours": 48}}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("securityProfile", "imageCleaner", "enabled")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "Image Cleaner is enabled",
            pass: "Image Cleaner is enabled (\(setting.describedValue)).",
            verdict: "Image Cleaner is off")]
    }
}
