/// A typed read of one setting: its value, or why there is none.
public enum Reading<Value: Sendable>: Sendable {
    /// The setting holds a value of the expected kind.
    case value(Value, ValueRef)
    /// The setting is missing or `null` (the platform default applies); see ``Lookup/absent(nearest:key:explicitNull:)``.
    case absent(nearest: ValueRef, explicitNull: Bool)
    /// The setting is a template expression that cannot be evaluated offline.
    case unresolved(UnresolvedExpression, ValueRef)
    /// The setting holds a value of another kind (a string where a boolean belongs, say).
    case invalid(ValueRef, expected: String)

    /// The reference the reading is about: the value, the `null`, or the nearest enclosing object.
    public var ref: ValueRef {
        switch self {
        case .value(_, let ref), .absent(let ref, _), .unresolved(_, let ref), .invalid(let ref, _):
            return ref
        }
    }

    /// The value, when there is one of the expected kind.
    public var value: Value? {
        if case .value(let value, _) = self { return value }
        return nil
    }

    /// True when the setting is missing or `null`.
    public var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }
}

extension ValueRef {
    /// Reads a boolean at `keys` below this node. JSON booleans count, and so do the strings
    /// `"true"`/`"false"` in any case, which Azure's deserialiser accepts.
    public func bool(_ keys: String...) -> Reading<Bool> { readBool(keys) }

    /// Reads a string at `keys` below this node.
    public func string(_ keys: String...) -> Reading<String> { readString(keys) }

    /// Reads an array at `keys` below this node.
    public func array(_ keys: String...) -> Reading<[ValueRef]> { readArray(keys) }

    /// Reads any present value at `keys` below this node.
    public func any(_ keys: String...) -> Reading<ValueRef> { read(keys, expected: "a value") { $0 } }

    /// Reads a boolean at a path of keys below this node (see ``bool(_:)``).
    public func readBool(_ keys: [String]) -> Reading<Bool> {
        read(keys, expected: "a boolean") { ref in
            switch ref.node.value {
            case .bool(let flag): return flag
            case .string(let text) where text.equalsIgnoringASCIICase("true"): return true
            case .string(let text) where text.equalsIgnoringASCIICase("false"): return false
            default: return nil
            }
        }
    }

    /// Reads a string at a path of keys below this node.
    public func readString(_ keys: [String]) -> Reading<String> {
        read(keys, expected: "a string") { $0.node.string }
    }

    /// Reads a number at a path of keys below this node.
    public func readNumber(_ keys: [String]) -> Reading<Double> {
        read(keys, expected: "a number") { ref in
            if case .number(let number) = ref.node.value { return number }
            return nil
        }
    }

    /// Reads an array at a path of keys below this node.
    public func readArray(_ keys: [String]) -> Reading<[ValueRef]> {
        read(keys, expected: "an array") { ref in ref.node.array == nil ? nil : ref.elements }
    }

    private func read<Value>(_ keys: [String], expected: String, convert: (ValueRef) -> Value?) -> Reading<Value> {
        switch lookup(keys) {
        case .absent(let nearest, _, let explicitNull):
            return .absent(nearest: nearest, explicitNull: explicitNull)
        case .present(let ref):
            if case .unresolved(let expression) = ref.node.value { return .unresolved(expression, ref) }
            let reachedTarget = ref.path.count == path.count + keys.count
            if reachedTarget, let value = convert(ref) { return .value(value, ref) }
            return .invalid(ref, expected: reachedTarget ? expected : "an object")
        }
    }
}
