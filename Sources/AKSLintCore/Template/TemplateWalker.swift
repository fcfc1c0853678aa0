/// A resource of a template after evaluation.
struct EvaluatedResource {
    /// The full resource type, such as `Microsoft.ContainerService/managedClusters/agentPools`.
    let type: String
    /// The evaluated full name (`cluster/pool` for children); may be unresolved.
    let name: JSONNode
    /// The name as written, for messages when the evaluated name is unresolved.
    let writtenName: String
    /// The evaluated resource object.
    let body: JSONNode
    /// Where the resource's definition is in the document.
    let path: JSONPath
    /// A `condition` (or a copy count, or an enclosing deployment's condition) that cannot be evaluated.
    let unresolvedCondition: UnresolvedExpression?
    /// The nested deployments (Bicep module calls) it is deployed through, outermost first.
    let deployedThrough: [DeploymentCall]

    /// The name when it evaluated to a string (and is not a secret), else the name as written.
    var displayName: String {
        guard !name.isSensitive, let text = name.string else { return writtenName }
        return text
    }
}

/// Walks a template's resources, evaluating what akslint needs: conditions, copy loops, types and
/// names of every resource, nested inline deployments (inner and outer scope), child resources,
/// and the whole body of the resource types rules read.
struct TemplateWalker {
    /// Resource types whose bodies are evaluated (compared without case).
    static let typesOfInterest = [
        ResourceType.managedClusters, ResourceType.agentPools, ResourceType.maintenanceConfigurations,
        ResourceType.diagnosticSettings, ResourceType.registries, ResourceType.keyVaults, ResourceType.securityPricings,
        ResourceType.virtualNetworks, ResourceType.subnets,
    ]

    /// How deeply inline deployments may nest. No documented Resource Manager limit is lower; a
    /// template nested deeper is reported as an error rather than partly evaluated.
    static let maximumNestedDeployments = 32

    /// Resource Manager's limit on the resources one template deploys, copies included.
    static let maximumResources = 800

    /// The evaluation steps each resource instance costs besides its expressions, so nested
    /// deployments in copy loops (800 × 800 instances) exhaust the budget after about 10,000.
    static let stepsPerResource = 400

    /// The files the template's values were read from (for the positions of warnings).
    let sources: SourceSet
    private(set) var resources: [EvaluatedResource] = []
    private(set) var warnings: [InputWarning] = []
    private(set) var existingReferences = 0
    /// The nested deployments being walked, outermost first.
    private var deploymentStack: [DeploymentCall] = []

    init(sources: SourceSet) {
        self.sources = sources
    }

    /// Walks the resources of `template` (at `path`) in `evaluator`'s scope.
    mutating func walk(template: ValueRef, evaluator: ExpressionEvaluator, condition: UnresolvedExpression?, depth: Int = 0) {
        guard depth <= Self.maximumNestedDeployments else {
            evaluator.budget.reject("inline deployments are nested more than \(Self.maximumNestedDeployments) levels deep; akslint does not evaluate them (lint the inner templates on their own)", at: template.node.span)
            return
        }
        guard let container = template.child("resources") else { return }
        let definitions: [ValueRef]
        if container.node.object != nil {
            definitions = container.node.object!.members.map { ValueRef(node: $0.value, path: container.path.appending(key: $0.key)) }
        } else {
            definitions = container.elements
        }
        var deployed = 0
        for definition in definitions where !evaluator.budget.isExhausted {
            walkResource(definition, parent: nil, evaluator: evaluator, condition: condition, depth: depth, deployed: &deployed)
        }
    }

