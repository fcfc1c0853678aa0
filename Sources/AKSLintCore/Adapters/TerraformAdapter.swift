/// Reads a Terraform plan or state into clusters: each `azurerm_kubernetes_cluster` and
/// `azapi_resource` cluster mapped to the ARM shape by what its provider sends, its node pools
/// (`default_node_pool`, `azurerm_kubernetes_cluster_node_pool`, azapi `agentPools`) joined,
/// `azapi_update_resource` patches applied on top, and the diagnostic settings, registries and
/// key vaults of the same document beside it.
enum TerraformAdapter {
    /// Facts from outside the document: the provider version of `.terraform.lock.hcl`, and the
    /// `.tf` files that point findings at the configuration's lines.
    struct Context {
        /// The azurerm version the lock file pins, such as `4.81.0`.
        var lockedAzureRMVersion: String?
        /// Where each resource's blocks and attributes are written in the `.tf` files.
        var sourceMap: TerraformSourceMap?
    }

    /// The clusters of `root`, a Terraform document of `kind`.
    static func adapt(_ root: ValueRef, kind: TerraformDocument.Kind, context: Context = Context()) -> DocumentAdapter.Adapted {
        let format: InputFormat = kind == .plan ? .terraformPlan : .terraformState
        let formatVersion = root.child("format_version")?.node.string ?? ""
        guard TerraformDocument.isKnownFormat(formatVersion) else {
            return DocumentAdapter.Adapted(format: .unrecognized, clusters: [], warnings: [
                InputWarning("Terraform JSON format_version \(ValueDescription.quote(formatVersion)) is a major version akslint does not know (it reads 0.x and 1.x)", position: nil),
            ])
        }
        let document = TerraformDocument(root, kind: kind)
        var reading = Reading(document: document, version: providerVersion(document, root: root, locked: context.lockedAzureRMVersion), sourceMap: context.sourceMap)
        reading.read()
        var adapted = DocumentAdapter.Adapted(format: format, clusters: reading.clusters(), warnings: reading.warnings)
        adapted.suppressionSites = reading.suppressionSites()
        adapted.destroyedClusters = document.destroyedClusters
        return adapted
    }

    /// The azurerm major version: the lock file's, else the configuration's constraint when it
    /// names one major, else the attribute names of a cluster (v3 names are gone from v4).
    static func providerVersion(_ document: TerraformDocument, root: ValueRef, locked: String?) -> TerraformMapper.ProviderVersion {
        func major(_ text: String) -> TerraformMapper.ProviderVersion? {
            let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
            return Int(digits).flatMap(TerraformMapper.ProviderVersion.init(rawValue:))
        }
        if let locked, let version = major(locked) { return version }
        let constraint = root.child("configuration")?.child("provider_config")?.child("azurerm")?.child("version_constraint")?.node.string
        if let constraint, !constraint.contains(","), let version = major(constraint) { return version }
        for instance in document.instances where instance.type == AzureRM.cluster {
            if instance.values.child("automatic_channel_upgrade") != nil || instance.values.child("api_server_authorized_ip_ranges") != nil { return .v3 }
            return .v4
        }
        return .v4
    }

    /// One document's reading: clusters as open trees until every patch and pool is in.
    private struct Reading {
        struct Cluster {
            let instance: TerraformInstance
            var tree: ARMTreeBuilder
            var pools: [AgentPool] = []
            var related: [RelatedResource] = []
            let isPoolsOnly: Bool
            /// The node pools and patches joined to it, whose `.tf` suppressions apply to it too.
            var memberAddresses: [String] = []
        }

        let document: TerraformDocument
        let version: TerraformMapper.ProviderVersion
        let sourceMap: TerraformSourceMap?
        var found: [Cluster] = []
        /// Registries and key vaults: every cluster of the document may use them.
        var related: [RelatedResource] = []
        /// Diagnostic settings and maintenance configurations, with the attribute that names the
        /// cluster they belong to.
        var children: [(instance: TerraformInstance, target: String, resource: RelatedResource)] = []
        var warnings: [InputWarning] = []

