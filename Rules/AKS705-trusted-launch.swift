import AKSLintCore

/// AKS705: nodes boot with Secure Boot and a virtual TPM.
package struct TrustedLaunch: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS705",
        name: "trusted-launch",
        title: "Node pools use trusted launch (Secure Boot and vTPM)",
        severity: .low,
        category: .nodePools,
        checks: "each pool's securityProfile.enableSecureBoot and securityProfile.enableVTPM",
        absentMeans: "Both off (the platform default): the rule fails.",
        rationale: """
            Trusted launch boots nodes with Secure Boot, which refuses unsigned bootloaders, kernels and drivers, \
            and a virtual TPM that measures the boot chain, so rootkits and bootkits cannot persist below the OS \
            and boot integrity can be attested. It needs Generation 2 VM sizes and is set when a pool is created.
            """,
        risk: "without Secure Boot and a vTPM, a bootkit or unsigned kernel module can persist below the OS unnoticed.",
        remediation: Remediation(
            azCommand: "az aks nodepool update -g {resourceGroup} --cluster-name {name} -n {pool} --enable-secure-boot --enable-vtpm",
            template: #"properties.agentPoolProfiles[].securityProfile: {"enableSecureBoot": true, "enableVTPM": true}"#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', securityProfile: { enableSecureBoot: true, enableVTPM: true } } ]",
            terraform: "resource \"azapi_update_resource\" \"trusted_launch_{pool}\" {\n  type        = \"Microsoft.ContainerService/managedClusters/agentPools@2025-10-01\"\n  resource_id = \"${azurerm_kubernetes_cluster.this.id}/agentPools/{pool}\"\n  body        = { properties = { securityProfile = { enableSecureBoot = true, enableVTPM = true } } }\n}   # azurerm has no attribute for it",
            notes: "Needs a Generation 2 VM size and a supported OS image; the update re-images the pool's nodes."),
        references: [Reference("Trusted launch for AKS", "https://learn.microsoft.com/azure/aks/use-trusted-launch")],
        peers: [],
        controls: [.mcsb("PV-4")],
        judgesNodePools: true,
        examples: [
            RuleExample("trusted launch", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "securityProfile": {"enableSecureBoot": true, "enableVTPM": true}}]}}
                """#),
            RuleExample("vTPM only", .fails(at: "$.properties.agentPoolProfiles[0].securityProfile.enableSecureBoot"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "securityProfile": {"enableSecureBoot": false, "enableVTPM": true}}]}}
                """#),
            RuleExample("not set", .fails(at: "$.properties.agentPoolProfiles[0]"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "node pools use trusted launch") { pool in
            let name = pool.quotedName
            let subject = ResultSubject.agentPool(pool.displayName)
            let secureBoot = pool.bool("securityProfile", "enableSecureBoot")
            let vTPM = pool.bool("securityProfile", "enableVTPM")
            // Made only for the results that ask: most pools are judged without it.
            @Sendable func question() -> String { "pool \(name) uses trusted launch" }
            for setting in [secureBoot, vTPM] where setting.reading.value != true {
                if let undecidable = setting.undecidableResult(question(), subject: subject) { return undecidable }
                return setting.result(.fail, setting.failureMessage(
                    verdict: "Node pool \(name) does not use trusted launch"), subject: subject)
            }
            return secureBoot.result(.pass, "Node pool \(name) uses trusted launch (Secure Boot and vTPM are on).", subject: subject)
        }
    }
}