    /// Walks one resource definition (each instance of its copy loop), counting the instances in
    /// `deployed` against Resource Manager's per-template limit.
    private mutating func walkResource(_ definition: ValueRef, parent: (type: String, name: JSONNode)?, evaluator: ExpressionEvaluator, condition: UnresolvedExpression?, depth: Int, deployed: inout Int) {
        guard let object = definition.node.object else { return }
        if object["existing"]?.bool == true {
            existingReferences += 1
            return
        }
        let budget = evaluator.budget
        budget.currentResource = object["name"]?.string.map { String($0.prefix(256)) }
        for (instance, loopCondition) in copyInstances(of: definition, evaluator: evaluator) where !budget.isExhausted {
            deployed += 1
            guard budget.charge(steps: Self.stepsPerResource, at: definition.node.span) else { return }
            guard deployed <= Self.maximumResources else {
                budget.reject("the template deploys more than \(Self.maximumResources) resources (copies included), which Resource Manager rejects", at: definition.node.span)
                return
            }
            var instanceCondition = condition ?? loopCondition
            if let conditionNode = object["condition"] {
                let evaluated = instance.evaluateTree(conditionNode)
                if evaluated.lenientBool == false { continue }
                if let unresolved = evaluated.unresolvedValue { instanceCondition = instanceCondition ?? unresolved }
            }
            guard let written = object["type"]?.string, let type = instance.evaluateTree(JSONNode(.string(written))).string else { continue }
            // A nested child's type is relative ("agentPools", "providers/diagnosticSettings") unless
            // it starts with a resource provider namespace ("Microsoft.X/...").
            let isQualified = type.split(separator: "/").first?.contains(".") ?? false
            let fullType = parent.map { isQualified ? type : $0.type + "/" + type } ?? type
            var name = instance.evaluateTree(object["name"] ?? JSONNode(.null, span: definition.node.span))
            // A nested child's name is relative to its parent's unless it already starts with it.
            if let parent, let text = name.string {
                if let parentName = parent.name.string {
                    if !text.asciiLowercased().hasPrefix(parentName.asciiLowercased() + "/") {
                        name = JSONNode(.string(parentName + "/" + text), span: name.span, provenance: name.provenance)
                    }
                } else {
                    name = JSONNode(parent.name.value, span: name.span)
                }
            }
            if fullType.equalsIgnoringASCIICase(ResourceType.deployments) {
                walkNestedDeployment(definition, name: name, evaluator: instance, condition: instanceCondition, depth: depth)
                continue
            }
            if Self.typesOfInterest.contains(where: { $0.equalsIgnoringASCIICase(fullType) }) || isDiagnosticSetting(fullType) {
                let skipped = ["resources", "copy", "condition", "dependsOn"]
                let body = definition.node.replacingValue(.object(JSONObject(object.members.filter { member in !skipped.contains { $0.equalsIgnoringASCIICase(member.key) } })))
                resources.append(EvaluatedResource(
                    type: isDiagnosticSetting(fullType) ? ResourceType.diagnosticSettings : fullType,
                    name: name, writtenName: Self.writtenName(of: object), body: instance.evaluateTree(body),
                    path: definition.path, unresolvedCondition: instanceCondition, deployedThrough: deploymentStack))
            }
            if let children = definition.child("resources") {
                for child in children.elements where !budget.isExhausted {
                    walkResource(child, parent: (fullType, name), evaluator: instance, condition: instanceCondition, depth: depth, deployed: &deployed)
                }
            }
        }
    }

    /// The evaluators for each instance of a resource's `copy` loop (one, without a loop), and
    /// whether the loop's count is unknown.
    private mutating func copyInstances(of definition: ValueRef, evaluator: ExpressionEvaluator) -> [(ExpressionEvaluator, UnresolvedExpression?)] {
        guard let loop = definition.node.object?["copy"]?.object else { return [(evaluator, nil)] }
        let loopName = loop["name"]?.string
        let countNode = loop["count"] ?? JSONNode(.number(1), span: definition.node.span)
        let evaluated = evaluator.evaluateTree(countNode)
        switch evaluator.copyCount(evaluated, loop: "the copy loop \(loopName.map(ValueDescription.quote) ?? "of the resource")", at: countNode.span) {
        case .count(let count):
            return (0..<count).map { index in
                var instance = evaluator
                instance.copyLoops.append((loopName, index))
                return (instance, nil)
            }
        case .unknown(let node):
            var instance = evaluator
            instance.copyLoops.append((loopName, nil))
            let unresolved = node.unresolvedValue ?? UnresolvedExpression(expression: "copy count", reason: "the copy count is not a number")
            let expression = unresolved.expression.isEmpty ? (countNode.string ?? "copy count") : unresolved.expression
            return [(instance, UnresolvedExpression(expression: expression, reason: "the number of copies is not known offline: \(unresolved.reason)"))]
        }
    }