        init(document: TerraformDocument, version: TerraformMapper.ProviderVersion, sourceMap: TerraformSourceMap?) {
            self.document = document
            self.version = version
            self.sourceMap = sourceMap
        }

        var isPlan: Bool { document.kind == .plan }

        func block(_ instance: TerraformInstance) -> TerraformBlock {
            let expressions = isPlan ? document.configuration.expressions(of: instance.configurationAddress) : nil
            let values = sourceMap.map { ValueRef(node: $0.located(instance.values.node, address: instance.address), path: instance.values.path) } ?? instance.values
            let unknown = instance.unknown.map { node in sourceMap.map { $0.located(node, address: instance.address) } ?? node }
            return TerraformBlock(
                values: values, unknown: unknown, sensitive: instance.sensitive, expressions: expressions, hasConfiguration: expressions != nil,
                dynamicBlocks: sourceMap?.dynamicBlocks(of: instance.address) ?? [])
        }

        mutating func read() {
            var pools: [TerraformInstance] = []
            var patches: [TerraformInstance] = []
            for instance in document.instances {
                let block = block(instance)
                switch instance.type {
                case AzureRM.cluster:
                    var cluster = Cluster(instance: instance, tree: AzureRMClusterMapping.resource(block, version: version, isPlan: isPlan), isPoolsOnly: false)
                    cluster.related = AzureRMClusterMapping.maintenanceConfigurations(block)
                    found.append(cluster)
                case AzureRM.nodePool:
                    pools.append(instance)
                case AzureRM.diagnosticSetting:
                    let setting = RelatedResource(type: ResourceType.diagnosticSettings, name: name(block, instance), resource: ValueRef(node: AzureRMRelatedMapping.diagnosticSetting(block, version: version), path: instance.values.path), deploymentCondition: nil, isSubResourceOfCluster: true)
                    children.append((instance, "target_resource_id", setting))
                case AzureRM.containerRegistry:
                    related.append(RelatedResource(type: ResourceType.registries, name: name(block, instance), resource: ValueRef(node: AzureRMRelatedMapping.containerRegistry(block, version: version, isPlan: isPlan), path: instance.values.path), deploymentCondition: nil))
                case AzureRM.keyVault:
                    related.append(RelatedResource(type: ResourceType.keyVaults, name: name(block, instance), resource: ValueRef(node: AzureRMRelatedMapping.keyVault(block, version: version, isPlan: isPlan), path: instance.values.path), deploymentCondition: nil))
                case AzAPI.resource:
                    readAzAPI(instance, block, pools: &pools)
                case AzAPI.updateResource:
                    patches.append(instance)
                default:
                    continue
                }
            }
            buildIndex()
            for pool in pools { join(pool) }
            for patch in patches { apply(patch) }
            attachChildren()
        }

        private func name(_ block: TerraformBlock, _ instance: TerraformInstance) -> String {
            BoundedText.bounded(block.values.child("name")?.node.string ?? instance.address)
        }

        private mutating func readAzAPI(_ instance: TerraformInstance, _ block: TerraformBlock, pools: inout [TerraformInstance]) {
            guard let declared = block.values.child("type")?.node.string else { return }
            let (type, apiVersion) = ResourceType.typeAndVersion(declared)
            if type.equalsIgnoringASCIICase(ResourceType.agentPools) {
                pools.append(instance)
                return
            }
            guard type.equalsIgnoringASCIICase(ResourceType.managedClusters) else {
                let childTypes = [ResourceType.diagnosticSettings, ResourceType.maintenanceConfigurations]
                if (childTypes + [ResourceType.registries, ResourceType.keyVaults]).contains(where: type.equalsIgnoringASCIICase) {
                    let (body, problem) = AzAPIMapping.body(of: block, address: instance.address)
                    if let problem { warnings.append(InputWarning(problem, position: nil)) }
                    let tree = AzAPIMapping.resource(block, body: body, type: type, apiVersion: apiVersion)
                    let resource = RelatedResource(type: type, name: name(block, instance), resource: ValueRef(node: tree.build(), path: instance.values.path), deploymentCondition: nil, isSubResourceOfCluster: childTypes.contains(where: type.equalsIgnoringASCIICase))
                    if resource.isSubResourceOfCluster {
                        children.append((instance, "parent_id", resource))
                    } else {
                        related.append(resource)
                    }
                }
                return
            }
            let (body, problem) = AzAPIMapping.body(of: block, address: instance.address)
            if let problem { warnings.append(InputWarning(problem, position: nil)) }
            found.append(Cluster(instance: instance, tree: AzAPIMapping.resource(block, body: body, type: type, apiVersion: apiVersion), isPoolsOnly: false))
        }

