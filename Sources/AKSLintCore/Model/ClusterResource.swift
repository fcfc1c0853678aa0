/// One `Microsoft.ContainerService/managedClusters` resource, in the canonical REST/ARM shape,
/// whatever input it was read from.
///
/// `resource` is the envelope (`id`, `name`, `sku`, `identity`, ...) and `properties` the bag
/// that REST and ARM put under `properties`; for flattened `az aks show` output both are the same
/// object. Rules read settings through ``property(_:)`` and friends, which compare keys without
/// case, so `enableRbac` (az) and `enableRBAC` (REST) are one setting.
public struct ClusterResource: Sendable {
    /// The cluster's name, when the input names it.
    public let name: String?
    /// The ARM resource id, when the input carries one.
    public let resourceId: String?
    /// The resource group, from the id or from `az`'s `resourceGroup`.
    public let resourceGroup: String?
    /// The subscription, from the id.
    public let subscriptionId: String?
    /// The resource envelope.
    public let resource: ValueRef
    /// The `properties` bag (the envelope itself for flattened `az` output), or the envelope when
    /// a template resource has no `properties` at all.
    public let properties: ValueRef
    /// The node pools: inline `agentPoolProfiles` entries and child `agentPools` resources.
    public let agentPools: [AgentPool]
    /// Set when `agentPoolProfiles` is an expression that cannot be evaluated, so the pools are unknown.
    public let unresolvedAgentPools: ValueRef?
    /// Its 0-based position among the clusters of its input, to name unnamed clusters.
    public let ordinal: Int
    /// Whether the cluster was exported from Azure or read from a template.
    public let origin: ClusterOrigin
    /// For a template: a condition of its deployment that cannot be evaluated offline, which makes
    /// every result about it indeterminate.
    public let deploymentCondition: UnresolvedExpression?
    /// Other resources of the same template (diagnostic settings, registries, key vaults,
    /// maintenance configurations), or the sub-resources an export carries (PSRule's
    /// `Export-AzRuleData` nests them in `resources`), for rules that look across resources.
    public let relatedResources: [RelatedResource]
    /// Whether this input can show related resources at all: a template, or an export that
    /// carries its sub-resources. An `az aks show` export cannot.
    public let showsRelatedResources: Bool
    /// True when the input holds only the cluster's node pools (`az aks nodepool list`, child
    /// `agentPools` of a cluster the template does not deploy): only rules that judge node
    /// pools run, and ``properties`` is an empty stand-in.
    public let isPoolsOnly: Bool
    /// The same cluster evaluated with each combination of allowed values of the parameters it
    /// uses without a value; empty when there are none (see ``ClusterVariant``).
    public private(set) var variants: [ClusterVariant] = []
    /// The nested deployments (Bicep module calls) the cluster is deployed through, outermost first.
    public internal(set) var deployedThrough: [DeploymentCall] = []
    /// For a cluster of a Terraform plan or state: its resource address and what the plan does.
    public internal(set) var terraform: TerraformResourceInfo?

    /// Creates a cluster from an adapter's findings.
    public init(
        name: String?, resourceId: String?, resourceGroup: String?, subscriptionId: String?,
        resource: ValueRef, properties: ValueRef, agentPools: [AgentPool],
        unresolvedAgentPools: ValueRef? = nil, ordinal: Int, origin: ClusterOrigin = .export,
        deploymentCondition: UnresolvedExpression? = nil, relatedResources: [RelatedResource] = [],
        showsRelatedResources: Bool? = nil, isPoolsOnly: Bool = false
    ) {
        self.name = name
        self.resourceId = resourceId
        self.resourceGroup = resourceGroup
        self.subscriptionId = subscriptionId
        self.resource = resource
        self.properties = properties
        self.agentPools = agentPools
        self.unresolvedAgentPools = unresolvedAgentPools
        self.ordinal = ordinal
        self.origin = origin
        self.deploymentCondition = deploymentCondition
        self.relatedResources = relatedResources
        self.showsRelatedResources = showsRelatedResources ?? (origin == .template)
        self.isPoolsOnly = isPoolsOnly
    }

    /// This cluster with one more node pool.
    func addingPool(_ pool: AgentPool) -> ClusterResource {
        ClusterResource(
            name: name, resourceId: resourceId, resourceGroup: resourceGroup, subscriptionId: subscriptionId, resource: resource,
            properties: properties, agentPools: agentPools + [pool], unresolvedAgentPools: unresolvedAgentPools,
            ordinal: ordinal, origin: origin, deploymentCondition: deploymentCondition, relatedResources: relatedResources,
            showsRelatedResources: showsRelatedResources, isPoolsOnly: isPoolsOnly)
    }