    /// A `Microsoft.Resources/deployments` resource: walks its inline template in the right scope.
    private mutating func walkNestedDeployment(_ definition: ValueRef, name: JSONNode, evaluator: ExpressionEvaluator, condition: UnresolvedExpression?, depth: Int) {
        guard let properties = definition.child("properties") else { return }
        guard let template = properties.child("template"), template.node.object != nil else {
            if properties.child("templateLink") != nil {
                warn("a linked template (templateLink) is not followed; lint that template on its own", at: properties.node, leavesUnchecked: true)
            }
            return
        }
        guard evaluator.budget.enter(at: definition.node.span) else { return }
        defer { evaluator.budget.leave() }
        // A symbolic resource (languageVersion 2.0, and every lowered Bicep module) is named by its
        // symbol, as its author wrote it; otherwise by the deployment's name.
        let written = definition.child("name")?.node.string ?? "nested deployment"
        var callName = name.isSensitive ? written : name.string ?? written
        if case .key(let symbol)? = definition.path.lastComponent { callName = symbol }
        deploymentStack.append(DeploymentCall(name: callName, span: definition.node.span))
        defer { deploymentStack.removeLast() }
        let scopeOption = properties.child("expressionEvaluationOptions")?.child("scope")?.node.string ?? "outer"
        guard scopeOption.equalsIgnoringASCIICase("inner") else {
            walk(template: template, evaluator: evaluator, condition: condition, depth: depth + 1)
            return
        }
        let deploymentName = definition.child("name")?.node.string ?? "nested deployment"
        var given: [String: TemplateScope.GivenValue] = [:]
        for member in properties.child("parameters")?.node.object?.members ?? [] {
            guard let entry = member.value.object else { continue }
            if let value = entry["value"] {
                given[member.key] = .init(value: evaluator.evaluateTree(value), source: .parentDeployment(name: deploymentName))
            } else if entry["reference"] != nil {
                given[member.key] = .init(value: JSONNode(.unresolved(UnresolvedExpression(expression: "Key Vault reference", reason: "a Key Vault secret is resolved only at deployment")), span: member.value.span), source: .parentDeployment(name: deploymentName))
            }
        }
        let innerScope = TemplateScope(template: template.node, sources: sources, given: given, budget: evaluator.budget)
        walk(template: template, evaluator: ExpressionEvaluator(scope: innerScope), condition: condition, depth: depth + 1)
    }

    /// The name as its author wrote it: `metadata.akslint.name` when a Bicep file was lowered
    /// (the Bicep text), else the template's `name`.
    private static func writtenName(of resource: JSONObject) -> String {
        if let bicep = resource["metadata"]?.object?["akslint"]?.object?["name"]?.string {
            return bicep.hasPrefix("[[") ? String(bicep.dropFirst()) : bicep
        }
        return resource["name"]?.string ?? ""
    }

    private func isDiagnosticSetting(_ type: String) -> Bool {
        type.asciiLowercased().hasSuffix("/providers/diagnosticsettings")
    }

    private mutating func warn(_ message: String, at node: JSONNode, leavesUnchecked: Bool = false) {
        warnings.append(InputWarning(message, position: sources.position(of: Int(node.span.start), in: node.span.file), file: node.span.file, leavesUnchecked: leavesUnchecked))
    }
}
