/// Places Terraform attributes into an ARM-shaped resource, by what the provider sends: a set
/// value keeps its node (its place in the plan, its sensitivity) with a provenance naming the
/// attribute; an unset one becomes the value the provider sends in its place, or nothing; one
/// known only after apply becomes an unresolved value.
struct TerraformMapper {
    /// The major version of the azurerm provider, which decides attribute names and defaults.
    enum ProviderVersion: Int, Sendable, Comparable {
        case v3 = 3
        case v4 = 4
        case v5 = 5

        static func < (left: ProviderVersion, right: ProviderVersion) -> Bool { left.rawValue < right.rawValue }
    }

    var tree: ARMTreeBuilder
    let version: ProviderVersion
    /// False for a state: its values are what Azure holds, so nothing is sent in place of an
    /// unset attribute.
    let isPlan: Bool
    /// The provider whose defaults apply, for messages ("azurerm").
    let provider: String

    init(span: SourceSpan, version: ProviderVersion, isPlan: Bool, provider: String = "azurerm") {
        self.tree = ARMTreeBuilder(span: span)
        self.version = version
        self.isPlan = isPlan
        self.provider = provider
    }

    /// What to do when an attribute is not set.
    enum WhenUnset {
        /// The provider sends nothing: the platform default applies.
        case nothing
        /// The provider sends this value.
        case sends(JSONValue)
    }

    /// Maps attribute `names[i]` (the first that the block has; the names differ between major
    /// versions) of `block` to `path`, through `transform` (nil keeps the value as it is).
    /// `label` names the attribute in messages (`default_node_pool.zones`).
    mutating func map(
        _ block: TerraformBlock, _ names: [String], to path: [String], label prefix: String = "",
        whenUnset: WhenUnset = .nothing, transform: ((JSONValue) -> JSONValue?)? = nil
    ) {
        let name = names.count == 1 ? names[0] : names.first { block.values.node.object?[$0] != nil || block.unknown?.object?[$0] != nil } ?? names[0]
        let label = prefix + name
        switch block.attribute(name) {
        case .known(let ref, let isSensitive):
            let source: TerraformValueSource = block.hasConfiguration && !block.configured(name) ? .schemaDefault(provider: provider) : .configured
            var node = ref.node
            if let transform, let converted = transform(ref.node.value) { node = JSONNode(converted, span: ref.node.span) }
            node.provenance = .terraform(attribute: label, source: source)
            node.isSensitive = node.isSensitive || isSensitive
            tree.set(path, node)
        case .unset(let ref):
            guard isPlan, case .sends(let value) = whenUnset else { return }
            tree.set(path, JSONNode(value, span: ref?.node.span ?? block.values.node.span, provenance: .terraform(attribute: label, source: .sentWhenUnset(provider: provider))))
        case .knownAfterApply(let references, let span):
            tree.set(path, Self.unknown(label, references: references, at: span))
        case .computed:
            return
        }
    }

    /// Sets `value` at `path` because block `label` is present (`key_vault_secrets_provider {}`
    /// turns the add-on on), pointing at the block.
    mutating func setBecausePresent(_ value: JSONValue, at path: [String], block: TerraformBlock, label: String) {
        tree.set(path, JSONNode(value, span: block.values.node.span, provenance: .terraform(attribute: label, source: .configured)))
    }

    /// Sets `value` at `path` because block `label` is absent and the provider sends it then
    /// (`monitor_metrics` absent sends `metrics.enabled: false`); nothing for a state.
    mutating func setBecauseAbsent(_ value: JSONValue, at path: [String], near span: SourceSpan, label: String) {
        guard isPlan else { return }
        tree.set(path, JSONNode(value, span: span, provenance: .terraform(attribute: label, source: .sentWhenUnset(provider: provider))))
    }

    /// An unresolved value for an attribute known only after apply.
    static func unknown(_ label: String, references: [String], at span: SourceSpan) -> JSONNode {
        let reason = references.isEmpty ? "known only after apply" : "known only after apply: depends on \(references.prefix(3).joined(separator: ", "))"
        return JSONNode(.unresolved(UnresolvedExpression(expression: "\(label) (known after apply)", reason: reason)), span: span)
    }

    /// Maps nested block `name` with `body` when it is present; a block known only after apply
    /// puts an unresolved value at `unknownPath`; `absent` runs when it is not there.
    mutating func block(
        _ parent: TerraformBlock, _ name: String, unknownAt unknownPath: [String], label prefix: String = "",
        absent: (inout TerraformMapper) -> Void = { _ in }, _ body: (inout TerraformMapper, TerraformBlock, String) -> Void
    ) {
        let label = prefix + name
        switch parent.block(name) {
        case .present(let block): body(&self, block, label + ".")
        case .knownAfterApply(let references, let span): tree.set(unknownPath, Self.unknown(label, references: references, at: span))
        case .absent, .computed: absent(&self)
        }
    }
}

extension JSONValue {
    /// A boolean as the `"true"`/`"false"` string add-on configs hold.
    static func booleanString(_ value: JSONValue) -> JSONValue? {
        if case .bool(let flag) = value { return .string(flag ? "true" : "false") }
        return nil
    }

    /// The negation of a boolean (`run_command_enabled` → `disableRunCommand`).
    static func negated(_ value: JSONValue) -> JSONValue? {
        if case .bool(let flag) = value { return .bool(!flag) }
        return nil
    }
}
