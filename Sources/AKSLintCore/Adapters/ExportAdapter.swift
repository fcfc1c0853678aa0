/// Reads exported clusters: flattened `az aks show` objects and REST/ARM/Resource Graph bodies.
///
/// Both shapes become the same ``ClusterResource``; the only difference is where `properties`
/// lives. `az` re-cases keys (`enableRbac`) and prints absent settings as `null`, which the
/// case-insensitive, null-as-absent lookups absorb without any key mapping.
enum ExportAdapter {
    /// Where a cluster's settings are.
    enum Shape: Equatable {
        /// Under `properties` (REST, ARM, Resource Graph).
        case rest
        /// At the top level (`az aks show`).
        case flattened
    }

    /// What an object is.
    enum Classification {
        case cluster(Shape)
        /// A managed cluster without its settings (a resource listing, say), with the reason.
        case incomplete(String)
        case otherResource(type: String)
        case notAResource
    }

    /// Top-level keys that only a flattened managed cluster has: enough evidence for an object that
    /// does not say its type.
    static let flattenedClusterKeys = [
        "agentPoolProfiles", "kubernetesVersion", "currentKubernetesVersion", "dnsPrefix", "fqdn", "nodeResourceGroup",
        "networkProfile", "aadProfile", "addonProfiles", "apiServerAccessProfile", "enableRbac", "securityProfile",
    ]

    /// Keys every ARM resource envelope may have; anything else on a typed cluster without
    /// `properties` is a flattened setting.
    static let envelopeKeys = [
        "id", "name", "type", "location", "tags", "sku", "identity", "resourceGroup", "eTag", "systemData", "kind",
        "extendedLocation", "managedBy", "plan", "zones", "subscriptionId", "tenantId", "apiVersion",
    ]

    static func classify(_ ref: ValueRef) -> Classification {
        guard let object = ref.node.object else { return .notAResource }
        if let type = object["type"]?.string, !type.equalsIgnoringASCIICase(ResourceType.managedClusters) {
            return .otherResource(type: type)
        }
        let typedAsCluster = object["type"]?.string != nil
            || (object["id"]?.string).flatMap(ResourceID.init)?.isManagedCluster == true
        if let properties = object["properties"] {
            if properties.object != nil { return .cluster(.rest) }
            if typedAsCluster {
                return .incomplete("managed cluster \(clusterLabel(object)) has no properties (a resource listing such as `az resource list`?); export it with `az aks show -o json`")
            }
        }
        if typedAsCluster {
            let hasSettings = object.members.contains { member in
                !envelopeKeys.contains { $0.equalsIgnoringASCIICase(member.key) }
            }
            if hasSettings { return .cluster(.flattened) }
            return .incomplete("managed cluster \(clusterLabel(object)) carries no settings to check; export it with `az aks show -o json`")
        }
        if flattenedClusterKeys.contains(where: { object[$0] != nil }) { return .cluster(.flattened) }
        return .notAResource
    }

    static func cluster(from ref: ValueRef, shape: Shape, ordinal: Int) -> ClusterResource {
        let properties = shape == .rest ? (ref.child("properties") ?? ref) : ref
        let name = ref.child("name")?.node.string
        let resourceId = ref.child("id")?.node.string
        let parsedId = resourceId.flatMap(ResourceID.init)
        let resourceGroup = parsedId?.resourceGroup ?? ref.child("resourceGroup")?.node.string
        return ClusterResource(
            name: name ?? parsedId?.name,
            resourceId: resourceId,
            resourceGroup: resourceGroup,
            subscriptionId: parsedId?.subscriptionId,
            resource: ref,
            properties: properties,
            hasProperties: true,
            agentPools: agentPools(in: properties),
            ordinal: ordinal)
    }

    static func agentPools(in properties: ValueRef) -> [AgentPool] {
        guard let profiles = properties.child("agentPoolProfiles") else { return [] }
        return profiles.elements.enumerated().compactMap { ordinal, element in
            guard element.node.object != nil else { return nil }
            return AgentPool(name: element.child("name")?.node.string, properties: element, ordinal: ordinal)
        }
    }

    private static func clusterLabel(_ object: JSONObject) -> String {
        object["name"]?.string.map(ValueDescription.quote) ?? "(unnamed)"
    }
}