        /// The clusters found, looked up by id, name, address and key-less address (built once
        /// every cluster is read, so joining many pools to many clusters stays linear).
        struct Index {
            var byID: [String: Int] = [:]
            var byName: [String: Int] = [:]
            var byAddress: [String: Int] = [:]
            var byConfigurationAddress: [String: [Int]] = [:]
            var clusterCount = 0
        }
        var index = Index()

        mutating func buildIndex() {
            index = Index()
            for (position, cluster) in found.enumerated() where !cluster.isPoolsOnly {
                let values = cluster.instance.values
                if let id = values.child("id")?.node.string { index.byID[id.asciiLowercased()] = index.byID[id.asciiLowercased()] ?? position }
                if let name = values.child("name")?.node.string { index.byName[name.asciiLowercased()] = index.byName[name.asciiLowercased()] ?? position }
                index.byAddress[cluster.instance.address] = position
                index.byConfigurationAddress[cluster.instance.configurationAddress, default: []].append(position)
                index.clusterCount += 1
            }
        }

        /// The cluster a pool, patch or diagnostic setting refers to through `attribute`: by its
        /// known id, else through the configuration's reference to the cluster's resource.
        private func target(of instance: TerraformInstance, _ block: TerraformBlock, attribute: String) -> Int? {
            if case .known(let ref, _) = block.attribute(attribute), let id = ref.node.string {
                if let position = index.byID[id.asciiLowercased()] { return position }
                if let name = ResourceID(id)?.name, let position = index.byName[name.asciiLowercased()] { return position }
            }
            let prefix = TerraformAddress.modulePrefix(of: instance.address, type: instance.type)
            let references = referencedResources(block, attribute)
            // The same module instance first (`module.aks["dev"].` refers to its own cluster), then
            // any instance of the resource the reference names.
            if let exact = references.lazy.compactMap({ index.byAddress[prefix + $0] }).first { return exact }
            let candidates = references.flatMap { index.byConfigurationAddress[TerraformAddress.withoutKeys(prefix) + $0] ?? [] }
            if candidates.count == 1 { return candidates[0] }
            if candidates.count > 1, let key = TerraformAddress.lastKey(of: instance.address) {
                return candidates.first { TerraformAddress.lastKey(of: found[$0].instance.address) == key }
            }
            guard index.clusterCount == 1, references.isEmpty else { return nil }
            return found.firstIndex { !$0.isPoolsOnly }
        }

        /// `azurerm_kubernetes_cluster.main` of a reference `azurerm_kubernetes_cluster.main.id`.
        private func referencedResources(_ block: TerraformBlock, _ attribute: String) -> [String] {
            guard let expression = block.expressions?.object?[attribute], let references = expression.object?["references"]?.array else { return [] }
            return references.compactMap(\.string).compactMap { reference in
                let parts = reference.split(separator: ".")
                guard parts.count >= 2, parts[0] != "var", parts[0] != "local", parts[0] != "module", parts[0] != "data" else { return nil }
                return parts[0] + "." + parts[1]
            }
        }

