import AKSLintCore

/// AKS902: Azure CNI pools have subnets large enough to scale.
package struct CNISubnetSize: Rule {
    package init() {}

    /// The longest prefix (smallest subnet) PSRule for Azure accepts for Azure CNI pools.
    static let maximumPrefixLength = 23

    package let metadata = RuleMetadata(
        id: "AKS902",
        name: "cni-subnet-size",
        title: "Node pools on Azure CNI (node subnet mode) have a /23 or larger subnet",
        severity: .low,
        category: .reliability,
        checks: "each pool's vnetSubnetID, matched to a Microsoft.Network/virtualNetworks (subnets) resource of the same input: its addressPrefix",
        absentMeans: "Not applicable: to a pool without vnetSubnetID (AKS creates the network), to overlay, kubenet and bring-your-own CNI clusters, and to a pool whose subnet is not in the input.",
        rationale: """
            With Azure CNI in node subnet mode every pod takes an IP address of the node's subnet, so a pool of \
            30 nodes with the default 30 pods each needs about 930 addresses. A subnet smaller than /23 (510 \
            usable addresses) runs out as the cluster scales or upgrades with surge nodes, and pods then fail to \
            start. Overlay mode, which gives pods a private address space, avoids the problem.
            """,
        remediation: Remediation(
            azCommand: "az network vnet subnet update -g <vnet-resource-group> --vnet-name <vnet> -n <subnet> --address-prefixes <a /23 or larger prefix>",
            template: #"Microsoft.Network/virtualNetworks subnets[].properties.addressPrefix: "10.240.0.0/22", or properties.networkProfile.networkPluginMode: "overlay""#,
            bicep: "subnets: [ { name: 'aks', properties: { addressPrefix: '10.240.0.0/22' } } ]",
            terraform: "resource \"azurerm_subnet\" \"aks\" {\n  address_prefixes = [\"10.240.0.0/22\"]\n}",
            notes: "A subnet in use cannot always be resized; a new pool on a larger subnet, or a migration to Azure CNI Overlay, may be needed."),
        references: [Reference("Configure Azure CNI networking in AKS: plan IP addressing", "https://learn.microsoft.com/azure/aks/configure-azure-cni#plan-ip-addressing-for-your-cluster"), Reference("PSRule for Azure: Azure.AKS.CNISubnetSize", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.CNISubnetSize/")],
        peers: [.psrule("Azure.AKS.CNISubnetSize", "AZR-000020")],
        controls: [],
        examples: [
            RuleExample("a /22 subnet", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-01-01", "name": "vnet", "properties": {"subnets": [{"name": "aks", "properties": {"addressPrefix": "10.240.0.0/22"}}]}},
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                    "properties": {"networkProfile": {"networkPlugin": "azure"}, "agentPoolProfiles": [{"name": "system", "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'aks')]"}]}}]}
                """#),
            RuleExample("a /24 subnet", .fails(at: "$.resources[0].properties.subnets[0].properties.addressPrefix"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [
                   {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-01-01", "name": "vnet", "properties": {"subnets": [{"name": "aks", "properties": {"addressPrefix": "10.240.0.0/24"}}]}},
                   {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                    "properties": {"networkProfile": {"networkPlugin": "azure"}, "agentPoolProfiles": [{"name": "system", "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'aks')]"}]}}]}
                """#),
            RuleExample("overlay: not applicable", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay"}, "agentPoolProfiles": [{"name": "system", "vnetSubnetID": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let plugin = cluster.string("networkProfile", "networkPlugin")
        let mode = cluster.string("networkProfile", "networkPluginMode")
        if let undecidable = plugin.undecidableResult("pool subnets are large enough") ?? mode.undecidableResult("pool subnets are large enough") { return [undecidable] }
        guard plugin.reading.value?.equalsIgnoringASCIICase("azure") == true, mode.reading.value?.equalsIgnoringASCIICase("overlay") != true else {
            return [plugin.result(.notApplicable, "Not applicable: pods do not take addresses from the node subnet (\(plugin.describedValue)\(mode.reading.isAbsent ? "" : ", " + mode.describedValue)).")]
        }
        let subnets = SubnetIndex(cluster.relatedResources)
        return cluster.judgePools(question: "pool subnets are large enough") { pool in
            let name = pool.quotedName
            let subnetID = pool.string("vnetSubnetID")
            if let undecidable = subnetID.undecidableResult("pool \(name)'s subnet is large enough", subject: .agentPool(pool.displayName)) { return undecidable }
            guard let id = subnetID.reading.value else {
                return pool.notApplicable("Not applicable: pool \(name) has no vnetSubnetID, so AKS creates its network.", property: subnetID.property)
            }
            guard let subnet = subnets.subnet(withID: id) else {
                return pool.notApplicable("Not applicable: the subnet of pool \(name) is not in this input; lint the template that deploys it with the cluster.", property: subnetID.property)
            }
            guard let prefix = subnet.child("addressPrefix") ?? subnet.child("addressPrefixes")?.elements.first, let text = prefix.node.string else {
                return RuleResult(state: .indeterminate, message: "Cannot tell whether pool \(name)'s subnet is large enough: its address prefix cannot be read offline.", location: subnet, property: subnetID.property, subject: .agentPool(pool.displayName))
            }
            guard let range = CIDRRange(text) else {
                return RuleResult(state: .indeterminate, message: "Cannot tell whether pool \(name)'s subnet is large enough: \(ValueDescription.quote(text)) is not a CIDR range.", location: prefix, property: subnetID.property, subject: .agentPool(pool.displayName))
            }
            if range.prefixLength <= Self.maximumPrefixLength {
                return RuleResult(state: .pass, message: "Pool \(name)'s subnet \(ValueDescription.quote(text)) is /\(Self.maximumPrefixLength) or larger.", location: prefix, property: subnetID.property, subject: .agentPool(pool.displayName))
            }
            return RuleResult(state: .fail, message: "Pool \(name)'s subnet \(ValueDescription.quote(text)) is smaller than /\(Self.maximumPrefixLength): with Azure CNI every pod takes one of its addresses, so the pool runs out as it scales or surges during upgrades.", location: prefix, property: subnetID.property, subject: .agentPool(pool.displayName))
        }
    }
}

/// The subnets an input defines (inline in virtual networks, as child resources, or as an
/// export's sub-resources), by their resource id's `virtualNetworks/{vnet}/subnets/{subnet}` tail.
struct SubnetIndex {
    private var subnets: [String: ValueRef] = [:]

    init(_ related: [RelatedResource]) {
        for resource in related {
            let properties = resource.resource.child("properties") ?? resource.resource
            if resource.isOfType(ResourceType.virtualNetworks) {
                for subnet in properties.child("subnets")?.elements ?? [] {
                    guard let subnetName = subnet.child("name")?.node.string else { continue }
                    subnets[Self.key(vnet: resource.name, subnet: subnetName)] = subnet.child("properties") ?? subnet
                }
            } else if resource.isOfType(ResourceType.subnets) {
                if let id = resource.resource.child("ResourceId")?.node.string ?? resource.resource.child("id")?.node.string, let key = Self.key(fromID: id) {
                    subnets[key] = properties
                } else {
                    let parts = resource.name.split(separator: "/")
                    if parts.count == 2 { subnets[Self.key(vnet: String(parts[0]), subnet: String(parts[1]))] = properties }
                }
            }
        }
    }

    /// The subnet's `properties`, if the input defines it.
    func subnet(withID id: String) -> ValueRef? {
        Self.key(fromID: id).flatMap { subnets[$0] }
    }

    private static func key(vnet: String, subnet: String) -> String { (vnet + "/" + subnet).asciiLowercased() }

    private static func key(fromID id: String) -> String? {
        let parts = id.split(separator: "/").map { String($0) }
        guard let index = parts.lastIndex(where: { $0.equalsIgnoringASCIICase("virtualNetworks") }), index + 3 < parts.count,
              parts[index + 2].equalsIgnoringASCIICase("subnets") else { return nil }
        return key(vnet: parts[index + 1], subnet: parts[index + 3])
    }
}
