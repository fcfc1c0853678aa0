import AKSLintCore

/// AKS211: the API server is projected into the cluster's virtual network.
package struct APIServerVNetIntegration: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS211",
        name: "api-server-vnet-integration",
        title: "The API server is projected into the cluster's virtual network (API Server VNet Integration)",
        severity: .info,
        category: .network,
        checks: "properties.apiServerAccessProfile.enableVnetIntegration",
        absentMeans: "Off (the platform default): nodes reach the API server through a tunnel or a private endpoint, and the rule reports it (info).",
        rationale: """
            With API Server VNet Integration the control plane gets an internal load balancer in a delegated subnet \
            of the cluster's own virtual network, so node-to-API-server traffic never leaves the network, needs no \
            tunnel or private link, and can be made private or public without recreating the cluster. It is a \
            network hardening step rather than a vulnerability, so the rule only informs.
            """,
        risk: "node-to-control-plane traffic goes through a tunnel or a private endpoint instead of staying in the cluster's network.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-apiserver-vnet-integration --apiserver-subnet-id <delegated-subnet-id>",
            template: "properties.apiServerAccessProfile: {\"enableVnetIntegration\": true, \"subnetId\": \"<delegated-subnet-id>\"}",
            bicep: "apiServerAccessProfile: { enableVnetIntegration: true, subnetId: apiServerSubnet.id }",
            terraform: "api_server_access_profile {\n  virtual_network_integration_enabled = true   # 3.x: vnet_integration_enabled\n  subnet_id                           = azurerm_subnet.api_server.id\n}",
            notes: "Needs a subnet delegated to Microsoft.ContainerService/managedClusters (at least /28)."),
        references: [Learn.apiServerVnetIntegration],
        peers: [],
        controls: [.mcsb("NS-2")],
        examples: [
            RuleExample("integrated", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enableVnetIntegration": true, "subnetId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/api"}}}
                """#),
            RuleExample("not integrated", .fails(at: "$.properties.apiServerAccessProfile"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("apiServerAccessProfile", "enableVnetIntegration")
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the API server is projected into the cluster's network",
            pass: "The API server is projected into the cluster's virtual network (\(setting.describedValue)).",
            verdict: "The API server is not projected into the cluster's virtual network")]
    }
}
