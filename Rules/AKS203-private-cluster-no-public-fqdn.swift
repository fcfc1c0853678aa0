import AKSLintCore

/// AKS203: a private cluster publishes no public DNS name for its API server.
package struct PrivateClusterNoPublicFQDN: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS203",
        name: "private-cluster-no-public-fqdn",
        title: "A private cluster does not publish a public DNS name for its API server",
        severity: .low,
        category: .network,
        checks: "properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN (private clusters only)",
        absentMeans: "No public FQDN: the rule passes. Not applicable to public clusters.",
        rationale: """
            With `enablePrivateClusterPublicFQDN`, a private cluster's API server gets a public DNS record that \
            resolves to its private IP. The endpoint stays unreachable from the internet, but the record discloses \
            the cluster's existence, name and internal address to anyone, and clients resolve it outside the \
            private DNS zone you control. The Microsoft cloud security benchmark recommends disabling it.
            """,
        risk: "the record discloses the cluster's name and private address to anyone who looks it up.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --disable-public-fqdn",
            template: "properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN: false",
            bicep: "apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false }",
            terraform: "private_cluster_enabled             = true\nprivate_cluster_public_fqdn_enabled = false",
            notes: "Clients must then resolve the API server through the private DNS zone linked to their network."),
        references: [Learn.privateClusters, Learn.securityBaseline],
        peers: [],
        controls: [.cis("5.4.2"), .mcsb("NS-2")],
        examples: [
            RuleExample("private with a public FQDN", .fails(at: "$.properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true, "enablePrivateClusterPublicFQDN": true, "privateDNSZone": "system"}}}
                """#),
            RuleExample("private without", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true, "enablePrivateClusterPublicFQDN": false}}}
                """#),
            RuleExample("public cluster: not applicable", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enablePrivateClusterPublicFQDN": true}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let question = "the private cluster publishes a public DNS name"
        let privateCluster = cluster.bool("apiServerAccessProfile", "enablePrivateCluster")
        if let undecidable = privateCluster.undecidableResult(question) { return [undecidable] }
        guard privateCluster.reading.value == true else {
            return [privateCluster.result(.notApplicable, "Not applicable: the cluster is not private (see AKS201).")]
        }
        let setting = cluster.bool("apiServerAccessProfile", "enablePrivateClusterPublicFQDN")
        return [setting.judge(
            secureValue: false, absentIsSecure: true,
            question: question,
            pass: "The private cluster publishes no public DNS name (\(setting.describedValue)).",
            verdict: "The private cluster publishes a public DNS name")]
    }
}
