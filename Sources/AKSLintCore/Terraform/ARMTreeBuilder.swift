/// Builds a resource in the canonical ARM shape from values placed at paths
/// (`["properties", "disableLocalAccounts"]`), keeping each value's node (its span in the plan,
/// its provenance, whether it is sensitive) and creating the objects on the way. Keys keep the
/// order they were first placed in.
struct ARMTreeBuilder {
    private enum Slot {
        case value(JSONNode)
        case object(ARMTreeBuilder)
    }

    private var keys: [String] = []
    private var slots: [String: Slot] = [:]
    /// Where the objects this builder creates point (the resource's values in the plan).
    let span: SourceSpan

    init(span: SourceSpan) {
        self.span = span
    }

    /// Puts `node` at `path`, replacing what was there (a later value wins, as a patch does).
    mutating func set(_ path: [String], _ node: JSONNode) {
        guard !path.isEmpty else { return }
        set(path[...], node)
    }

    private mutating func set(_ path: ArraySlice<String>, _ node: JSONNode) {
        let key = path[path.startIndex]
        let isNew = slots[key] == nil
        if isNew { keys.append(key) }
        if path.count == 1 {
            slots[key] = .value(node)
            return
        }
        // Taken out of the dictionary while it changes, so it is changed in place, not copied.
        var child: ARMTreeBuilder
        if case .object(let existing)? = slots.removeValue(forKey: key) { child = existing } else { child = ARMTreeBuilder(span: span) }
        child.set(path.dropFirst(), node)
        slots[key] = .object(child)
    }

    /// Merges an object node into the tree at `path`, member by member and recursively (as
    /// `azapi_update_resource` patches a body); other values replace.
    mutating func merge(_ node: JSONNode, at path: [String]) {
        guard let object = node.object, path.count < 64 else {
            set(path, node)
            return
        }
        for member in object.members {
            if member.value.object != nil {
                merge(member.value, at: path + [member.key])
            } else {
                set(path + [member.key], member.value)
            }
        }
    }

    /// Whether anything is at `path`.
    func contains(_ path: [String]) -> Bool {
        guard let key = path.first, let slot = slots[key] else { return false }
        if path.count == 1 { return true }
        if case .object(let child) = slot { return child.contains(Array(path.dropFirst())) }
        return false
    }

    /// The tree as one object node.
    func build() -> JSONNode {
        let members = keys.map { key -> JSONMember in
            switch slots[key]! {
            case .value(let node): return JSONMember(key: key, keySpan: node.span, value: node)
            case .object(let child): return JSONMember(key: key, keySpan: child.span, value: child.build())
            }
        }
        return JSONNode(.object(JSONObject(members)), span: span)
    }
}
