/// A node of a document's value tree together with its JSONPath in that document.
///
/// Rules read clusters through `ValueRef`s, so every value they judge can be reported with the
/// path and position it was read from, whatever input shape it came from.
public struct ValueRef: Sendable {
    /// The node.
    public let node: JSONNode
    /// Where the node is in its document.
    public let path: JSONPath

    /// Creates a reference to `node` at `path`.
    public init(node: JSONNode, path: JSONPath) {
        self.node = node
        self.path = path
    }

    /// The member named `key` (case-insensitively, last duplicate winning), if this is an object that has it.
    public func child(_ key: String) -> ValueRef? {
        guard case .object(let object) = node.value, let index = object.memberIndex(named: key) else { return nil }
        return ValueRef(node: object.members[index].value, path: path.appending(key: object.members[index].key))
    }

    /// The elements of this array, each with its path.
    public var elements: [ValueRef] {
        guard let array = node.array else { return [] }
        return array.enumerated().map { ValueRef(node: $1, path: path.appending(index: $0)) }
    }

    /// Follows `keys` down the tree and says what is there.
    ///
    /// A missing or `null` step ends the walk as ``Lookup/absent(nearest:key:explicitNull:)``, pointing at
    /// the `null` or at the deepest object that exists; a step that is an unresolved expression or not
    /// an object ends it as ``Lookup/present(_:)`` of that step, so the caller reports it as it is.
    public func lookup(_ keys: [String]) -> Lookup {
        // The walk keeps a node and a path, and makes a reference only for what it returns.
        var node = self.node
        var path = self.path
        for key in keys {
            guard case .object(let object) = node.value else { return .present(ValueRef(node: node, path: path)) }
            guard let index = object.memberIndex(named: key) else {
                return .absent(nearest: ValueRef(node: node, path: path), key: key, explicitNull: false)
            }
            path = path.appending(key: object.members[index].key)
            node = object.members[index].value
            if node.isNull { return .absent(nearest: ValueRef(node: node, path: path), key: object.members[index].key, explicitNull: true) }
        }
        return .present(ValueRef(node: node, path: path))
    }
}

/// What a walk down the value tree found.
public enum Lookup: Sendable {
    /// A value that is not `null` (possibly of an unexpected kind, or an unresolved expression).
    case present(ValueRef)
    /// Nothing, or an explicit `null`: the platform default applies. `nearest` is the `null` itself
    /// or the deepest enclosing object, so a finding can still point somewhere; `key` is the first
    /// key that was missing, as the document spells it when it spelled it.
    case absent(nearest: ValueRef, key: String, explicitNull: Bool)
}