    /// This cluster with its allowed-value variants.
    func withVariants(_ variants: [ClusterVariant]) -> ClusterResource {
        var copy = self
        copy.variants = variants
        return copy
    }

    /// A name for messages and reports: the cluster's name (cut when very long: see
    /// ``BoundedText``), or its position in the input.
    public var displayName: String { name.map { BoundedText.bounded($0) } ?? "cluster #\(ordinal + 1)" }

    /// A stable identity for fingerprints: the lower-cased resource id, else resource group and name.
    /// An identity longer than any Azure resource id (which stays under 512 characters for a
    /// cluster) is replaced by its hash, so a hostile name is not hashed again for every finding.
    public var identity: String {
        // A Terraform resource is the same cluster for as long as its address stays (and its name, when known).
        let written = terraform.map { "terraform:" + $0.address + "/" + (name ?? "") } ?? resourceId ?? [resourceGroup ?? "", name ?? "#\(ordinal + 1)"].joined(separator: "/")
        guard written.utf8.count > 512 else { return written.asciiLowercased() }
        return "hash:" + Fingerprint.hex(of: [written])
    }

    /// Reads a boolean under `properties`.
    public func bool(_ keys: String...) -> Setting<Bool> { setting(properties.readBool(keys), keys) }
    /// Reads a string under `properties`.
    public func string(_ keys: String...) -> Setting<String> { setting(properties.readString(keys), keys) }
    /// Reads an array under `properties`.
    public func array(_ keys: String...) -> Setting<[ValueRef]> { setting(properties.readArray(keys), keys) }
    /// Reads a string on the envelope (`sku.tier`, `identity.type`).
    public func resourceString(_ keys: String...) -> Setting<String> {
        Setting(reading: resource.readString(keys), propertyPath: PropertyPath(keys: keys, after: nil), base: resource.path, keys: keys)
    }

    private func setting<Value>(_ reading: Reading<Value>, _ keys: [String]) -> Setting<Value> {
        Setting(reading: reading, propertyPath: PropertyPath(keys: keys, after: "properties"), base: properties.path, keys: keys)
    }
}

/// Where a cluster of a Terraform plan or state is defined.
public struct TerraformResourceInfo: Sendable, Equatable {
    /// The resource address, such as `module.aks.azurerm_kubernetes_cluster.this["prod"]`.
    public let address: String
    /// What the plan does to it: `create`, `update`, `replace` or `no-op`; nil in a state.
    public let action: String?

    /// Creates the information.
    public init(address: String, action: String?) {
        self.address = address
        self.action = action
    }

    /// A plan action for people: "to create", "unchanged".
    public static func phrase(of action: String) -> String {
        switch action {
        case "create": return "to create"
        case "update": return "to update"
        case "replace": return "to replace"
        case "no-op": return "unchanged"
        default: return action
        }
    }
}

/// A template's cluster evaluated with one combination of the allowed values of parameters that
/// have no value. When every variant gives a rule the same verdict, that verdict holds whatever
/// value the deployment is given (Resource Manager accepts no other).
public struct ClusterVariant: Sendable {
    /// The values tried, in the order the parameters were first used: (`networkPolicy`, `"azure"`).
    public let assignment: [(parameter: String, value: String)]
    /// The cluster evaluated with them.
    public let cluster: ClusterResource

    /// Creates a variant.
    public init(assignment: [(parameter: String, value: String)], cluster: ClusterResource) {
        self.assignment = assignment
        self.cluster = cluster
    }
}

/// Where a cluster definition came from.
public enum ClusterOrigin: String, Sendable {
    /// A deployed cluster exported from Azure (`az`, REST, Resource Graph, a Terraform state).
    case export
    /// A resource of an ARM template (or a lowered Bicep file).
    case template
    /// A resource of a Terraform plan: what apply will send.
    case terraformPlan

    /// Whether the cluster is a definition still to be deployed (a template or a plan), whose
    /// absent settings take the defaults of a new cluster, rather than an export of a deployed one.
    public var isDefinition: Bool { self != .export }

    /// "template", "plan" or "export", for messages.
    public var documentName: String {
        switch self {
        case .export: return "export"
        case .template: return "template"
        case .terraformPlan: return "plan"
        }
    }
}

