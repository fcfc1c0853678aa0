import AKSLintCore

/// AKS206: nodes have no public IP addresses of their own.
package struct NoNodePublicIP: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS206",
        name: "no-node-public-ip",
        title: "Node pools do not give nodes public IP addresses",
        severity: .high,
        category: .network,
        checks: "properties.agentPoolProfiles[].enableNodePublicIP, and each child agentPools resource's properties.enableNodePublicIP",
        absentMeans: "Nodes get no public IP (the platform default): the rule passes.",
        rationale: """
            A node with its own public IP can be reached directly from the internet: the kubelet, SSH and every \
            NodePort or hostPort service are exposed, outside the load balancer and any firewall in front of the \
            cluster. Nodes should only be reachable inside the virtual network, with ingress through a load \
            balancer or gateway and egress through a controlled outbound path.
            """,
        risk: "the kubelet, SSH and NodePort services are reachable from the internet, around the load balancer.",
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-pool-name>",
            template: "properties.agentPoolProfiles[].enableNodePublicIP: false",
            bicep: "agentPoolProfiles: [ { name: '{pool}', enableNodePublicIP: false } ]",
            terraform: "node_public_ip_enabled = false   # in default_node_pool, or in the azurerm_kubernetes_cluster_node_pool of pool {pool} (3.x: enable_node_public_ip)",
            disruption: .newNodePool,
            notes: "The setting cannot be changed on an existing pool: add a pool without `--enable-node-public-ip`, drain the old pool, then `az aks nodepool delete -g {resourceGroup} --cluster-name {name} -n {pool}`."),
        references: [Learn.nodePublicIPs],
        peers: [.checkov("CKV_AZURE_143", note: "Terraform, default node pool only"), .prowler("aks_clusters_created_with_private_nodes")],
        controls: [.cis("5.4.3"), .mcsb("NS-2")],
        judgesNodePools: true,
        examples: [
            RuleExample("no public IPs", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "enableNodePublicIP": false}, {"name": "user", "mode": "User"}]}}
                """#),
            RuleExample("one pool with public IPs", .fails(at: "$.properties.agentPoolProfiles[1].enableNodePublicIP"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"agentPoolProfiles": [{"name": "system", "enableNodePublicIP": false}, {"name": "edge", "enableNodePublicIP": true}]}}
                """#),
            RuleExample("az casing", .fails(at: "$.agentPoolProfiles[0].enableNodePublicIp"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "agentPoolProfiles": [{"name": "nodepool1", "enableNodePublicIp": true, "osSku": "Ubuntu"}]}
                """#),
            RuleExample("no agent pools (hosted system pool)", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "auto", "properties": {"agentPoolProfiles": []}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "nodes have public IP addresses") { pool in
            let setting = pool.bool("enableNodePublicIP")
            return setting.judge(
                secureValue: false, absentIsSecure: true,
                question: "the nodes of pool \(pool.quotedName) have public IP addresses",
                pass: "Node pool \(pool.quotedName) gives nodes no public IP (\(setting.describedValue)).",
                verdict: "Node pool \(pool.quotedName) gives every node a public IP address",
                subject: .agentPool(pool.displayName))
        }
    }
}
