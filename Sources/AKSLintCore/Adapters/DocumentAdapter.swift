/// Recognises what a parsed document is and hands it to the adapter for that shape.
enum DocumentAdapter {
    /// What an adapter made of a document.
    struct Adapted {
        var format: InputFormat
        var clusters: [ClusterResource]
        var warnings: [InputWarning]
        /// The suppressions written in the document, unchecked.
        var suppressionSites: [SuppressionSite] = []
        /// For a template: the evaluation work it took.
        var evaluationCost: EvaluationCost? = nil
        /// For a Terraform plan: the addresses of the clusters it destroys (not linted).
        var destroyedClusters: [String] = []
    }

    /// What `document` holds. Throws only for a template that cannot be evaluated.
    static func adapt(_ document: JSONDocument, parameters: TemplateParameters? = nil) throws(TemplateEvaluationError) -> Adapted {
        let root = ValueRef(node: document.root, path: .root)
        switch document.root.value {
        case .array:
            return adaptList(root, document: document)
        case .object(let object):
            if TemplateDetection.isParametersFile(object) {
                return Adapted(format: .armParameters, clusters: [], warnings: [
                    InputWarning("ARM parameters file: it is applied to its template (pass it with --parameters), not linted on its own", position: nil),
                ])
            }
            if TemplateDetection.isDeploymentTemplate(object) {
                return try TemplateAdapter.adapt(root, sources: SourceSet(primary: document.lineIndex), parameters: parameters)
            }
            if let rows = root.child("data"), rows.node.array != nil, root.child("type") == nil {
                var adapted = adaptList(rows, document: document)
                if adapted.format != .unrecognized { adapted.format = .resourceGraph }
                return adapted
            }
            if let rows = root.child("value"), rows.node.array != nil, root.child("type") == nil, root.child("properties") == nil {
                var adapted = adaptList(rows, document: document)
                if adapted.format == .azAksList || adapted.format == .resourceGraph { return adapted }
                if adapted.format != .unrecognized { adapted.format = .restList }
                return adapted
            }
            return adaptSingle(root, document: document)
        default:
            return Adapted(format: .unrecognized, clusters: [], warnings: [
                InputWarning("not an AKS cluster export: the document is \(document.root.value.kindDescription), not an object or array", position: document.position(of: 0)),
            ])
        }
    }

    private static func adaptSingle(_ root: ValueRef, document: JSONDocument) -> Adapted {
        switch ExportAdapter.classify(root) {
        case .cluster(let shape):
            let cluster = ExportAdapter.cluster(from: root, shape: shape, ordinal: 0)
            return Adapted(format: shape == .flattened ? .azAksShow : .rest, clusters: [cluster], warnings: [])
        case .agentPool(let shape):
            let cluster = ExportAdapter.poolsOnlyCluster([(root, shape)], clusterID: ExportAdapter.clusterID(ofPool: root), ordinal: 0)
            return Adapted(format: .agentPools, clusters: [cluster], warnings: [])
        case .incomplete(let reason):
            return Adapted(format: .unrecognized, clusters: [], warnings: [
                InputWarning(reason, position: document.position(of: Int(root.node.span.start))),
            ])
        case .otherResource(let type):
            return Adapted(format: .unrecognized, clusters: [], warnings: [
                InputWarning("not an AKS cluster: the resource type is \(ValueDescription.quote(type)); akslint reads \(ResourceType.managedClusters)", position: document.position(of: Int(root.node.span.start))),
            ])
        case .notAResource:
            return Adapted(format: .unrecognized, clusters: [], warnings: [
                InputWarning("not an AKS cluster export: no managed cluster found (expected the output of `az aks show -o json`, a REST body, or an ARM template)", position: document.position(of: Int(root.node.span.start))),
            ])
        }
    }