/// A resource of a template that is not a cluster but matters to cluster rules.
public struct RelatedResource: Sendable {
    /// The full resource type, such as `Microsoft.Insights/diagnosticSettings`.
    public let type: String
    /// The evaluated name, or the name as written when it cannot be evaluated.
    public let name: String
    /// The evaluated resource (its `properties`, `scope`, ...).
    public let resource: ValueRef
    /// A deployment condition that cannot be evaluated offline.
    public let deploymentCondition: UnresolvedExpression?
    /// True when the resource was read from inside the cluster's own export (a sub-resource), so
    /// it applies to the cluster without a `scope` to say so.
    public let isSubResourceOfCluster: Bool

    /// Creates a related resource.
    public init(type: String, name: String, resource: ValueRef, deploymentCondition: UnresolvedExpression?, isSubResourceOfCluster: Bool = false) {
        self.type = type
        self.name = name
        self.resource = resource
        self.deploymentCondition = deploymentCondition
        self.isSubResourceOfCluster = isSubResourceOfCluster
    }

    /// Whether this resource has the given type (compared without case).
    public func isOfType(_ type: String) -> Bool { self.type.equalsIgnoringASCIICase(type) }
}

/// A reading of one setting together with the canonical name of the property it read, such as
/// `properties.disableLocalAccounts`: the same for every input shape, so findings can be matched
/// across exports, templates and reformatting.
public struct Setting<Value: Sendable>: Sendable {
    /// What was found.
    public let reading: Reading<Value>
    /// The canonical property path (REST spelling as the rule asked for it), joined when asked.
    public let propertyPath: PropertyPath
    /// ``propertyPath`` written out.
    public var property: String { propertyPath.text }
    /// How the setting's names for messages are made (when a message asks for them).
    @usableFromInline let naming: Naming

    @usableFromInline
    enum Naming: Sendable {
        /// A name given as it is.
        case given(String)
        /// The keys read, below a base node that is this many steps from the root.
        case keys([String], baseDepth: Int)
    }

    /// Creates a setting with an explicit display name.
    public init(reading: Reading<Value>, property: String, displayName: String) {
        self.reading = reading
        self.propertyPath = PropertyPath(property)
        self.naming = .given(displayName)
    }

    /// Creates the setting read at `keys` below the node at `base`.
    public init(reading: Reading<Value>, property: String, base: JSONPath, keys: [String]) {
        self.init(reading: reading, propertyPath: PropertyPath(property), base: base, keys: keys)
    }

    /// Creates the setting read at `keys` below the node at `base`, whose property path is joined
    /// when asked.
    package init(reading: Reading<Value>, propertyPath: PropertyPath, base: JSONPath, keys: [String]) {
        self.reading = reading
        self.propertyPath = propertyPath
        self.naming = .keys(keys, baseDepth: base.count)
    }

    /// The setting's name for messages, below `properties` (or the pool), spelled as the document
    /// spells the parts it has: `aadProfile.enableAzureRbac` in az output, `aadProfile.enableAzureRBAC` in REST.
    ///
    /// Inlinable, like the other names and ``describedValue``: made in the rules' module for the
    /// setting's own type, a name would otherwise look up `Reading<Value>`'s metadata at run time
    /// for every failing finding's message.
    @inlinable
    public var displayName: String {
        var text = TextBuilder(capacity: 64)
        appendName(includingMissing: true, to: &text)
        return text.text
    }

    /// The part of ``displayName`` the document has: up to the `null` or the last existing object.
    @inlinable
    public var foundName: String {
        var text = TextBuilder(capacity: 64)
        appendName(includingMissing: false, to: &text)
        return text.text
    }

    /// Appends ``displayName`` (with `includingMissing`) or ``foundName`` to `text`: a message
    /// that names its setting is made in one string.
    @inlinable
    public func appendName(includingMissing: Bool, to text: inout TextBuilder) {
        switch naming {
        case .given(let name):
            text.append(name)
        case .keys(let keys, let baseDepth):
            Self.appendDottedKeys(of: reading.ref.path, below: baseDepth, of: keys, includingMissing: includingMissing, to: &text)
        }
    }

    /// Appends the keys of `path` below the base, as the document spells them (at most as many as
    /// `keys`), then, with `includingMissing`, the rest of `keys`, joined with dots.
    @usableFromInline
    static func appendDottedKeys(of path: JSONPath, below baseDepth: Int, of keys: [String], includingMissing: Bool, to text: inout TextBuilder) {
        var spelled = 0
        path.forEachComponent(after: baseDepth) { component in
            guard case .key(let key) = component, spelled < keys.count else { return }
            if spelled > 0 { text.append(".") }
            text.append(key)
            spelled += 1
        }
        guard includingMissing else { return }
        for (offset, key) in keys.dropFirst(spelled).enumerated() {
            if spelled + offset > 0 { text.append(".") }
            text.append(key)
        }
    }
}
