import AKSLintCore

/// AKS201: the API server has no public endpoint.
package struct PrivateCluster: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS201",
        name: "private-cluster",
        title: "The API server is private (no public endpoint)",
        severity: .medium,
        category: .network,
        checks: "properties.apiServerAccessProfile.enablePrivateCluster",
        absentMeans: "The API server has a public endpoint: the rule fails.",
        rationale: """
            A public API server can be reached, probed and attacked from the whole internet; only its \
            authentication stands between an attacker and the cluster, and API server vulnerabilities and leaked \
            credentials are exploited from anywhere. A private cluster exposes the API server only on a private IP \
            in your virtual network. Authorized IP ranges (AKS202) reduce the exposure of public clusters but are a \
            weaker control.
            """,
        risk: "it can be reached and attacked from the internet; only authentication and authorized IP ranges protect it.",
        remediation: Remediation(
            azCommand: "az aks create -g {resourceGroup} -n <new-cluster-name> --enable-private-cluster",
            template: "properties.apiServerAccessProfile.enablePrivateCluster: true",
            bicep: "apiServerAccessProfile: { enablePrivateCluster: true }",
            terraform: "private_cluster_enabled = true   # forces a new cluster",
            disruption: .newCluster,
            notes: "A cluster with API Server VNet Integration can be made private in place (`az aks update -g <resource-group> -n <cluster-name> --enable-private-cluster`, after `--enable-apiserver-vnet-integration --apiserver-subnet-id <subnet-id>`); other clusters are recreated private. Clients then need a network path and private DNS to the API server."),
        references: [Learn.privateClusters, Learn.apiServerVnetIntegration],
        peers: [.checkov("CKV_AZURE_115", note: "Terraform only"), .trivy("AVD-AZU-0065"), .kics("599318f2", "AKS Private Cluster Disabled", note: "Terraform"), .prowler("aks_clusters_public_access_disabled"), .azurePolicy("040732e8", "Azure Kubernetes Service Private Clusters should be enabled")],
        controls: [.cis("5.4.1"), .cis("5.4.2"), .mcsb("NS-2")],
        examples: [
            RuleExample("private cluster", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true}}}
                """#),
            RuleExample("public API server, explicit", .fails(at: "$.properties.apiServerAccessProfile.enablePrivateCluster"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"enablePrivateCluster": false}}}
                """#),
            RuleExample("no apiServerAccessProfile", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"dnsPrefix": "prod"}}
                """#),
            RuleExample("az aks show output, null", .fails(at: "$.apiServerAccessProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "apiServerAccessProfile": null}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("apiServerAccessProfile", "enablePrivateCluster")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the cluster is private",
            pass: "The API server is private (\(setting.describedValue)).",
            verdict: "The API server has a public endpoint")]
    }
}
