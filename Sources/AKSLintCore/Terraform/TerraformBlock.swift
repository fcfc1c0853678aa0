/// One object of a resource instance's attributes (the resource itself, or one nested block),
/// seen together with what Terraform says about each attribute: its value (`after`), whether it
/// is known only after apply (`after_unknown`), whether it is sensitive (`after_sensitive`), and
/// whether the configuration sets it (`expressions`).
struct TerraformBlock {
    /// What Terraform says about one attribute or nested block.
    enum Attribute {
        /// A value that is not null.
        case known(ValueRef, isSensitive: Bool)
        /// Null or missing: not set, or set to null.
        case unset(ValueRef?)
        /// Known only after apply, and the configuration computes it (from these references).
        case knownAfterApply(references: [String], at: SourceSpan)
        /// Known only after apply, but the configuration does not set it: a computed attribute
        /// the provider leaves to Azure, so the platform default applies.
        case computed
    }

    let values: ValueRef
    /// This block's part of `after_unknown` (an object, or nil when nothing in it is unknown).
    let unknown: JSONNode?
    /// This block's part of `after_sensitive` (an object, `true` when all of it is sensitive, or nil).
    let sensitive: JSONNode?
    /// This block's configuration `expressions`, or nil when the configuration does not set it
    /// (or there is no configuration).
    let expressions: JSONNode?
    /// Whether the document has a configuration to tell configured from computed attributes
    /// (false inside a `dynamic` block, which the configuration leaves out).
    let hasConfiguration: Bool
    /// Where this block is in the resource (`""`, `network_profile`), and the paths of the blocks
    /// the `.tf` files write as `dynamic`: their configuration is unknown to the plan.
    var path: String = ""
    var dynamicBlocks: Set<String> = []

    /// The attribute `name` of this block.
    func attribute(_ name: String) -> Attribute {
        let member = values.node.object?.member(named: name)
        if let unknownHere = unknown?.object?[name], unknownHere.bool == true, member?.value.isNull ?? true {
            return configured(name) || !hasConfiguration ? .knownAfterApply(references: references(name), at: unknownHere.span) : .computed
        }
        guard let member else { return .unset(nil) }
        let value = ValueRef(node: member.value, path: values.path.appending(key: member.key))
        return member.value.isNull ? .unset(value) : .known(value, isSensitive: isSensitive(name))
    }

    /// Whether the configuration writes attribute or block `name` (an expression or a block).
    func configured(_ name: String) -> Bool {
        expressions?.object?[name] != nil
    }

    /// The first (for azurerm, the only) instance of nested block `name`: nil when it is absent or
    /// empty, and `.knownAfterApply` or `.computed` when the whole block is unknown.
    func block(_ name: String) -> Nested {
        let unknownHere = unknown?.object?[name]
        let elements = values.child(name)?.elements ?? []
        if let first = elements.first, first.node.object != nil {
            return .present(nested(name, index: 0, first))
        }
        let wholeUnknown = unknownHere?.bool == true || unknownHere?.array?.first?.bool == true
        if wholeUnknown {
            let at = unknownHere?.span ?? values.node.span
            // A dynamic block is missing from the configuration, yet written: its for_each decides.
            if dynamicBlocks.contains(written(name)) { return .knownAfterApply(references: ["the for_each of dynamic \"\(name)\""], at: at) }
            return configured(name) || !hasConfiguration ? .knownAfterApply(references: references(name), at: at) : .computed
        }
        return .absent
    }

    /// Every instance of nested block `name` that is known (a list block such as `enabled_log`).
    func blocks(_ name: String) -> [TerraformBlock] {
        (values.child(name)?.elements ?? []).enumerated().compactMap { index, element in
            element.node.object != nil ? nested(name, index: index, element) : nil
        }
    }

    /// A nested block's state.
    enum Nested {
        case present(TerraformBlock)
        case absent
        case knownAfterApply(references: [String], at: SourceSpan)
        case computed
    }

    private func nested(_ name: String, index: Int, _ element: ValueRef) -> TerraformBlock {
        let unknownElement = unknown?.object?[name]?.array.flatMap { index < $0.count ? $0[index] : nil }
        let sensitiveHere = sensitive?.object?[name]
        let sensitiveElement = sensitiveHere?.bool == true ? sensitiveHere : sensitiveHere?.array.flatMap { index < $0.count ? $0[index] : nil }
        let expressionElement = expressions?.object?[name]?.array.flatMap { index < $0.count ? $0[index] : nil }
        return TerraformBlock(
            values: element, unknown: unknownElement, sensitive: sensitiveElement,
            expressions: expressionElement, hasConfiguration: hasConfiguration && !dynamicBlocks.contains(written(name)),
            path: written(name), dynamicBlocks: dynamicBlocks)
    }

    /// The path of nested block `name` in the resource.
    private func written(_ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    private func isSensitive(_ name: String) -> Bool {
        if sensitive?.bool == true { return true }
        guard let mark = sensitive?.object?[name] else { return false }
        if mark.bool == true { return true }
        // A list or map whose elements are marked one by one is sensitive as a whole here.
        return mark.array?.contains { $0.bool == true } == true || mark.object?.members.contains { $0.value.bool == true } == true
    }

    /// The references of the expression that sets `name`, such as `azurerm_public_ip.agw.ip_address`.
    private func references(_ name: String) -> [String] {
        guard let expression = expressions?.object?[name] else { return [] }
        let node = expression.array?.first ?? expression
        return (node.object?["references"]?.array ?? []).compactMap(\.string)
    }
}
