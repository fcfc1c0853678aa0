/// One node pool: an entry of `agentPoolProfiles` or a child `.../agentPools` resource.
public struct AgentPool: Sendable {
    /// The pool's name, when given.
    public let name: String?
    /// The pool's settings (the array entry, or the child resource's `properties`).
    public let properties: ValueRef
    /// Its 0-based position among its cluster's pools, to name unnamed pools.
    public let ordinal: Int
    /// For a child `agentPools` resource of a template: a deployment condition that cannot be evaluated.
    public let deploymentCondition: UnresolvedExpression?

    /// Creates a pool.
    public init(name: String?, properties: ValueRef, ordinal: Int, deploymentCondition: UnresolvedExpression? = nil) {
        self.name = name
        self.properties = properties
        self.ordinal = ordinal
        self.deploymentCondition = deploymentCondition
        self.canonicalPrefix = "agentPools[\(name ?? "#\(ordinal + 1)")]"
        self.displayName = name.map { BoundedText.bounded($0) } ?? "pool #\(ordinal + 1)"
        self.quotedName = ValueDescription.quote(displayName)
    }

    /// A name for messages and reports (cut when very long: see ``BoundedText``).
    public let displayName: String

    /// ``displayName`` quoted for a message (see ``ValueDescription/quote(_:)``): made once, as
    /// every node-pool rule names the pool it judges.
    public let quotedName: String

    /// The canonical prefix of this pool's properties, by name so it survives reordering.
    public let canonicalPrefix: String

    /// Reads a boolean of the pool.
    public func bool(_ keys: String...) -> Setting<Bool> { setting(properties.readBool(keys), keys) }
    /// Reads a string of the pool.
    public func string(_ keys: String...) -> Setting<String> { setting(properties.readString(keys), keys) }
    /// Reads a number of the pool.
    public func number(_ keys: String...) -> Setting<Double> { setting(properties.readNumber(keys), keys) }
    /// Reads an array of the pool.
    public func array(_ keys: String...) -> Setting<[ValueRef]> { setting(properties.readArray(keys), keys) }

    /// Whether the pool's own `mode` says `System` (false when it has none; nil when it cannot be
    /// evaluated). Whether a pool without a mode is the system pool depends on its cluster: see
    /// `ClusterResource.isSystemPool(_:)` in the rules.
    public var declaresSystemMode: Bool? {
        switch properties.readString(["mode"]) {
        case .value(let mode, _): return mode.equalsIgnoringASCIICase("System")
        case .absent: return false
        case .unresolved, .invalid: return nil
        }
    }

    private func setting<Value>(_ reading: Reading<Value>, _ keys: [String]) -> Setting<Value> {
        Setting(reading: reading, propertyPath: PropertyPath(keys: keys, after: canonicalPrefix), base: properties.path, keys: keys)
    }
}
