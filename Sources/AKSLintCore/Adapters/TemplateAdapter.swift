/// Recognises ARM deployment templates and parameter files.
enum TemplateDetection {
    /// A deployment template: a `$schema` naming deploymentTemplate, or `resources` with `contentVersion`.
    static func isDeploymentTemplate(_ object: JSONObject) -> Bool {
        if let schema = object["$schema"]?.string, schema.asciiLowercased().contains("deploymenttemplate") { return true }
        return object["resources"] != nil && object["contentVersion"] != nil
    }

    /// A deployment parameters file: a `$schema` naming deploymentParameters.
    static func isParametersFile(_ object: JSONObject) -> Bool {
        if let schema = object["$schema"]?.string, schema.asciiLowercased().contains("deploymentparameters") { return true }
        return false
    }
}

/// Reads the clusters of an ARM deployment template: evaluates the template (parameters, variables,
/// conditions, copy loops, nested deployments), then builds one cluster per evaluated
/// `managedClusters` resource, with its inline and child node pools and the template's related
/// resources.
enum TemplateAdapter {
    /// The template's clusters. Throws when the template cannot be evaluated: Resource Manager
    /// would reject it, or it exhausts the ``EvaluationBudget``.
    static func adapt(_ root: ValueRef, document: JSONDocument, parameters: TemplateParameters?) throws(TemplateEvaluationError) -> DocumentAdapter.Adapted {
        var given: [String: TemplateScope.GivenValue] = [:]
        for (name, value) in parameters?.values ?? [:] {
            given[name] = .init(value: value, source: .parametersFile(path: parameters?.path ?? "the parameters file"))
        }
        let budget = EvaluationBudget()
        let scope = TemplateScope(template: root.node, document: document, given: given, budget: budget)
        var warnings: [InputWarning] = []
        let undeclared = scope.undeclared(in: given)
        if !undeclared.isEmpty, let path = parameters?.path {
            let listed = undeclared.prefix(10).map { ValueDescription.quote($0) }.joined(separator: ", ")
            let more = undeclared.count > 10 ? " and \(undeclared.count - 10) more" : ""
            warnings.append(InputWarning("\(path) sets parameters the template does not declare: \(listed)\(more)", position: nil))
        }
        var walker = TemplateWalker(document: document)
        walker.walk(template: root, evaluator: ExpressionEvaluator(scope: scope), condition: nil)
        if let error = budget.error { throw error }
        warnings += walker.warnings

        let evaluated = walker.resources
        let clusterResources = evaluated.filter { $0.type.equalsIgnoringASCIICase(ResourceType.managedClusters) }
        let poolResources = evaluated.filter { $0.type.equalsIgnoringASCIICase(ResourceType.agentPools) }
        let related = evaluated.filter { !$0.type.equalsIgnoringASCIICase(ResourceType.managedClusters) && !$0.type.equalsIgnoringASCIICase(ResourceType.agentPools) }
            .map { RelatedResource(type: BoundedText.bounded($0.type), name: BoundedText.bounded($0.displayName), resource: ValueRef(node: $0.body, path: $0.path), deploymentCondition: $0.unresolvedCondition) }

        var clusters: [ClusterResource] = []
        var attachedPools = Set<Int>()
        for (ordinal, resource) in clusterResources.enumerated() {
            let childPools = poolResources.enumerated().filter { index, pool in
                belongs(pool, to: resource, onlyCluster: clusterResources.count == 1)
            }
            attachedPools.formUnion(childPools.map(\.offset))
            let inline = InlineSuppression.read(from: ValueRef(node: resource.body, path: resource.path), document: document)
            warnings += inline.warnings
            clusters.append(cluster(from: resource, childPools: childPools.map(\.element), related: related, ordinal: ordinal, suppressions: inline.suppressions))
        }
        for (index, pool) in poolResources.enumerated() where !attachedPools.contains(index) {
            warnings.append(InputWarning("agent pool \(ValueDescription.quote(pool.displayName)) belongs to no cluster in this template; its settings are not checked", position: document.position(of: Int(pool.body.span.start))))
        }
        if clusters.isEmpty {
            let existing = walker.existingReferences > 0 ? " (it only refers to existing clusters)" : ""
            warnings.append(InputWarning("ARM template without a \(ResourceType.managedClusters) resource\(existing)", position: document.position(of: Int(root.node.span.start))))
        }
        return DocumentAdapter.Adapted(format: .armTemplate, clusters: clusters, warnings: warnings, evaluationCost: budget.cost)
    }

    /// Whether a child pool's name (`cluster/pool`) names this cluster; a pool whose name cannot
    /// be evaluated belongs to the template's only cluster.
    private static func belongs(_ pool: EvaluatedResource, to cluster: EvaluatedResource, onlyCluster: Bool) -> Bool {
        guard let poolName = pool.name.value.stringValue, let slash = poolName.lastIndex(of: "/") else { return onlyCluster }
        guard let clusterName = cluster.name.value.stringValue else { return onlyCluster }
        return String(poolName[poolName.startIndex..<slash]).equalsIgnoringASCIICase(clusterName)
    }

    private static func cluster(from resource: EvaluatedResource, childPools: [EvaluatedResource], related: [RelatedResource], ordinal: Int, suppressions: [InlineSuppression]) -> ClusterResource {
        let envelope = ValueRef(node: resource.body, path: resource.path)
        let properties = envelope.child("properties")
        let propertiesRef = properties.flatMap { $0.node.object != nil || $0.node.unresolvedValue != nil ? $0 : nil } ?? envelope
        var pools: [AgentPool] = []
        var unresolvedPools: ValueRef? = propertiesRef.node.unresolvedValue != nil ? propertiesRef : nil
        if let profiles = propertiesRef.child("agentPoolProfiles") {
            if profiles.node.unresolvedValue != nil {
                unresolvedPools = profiles
            } else {
                pools = ExportAdapter.agentPools(in: propertiesRef)
            }
        }
        for child in childPools {
            let poolEnvelope = ValueRef(node: child.body, path: child.path)
            let name = child.displayName.split(separator: "/").last.map(String.init) ?? child.displayName
            pools.append(AgentPool(name: name, properties: poolEnvelope.child("properties") ?? poolEnvelope, ordinal: pools.count, deploymentCondition: child.unresolvedCondition))
        }
        return ClusterResource(
            name: resource.displayName,
            resourceId: nil,
            resourceGroup: nil,
            subscriptionId: nil,
            resource: envelope,
            properties: propertiesRef,
            hasProperties: properties != nil,
            agentPools: pools,
            unresolvedAgentPools: unresolvedPools,
            ordinal: ordinal,
            origin: .template,
            deploymentCondition: resource.unresolvedCondition,
            relatedResources: related,
            inlineSuppressions: suppressions)
    }
}
