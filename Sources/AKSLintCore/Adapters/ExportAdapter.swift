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
        /// One node pool on its own (`az aks nodepool show`, a REST agentPools body).
        case agentPool(Shape)
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
        "resources", "ResourceId", "ResourceName", "ResourceGroupName", "ResourceType", "ParentResource", "TagsTable",
    ]

    static func classify(_ ref: ValueRef) -> Classification {
        guard let object = ref.node.object else { return .notAResource }
        // PSRule's Export-AzRuleData spells the type `ResourceType` (and also `Type`).
        let declaredType = object["type"]?.string ?? object["ResourceType"]?.string
        if let type = declaredType, type.equalsIgnoringASCIICase(ResourceType.agentPools) {
            return .agentPool(object["properties"]?.object != nil ? .rest : .flattened)
        }
        if let type = declaredType, !type.equalsIgnoringASCIICase(ResourceType.managedClusters) {
            return .otherResource(type: type)
        }
        let typedAsCluster = declaredType != nil
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
        let resourceId = (ref.child("id") ?? ref.child("ResourceId"))?.node.string
        let parsedId = resourceId.flatMap(ResourceID.init)
        let resourceGroup = parsedId?.resourceGroup ?? ref.child("resourceGroup")?.node.string
        let nested = ref.child("resources").flatMap { $0.node.array != nil ? $0 : nil }
        return ClusterResource(
            name: name ?? parsedId?.name,
            resourceId: resourceId,
            resourceGroup: resourceGroup,
            subscriptionId: parsedId?.subscriptionId,
            resource: ref,
            properties: properties,
            agentPools: agentPools(in: properties),
            ordinal: ordinal,
            relatedResources: nested.map(subResources) ?? [],
            showsRelatedResources: nested != nil)
    }

    /// The sub-resources PSRule's `Export-AzRuleData` nests in a cluster's `resources`: an
    /// extension resource (a diagnostic setting) says its type in `ExtensionResourceType`, the
    /// others in `ResourceType` or `type`.
    static func subResources(in list: ValueRef) -> [RelatedResource] {
        list.elements.compactMap { element in
            guard element.node.object != nil else { return nil }
            let type = ["ExtensionResourceType", "ResourceType", "type"].lazy.compactMap { element.child($0)?.node.string }.first ?? ""
            let name = (element.child("name") ?? element.child("ResourceName"))?.node.string ?? ""
            return RelatedResource(type: BoundedText.bounded(type), name: BoundedText.bounded(name), resource: element, deploymentCondition: nil, isSubResourceOfCluster: true)
        }
    }

    /// A stand-in cluster for node pools read without their cluster, named and identified from
    /// the pools' resource ids (`.../managedClusters/NAME/agentPools/POOL`), so reports join them
    /// to the cluster when it is linted in the same run.
    static func poolsOnlyCluster(_ pools: [(ref: ValueRef, shape: Shape)], clusterID: String?, ordinal: Int) -> ClusterResource {
        let parsed = clusterID.flatMap(ResourceID.init)
        let first = pools[0].ref
        let agentPools = pools.enumerated().map { index, pool in
            AgentPool(name: pool.ref.child("name")?.node.string, properties: pool.shape == .rest ? (pool.ref.child("properties") ?? pool.ref) : pool.ref, ordinal: index)
        }
        let standIn = ValueRef(node: JSONNode(.object(JSONObject([])), span: first.node.span), path: first.path)
        return ClusterResource(
            name: parsed?.name, resourceId: clusterID, resourceGroup: parsed?.resourceGroup ?? first.child("resourceGroup")?.node.string,
            subscriptionId: parsed?.subscriptionId, resource: standIn, properties: standIn, agentPools: agentPools, ordinal: ordinal, isPoolsOnly: true)
    }

    /// The id of the cluster a node pool's id belongs to: the id without `/agentPools/POOL`.
    static func clusterID(ofPool ref: ValueRef) -> String? {
        guard let id = ref.child("id")?.node.string, let range = id.asciiLowercased().utf8.firstRange(of: "/agentpools/".utf8) else { return nil }
        let folded = id.asciiLowercased().utf8
        return String(decoding: id.utf8.prefix(folded.distance(from: folded.startIndex, to: range.lowerBound)), as: UTF8.self)
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