        private mutating func join(_ pool: TerraformInstance) {
            let block = block(pool)
            let isAzAPI = pool.type == AzAPI.resource
            let node: JSONNode
            if isAzAPI {
                let (body, problem) = AzAPIMapping.body(of: block, address: pool.address)
                if let problem { warnings.append(InputWarning(problem, position: nil)) }
                node = body?.object?["properties"] ?? body ?? JSONNode(.object(JSONObject()), span: block.values.node.span)
            } else {
                node = AzureRMNodePoolMapping.profile(block, label: "", version: version, isPlan: isPlan, isDefault: false)
            }
            let name = (isAzAPI ? block.values.child("name")?.node.string : node.object?["name"]?.string) ?? pool.address
            let reference = ValueRef(node: node, path: pool.values.path)
            if let position = target(of: pool, block, attribute: isAzAPI ? "parent_id" : "kubernetes_cluster_id") {
                found[position].pools.append(AgentPool(name: name, properties: reference, ordinal: found[position].pools.count + 1000))
                found[position].memberAddresses.append(pool.address)
                return
            }
            let standIn = ARMTreeBuilder(span: block.values.node.span)
            found.append(Cluster(instance: pool, tree: standIn, pools: [AgentPool(name: name, properties: reference, ordinal: 0)], isPoolsOnly: true))
            warnings.append(InputWarning("node pool \(pool.address) belongs to a cluster that is not in this \(isPlan ? "plan" : "state"): it is checked with the node-pool rules only", position: nil))
        }

        private mutating func apply(_ patch: TerraformInstance) {
            let block = block(patch)
            guard let declared = block.values.child("type")?.node.string,
                  ResourceType.typeAndVersion(declared).type.equalsIgnoringASCIICase(ResourceType.managedClusters) else { return }
            guard let position = target(of: patch, block, attribute: "resource_id") else {
                warnings.append(InputWarning("\(patch.address) patches a cluster that is not in this \(isPlan ? "plan" : "state"); its changes are not checked", position: nil, leavesUnchecked: true))
                return
            }
            let (body, problem) = AzAPIMapping.body(of: block, address: patch.address)
            if let problem { warnings.append(InputWarning(problem, position: nil)) }
            guard let body, body.object != nil else { return }
            found[position].tree.merge(AzAPIMapping.patch(body, by: patch.address), at: [])
            found[position].memberAddresses.append(patch.address)
        }

        /// The `# akslint-disable` comments of each cluster's resource and of the pools and
        /// patches joined to it.
        func suppressionSites() -> [SuppressionSite] {
            guard let sourceMap else { return [] }
            return found.enumerated().flatMap { ordinal, cluster in
                ([cluster.instance.address] + cluster.memberAddresses).flatMap { sourceMap.suppressions(of: $0, clusterOrdinal: ordinal) }
            }
        }

        /// Each diagnostic setting and maintenance configuration joins the cluster it belongs to
        /// (by id, or through the configuration's reference when the id is known only after apply).
        private mutating func attachChildren() {
            for (instance, attribute, resource) in children {
                guard let position = target(of: instance, block(instance), attribute: attribute) else { continue }
                found[position].related.append(resource)
            }
        }

        /// The clusters, with the related resources every cluster of the document may use.
        func clusters() -> [ClusterResource] {
            found.enumerated().map { ordinal, cluster in
                let node = cluster.tree.build()
                let resource = ValueRef(node: node, path: cluster.instance.values.path)
                let properties = resource.child("properties") ?? resource
                let name = node.object?["name"].flatMap { $0.isSensitive ? nil : $0.string }
                let id = node.object?["id"]?.string
                let parsed = id.flatMap(ResourceID.init)
                let group = parsed?.resourceGroup ?? cluster.instance.values.child("resource_group_name")?.node.string
                    ?? cluster.instance.values.child("parent_id")?.node.string.flatMap(ResourceID.init)?.resourceGroup
                var pools = cluster.isPoolsOnly ? [] : ExportAdapter.agentPools(in: properties)
                pools += cluster.pools.enumerated().map { offset, pool in AgentPool(name: pool.name, properties: pool.properties, ordinal: pools.count + offset) }
                var result = ClusterResource(
                    name: name ?? (cluster.isPoolsOnly ? nil : cluster.instance.address), resourceId: id, resourceGroup: group, subscriptionId: parsed?.subscriptionId,
                    resource: resource, properties: properties, agentPools: pools, ordinal: ordinal,
                    origin: isPlan ? .terraformPlan : .export, relatedResources: related + cluster.related, showsRelatedResources: true,
                    isPoolsOnly: cluster.isPoolsOnly)
                result.terraform = TerraformResourceInfo(address: cluster.instance.address, action: isPlan ? cluster.instance.action.rawValue : nil)
                return result
            }
        }
    }
}
