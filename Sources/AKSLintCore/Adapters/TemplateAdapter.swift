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
    ///
    /// A cluster whose settings depend on parameters that have no value but a short list of
    /// `allowedValues` also gets one variant per combination of those values (see
    /// ``ClusterVariant``), so a rule can say that every allowed value gives the same verdict.
    static func adapt(_ root: ValueRef, sources: SourceSet, parameters: TemplateParameters?, kind: String = "ARM template") throws(TemplateEvaluationError) -> DocumentAdapter.Adapted {
        var given: [String: TemplateScope.GivenValue] = [:]
        for (name, value) in parameters?.values ?? [:] {
            given[name] = .init(value: value, source: .parametersFile(path: parameters?.path ?? "the parameters file"))
        }
        let base = try evaluate(root, sources: sources, given: given)
        var warnings: [InputWarning] = []
        let undeclared = base.scope.undeclared(in: given)
        if !undeclared.isEmpty, let path = parameters?.path {
            let listed = undeclared.prefix(10).map { ValueDescription.quote($0) }.joined(separator: ", ")
            let more = undeclared.count > 10 ? " and \(undeclared.count - 10) more" : ""
            warnings.append(InputWarning("\(path) sets parameters the template does not declare: \(listed)\(more)", position: nil))
        }
        warnings += base.warnings
        if base.clusters.isEmpty {
            let existing = base.existingReferences > 0 ? " (it only refers to existing clusters)" : ""
            warnings.append(InputWarning("\(kind) without a \(ResourceType.managedClusters) resource\(existing)", position: sources.position(of: Int(root.node.span.start), in: root.node.span.file), file: root.node.span.file))
        }
        var clusters = base.clusters
        if let variants = variants(of: base, root: root, sources: sources, given: given) {
            clusters = clusters.enumerated().map { ordinal, cluster in
                cluster.withVariants(variants.map { ClusterVariant(assignment: $0.assignment, cluster: $0.clusters[ordinal]) })
            }
        }
        return DocumentAdapter.Adapted(format: .armTemplate, clusters: clusters, warnings: warnings, suppressionSites: base.suppressionSites, evaluationCost: base.cost)
    }

    /// The most combinations of allowed values tried for one template.
    static let maximumVariants = 32

    /// One evaluation of a template with some parameter values.
    private struct Evaluation {
        let scope: TemplateScope
        let clusters: [ClusterResource]
        let suppressionSites: [SuppressionSite]
        let warnings: [InputWarning]
        let existingReferences: Int
        let cost: EvaluationCost
    }

    private static func evaluate(_ root: ValueRef, sources: SourceSet, given: [String: TemplateScope.GivenValue]) throws(TemplateEvaluationError) -> Evaluation {
        let budget = EvaluationBudget()
        let scope = TemplateScope(template: root.node, sources: sources, given: given, budget: budget)
        let evaluator = ExpressionEvaluator(scope: scope)
        scope.checkAllowedValues(evaluator: evaluator)
        var walker = TemplateWalker(sources: sources)
        walker.walk(template: root, evaluator: evaluator, condition: nil)
        if let error = budget.error { throw error }
        var warnings = walker.warnings

        let evaluated = walker.resources
        let clusterResources = evaluated.filter { $0.type.equalsIgnoringASCIICase(ResourceType.managedClusters) }
        let poolResources = evaluated.filter { $0.type.equalsIgnoringASCIICase(ResourceType.agentPools) }
        let related = evaluated.filter { !$0.type.equalsIgnoringASCIICase(ResourceType.managedClusters) && !$0.type.equalsIgnoringASCIICase(ResourceType.agentPools) }
            .map { RelatedResource(type: BoundedText.bounded($0.type), name: BoundedText.bounded($0.displayName), resource: ValueRef(node: $0.body, path: $0.path), deploymentCondition: $0.unresolvedCondition) }

        var clusters: [ClusterResource] = []
        var suppressionSites: [SuppressionSite] = []
        var attachedPools = Set<Int>()
        for (ordinal, resource) in clusterResources.enumerated() {
            let childPools = poolResources.enumerated().filter { index, pool in
                belongs(pool, to: resource, onlyCluster: clusterResources.count == 1)
            }
            attachedPools.formUnion(childPools.map(\.offset))
            suppressionSites += ARMSuppressionSites.read(from: ValueRef(node: resource.body, path: resource.path), clusterOrdinal: ordinal, sources: sources)
            clusters.append(cluster(from: resource, childPools: childPools.map(\.element), related: related, ordinal: ordinal))
        }
        var orphans: [(cluster: String, pools: [EvaluatedResource])] = []
        for (index, pool) in poolResources.enumerated() where !attachedPools.contains(index) {
            let parent = pool.displayName.split(separator: "/").dropLast().joined(separator: "/")
            if let group = orphans.firstIndex(where: { $0.cluster.equalsIgnoringASCIICase(parent) }) {
                orphans[group].pools.append(pool)
            } else {
                orphans.append((parent, [pool]))
            }
        }
        for orphan in orphans {
            clusters.append(poolsOnlyCluster(name: orphan.cluster, pools: orphan.pools, ordinal: clusters.count))
            warnings.append(InputWarning("the node pools of \(orphan.cluster.isEmpty ? "an unnamed cluster" : "cluster " + ValueDescription.quote(orphan.cluster)) are deployed without the cluster, which is not in this template: they are checked with the node-pool rules only", position: sources.position(of: Int(orphan.pools[0].body.span.start), in: orphan.pools[0].body.span.file), file: orphan.pools[0].body.span.file))
        }
        return Evaluation(scope: scope, clusters: clusters, suppressionSites: suppressionSites, warnings: warnings, existingReferences: walker.existingReferences, cost: budget.cost)
    }

    /// The template evaluated once per combination of the allowed values of the parameters it
    /// used without a value; nil when there are none, more than ``maximumVariants`` combinations,
    /// more work than one evaluation budget for all of them, or a combination that changes which
    /// clusters the template deploys (then only the base evaluation is linted).
    private static func variants(of base: Evaluation, root: ValueRef, sources: SourceSet, given: [String: TemplateScope.GivenValue]) -> [(assignment: [(parameter: String, value: String)], clusters: [ClusterResource])]? {
        var choices: [AllowedValues] = []
        for choice in base.scope.unsetChoices where !choices.contains(where: { $0.parameter.equalsIgnoringASCIICase(choice.parameter) }) {
            choices.append(choice)
        }
        guard !base.clusters.isEmpty, !choices.isEmpty else { return nil }
        var combinations = [[(AllowedValues, JSONNode)]()]
        for choice in choices {
            guard combinations.count * choice.values.count <= maximumVariants else { return nil }
            combinations = combinations.flatMap { partial in choice.values.map { partial + [(choice, $0)] } }
        }
        guard base.cost.steps * combinations.count <= EvaluationBudget.standard.steps,
              base.cost.values * combinations.count <= EvaluationBudget.standard.values else { return nil }
        var results: [(assignment: [(parameter: String, value: String)], clusters: [ClusterResource])] = []
        for combination in combinations {
            var variantGiven = given
            for (choice, value) in combination {
                variantGiven[choice.parameter] = .init(value: value, source: .allowedValue)
            }
            guard let evaluation = try? evaluate(root, sources: sources, given: variantGiven),
                  evaluation.clusters.count == base.clusters.count,
                  zip(evaluation.clusters, base.clusters).allSatisfy({ $0.resource.path == $1.resource.path }) else { return nil }
            let assignment = combination.map { (parameter: $0.0.parameter, value: ValueDescription.describe($0.1)) }
            results.append((assignment, evaluation.clusters))
        }
        return results
    }

    /// Whether a child pool's name (`cluster/pool`) names this cluster; a pool whose name cannot
    /// be evaluated belongs to the template's only cluster.
    private static func belongs(_ pool: EvaluatedResource, to cluster: EvaluatedResource, onlyCluster: Bool) -> Bool {
        guard let poolName = pool.name.string, let slash = poolName.lastIndex(of: "/") else { return onlyCluster }
        guard let clusterName = cluster.name.string else { return onlyCluster }
        return String(poolName[poolName.startIndex..<slash]).equalsIgnoringASCIICase(clusterName)
    }

    /// A stand-in cluster for child agentPools resources whose cluster the template does not
    /// deploy (an `existing` cluster, or one deployed elsewhere).
    private static func poolsOnlyCluster(name: String, pools: [EvaluatedResource], ordinal: Int) -> ClusterResource {
        let first = ValueRef(node: pools[0].body, path: pools[0].path)
        let standIn = ValueRef(node: JSONNode(.object(JSONObject([])), span: first.node.span), path: first.path)
        let agentPools = pools.enumerated().map { index, pool in
            let envelope = ValueRef(node: pool.body, path: pool.path)
            let poolName = pool.displayName.split(separator: "/").last.map(String.init) ?? pool.displayName
            return AgentPool(name: poolName, properties: envelope.child("properties") ?? envelope, ordinal: index, deploymentCondition: pool.unresolvedCondition)
        }
        return ClusterResource(
            name: name.isEmpty ? nil : BoundedText.bounded(name), resourceId: nil, resourceGroup: nil, subscriptionId: nil,
            resource: standIn, properties: standIn, agentPools: agentPools, ordinal: ordinal, origin: .template, isPoolsOnly: true)
    }

    private static func cluster(from resource: EvaluatedResource, childPools: [EvaluatedResource], related: [RelatedResource], ordinal: Int) -> ClusterResource {
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
        var cluster = ClusterResource(
            name: resource.displayName,
            resourceId: nil,
            resourceGroup: nil,
            subscriptionId: nil,
            resource: envelope,
            properties: propertiesRef,
            agentPools: pools,
            unresolvedAgentPools: unresolvedPools,
            ordinal: ordinal,
            origin: .template,
            deploymentCondition: resource.unresolvedCondition,
            relatedResources: related)
        cluster.deployedThrough = resource.deployedThrough
        return cluster
    }
}