    /// The clusters of a list (`az aks list`, a REST list, Resource Graph rows, `az aks nodepool
    /// list`), visiting the elements one at a time rather than building a reference to each
    /// first: a list may hold millions of entries that are not clusters. Node pools join their
    /// cluster when it is in the list (unless it lists a pool of that name itself); the others
    /// become one pools-only cluster per cluster id.
    private static func adaptList(_ container: ValueRef, document: JSONDocument) -> Adapted {
        let elements = container.node.array ?? []
        var clusters: [ClusterResource] = []
        var warnings: [InputWarning] = []
        var shapes: [ExportAdapter.Shape] = []
        var pools: [(ref: ValueRef, shape: ExportAdapter.Shape, clusterID: String?)] = []
        var lowerCaseTypes = true
        var psruleShape = false
        var skipped = 0
        for (index, node) in elements.enumerated() {
            guard node.object != nil else {
                skipped += 1
                continue
            }
            let element = ValueRef(node: node, path: container.path.appending(index: index))
            switch ExportAdapter.classify(element) {
            case .cluster(let shape):
                clusters.append(ExportAdapter.cluster(from: element, shape: shape, ordinal: clusters.count))
                shapes.append(shape)
                if let type = element.child("type")?.node.string, type != type.asciiLowercased() { lowerCaseTypes = false }
                if element.child("ResourceType") != nil { psruleShape = true }
            case .agentPool(let shape):
                pools.append((element, shape, ExportAdapter.clusterID(ofPool: element)))
            case .incomplete(let reason):
                warnings.append(InputWarning("\(element.path): \(reason)", position: document.position(of: Int(element.node.span.start))))
            case .otherResource, .notAResource:
                skipped += 1
            }
        }
        let onlyPools = clusters.isEmpty && !pools.isEmpty
        clusters += joining(pools, to: &clusters)
        if clusters.isEmpty {
            let what = elements.isEmpty ? "the list is empty" : "none of its \(elements.count) entries is an AKS cluster"
            warnings.append(InputWarning("no AKS cluster found: \(what)", position: document.position(of: Int(container.node.span.start))))
            return Adapted(format: .unrecognized, clusters: [], warnings: warnings)
        }
        if skipped > 0 {
            warnings.append(InputWarning("skipped \(skipped) \(skipped == 1 ? "entry that is" : "entries that are") not AKS clusters", position: document.position(of: Int(container.node.span.start))))
        }
        let format: InputFormat
        if onlyPools {
            format = .agentPools
        } else if psruleShape {
            format = .psruleExport
        } else if shapes.allSatisfy({ $0 == .flattened }) {
            format = .azAksList
        } else if lowerCaseTypes {
            format = .resourceGraph
        } else {
            format = .restList
        }
        return Adapted(format: format, clusters: clusters, warnings: warnings)
    }

    /// Adds each pool to its cluster among `clusters` (by resource id), and returns pools-only
    /// clusters for the rest, one per cluster id, in the order the pools came.
    private static func joining(_ pools: [(ref: ValueRef, shape: ExportAdapter.Shape, clusterID: String?)], to clusters: inout [ClusterResource]) -> [ClusterResource] {
        var orphans: [(id: String?, pools: [(ref: ValueRef, shape: ExportAdapter.Shape)])] = []
        for pool in pools {
            let name = pool.ref.child("name")?.node.string
            if let id = pool.clusterID, let index = clusters.firstIndex(where: { $0.resourceId?.equalsIgnoringASCIICase(id) == true }) {
                if !clusters[index].agentPools.contains(where: { $0.name == name }) {
                    let properties = pool.shape == .rest ? (pool.ref.child("properties") ?? pool.ref) : pool.ref
                    clusters[index] = clusters[index].addingPool(AgentPool(name: name, properties: properties, ordinal: clusters[index].agentPools.count))
                }
                continue
            }
            if let index = orphans.firstIndex(where: { $0.id?.asciiLowercased() == pool.clusterID?.asciiLowercased() }) {
                orphans[index].pools.append((pool.ref, pool.shape))
            } else {
                orphans.append((pool.clusterID, [(pool.ref, pool.shape)]))
            }
        }
        return orphans.enumerated().map { offset, orphan in
            ExportAdapter.poolsOnlyCluster(orphan.pools, clusterID: orphan.id, ordinal: clusters.count + offset)
        }
    }
}
