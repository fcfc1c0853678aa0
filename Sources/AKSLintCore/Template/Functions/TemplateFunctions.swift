/// What a template function returned.
enum FunctionResult {
    /// A new value (located at the expression).
    case value(JSONValue)
    /// An existing node, kept with its own location and provenance (a branch, an array element).
    case node(JSONNode)
    /// A value that cannot be known offline, with the reason.
    case unresolved(String)
    /// No such function.
    case unknown

    /// The budget ran out while the function worked (the evaluator reports why).
    static let exhausted = FunctionResult.unresolved("the template's evaluation was stopped")
}

/// The built-in template functions that take evaluated arguments, by family.
enum TemplateFunctions {
    /// Functions whose arguments may be unresolved without making the result unresolved (they
    /// build containers whose parts may be unknown).
    static func acceptsUnresolvedArguments(_ name: String) -> Bool {
        ["createobject", "createarray", "array", "length", "tryget"].contains(name)
    }

    /// Calls the function `name` (lower-cased) with evaluated arguments; what it builds is charged to `meter`.
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        // What a lowered Bicep file writes where a value cannot be known offline (an imported
        // symbol, `readEnvironmentVariable()`), with the reason.
        if name == "akslint.unresolved" { return .unresolved(arguments.first?.string ?? "not known offline") }
        if let reason = DeploymentPlaceholders.unresolvedReason(calling: name, with: arguments, meter: meter) { return .unresolved(reason) }
        for family in [LogicalFunctions.call, StringFunctions.call, CollectionFunctions.call, LookupFunctions.call, NumericFunctions.call, DateFunctions.call, DeploymentFunctions.call] {
            if let result = family(name, arguments, meter) { return result }
        }
        return .unknown
    }

    /// The standard failure for a call with the wrong arguments.
    static func invalid(_ name: String, _ expectation: String) -> FunctionResult {
        .unresolved("\(name)() \(expectation)")
    }
}
