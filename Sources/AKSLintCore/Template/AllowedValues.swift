/// A parameter's `allowedValues`: Resource Manager rejects a deployment whose value for the
/// parameter is not in the list, and a parameter without a value can only take one of them.
struct AllowedValues {
    /// The parameter's name as declared.
    let parameter: String
    /// The literal values of the list.
    let values: [JSONNode]
    /// Whether the parameter is an array, whose every element must be in the list.
    let isArrayParameter: Bool
    /// Where the list is, for error messages.
    let span: SourceSpan

    /// The list of a parameter definition, or nil when it has none (or an empty one).
    init?(parameter: String, definition: JSONNode) {
        guard let object = definition.object, let list = object["allowedValues"], let values = list.array, !values.isEmpty else { return nil }
        self.parameter = parameter
        self.values = values
        self.isArrayParameter = object["type"]?.string?.equalsIgnoringASCIICase("array") ?? false
        self.span = list.span
    }

    /// Whether `value` is allowed; nil when it holds something unresolved (or the comparison
    /// does not fit the budget). Strings compare without case, so akslint never reports as
    /// rejected a value Resource Manager might accept.
    func admits(_ value: JSONNode, meter: Meter) -> Bool? {
        if isArrayParameter, let elements = value.array {
            for element in elements {
                guard let allowed = contains(element, meter: meter) else { return nil }
                if !allowed { return false }
            }
            return true
        }
        return contains(value, meter: meter)
    }

    private func contains(_ value: JSONNode, meter: Meter) -> Bool? {
        if value.containsUnresolved { return nil }
        for candidate in values {
            if case .string(let text) = value.value, case .string(let allowed) = candidate.value {
                if text.equalsIgnoringASCIICase(allowed) { return true }
                continue
            }
            guard let same = TemplateValues.equal(value.value, candidate.value, meter: meter) else { return nil }
            if same { return true }
        }
        return false
    }

    /// The list for a message: `"azure", "calico"` (at most eight values shown).
    var listed: String {
        let shown = values.prefix(8).map { ValueDescription.describe($0) }.joined(separator: ", ")
        return values.count > 8 ? shown + ", … (\(values.count) values)" : shown
    }
}
