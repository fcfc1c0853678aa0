/// `equals`, `not`, `bool`, comparisons, and the literal functions `true()`, `false()`, `null()`.
/// (`if`, `and`, `or` and `coalesce` are special forms of the evaluator: they evaluate lazily.)
enum LogicalFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "true": return .value(.bool(true))
        case "false": return .value(.bool(false))
        case "null": return .value(.null)
        case "equals":
            guard arguments.count == 2 else { return TemplateFunctions.invalid(name, "takes two arguments") }
            guard let equal = TemplateValues.equal(arguments[0].value, arguments[1].value, meter: meter) else {
                if meter.budget.isExhausted { return .exhausted }
                return .unresolved(arguments.lazy.compactMap(\.firstUnresolved).first?.reason ?? "a value is unresolved")
            }
            return .value(.bool(equal))
        case "not":
            guard arguments.count == 1, let flag = arguments[0].lenientBool else { return TemplateFunctions.invalid(name, "takes one boolean") }
            return .value(.bool(!flag))
        case "bool":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .bool(let flag): return .value(.bool(flag))
            case .string(let text) where text.equalsIgnoringASCIICase("true") || text == "1": return .value(.bool(true))
            case .string(let text) where text.equalsIgnoringASCIICase("false") || text == "0": return .value(.bool(false))
            case .number(let number): return .value(.bool(number != 0))
            default: return TemplateFunctions.invalid(name, "needs a boolean, a number or \"true\"/\"false\"")
            }
        case "greater", "greaterorequals", "less", "lessorequals":
            guard arguments.count == 2 else { return TemplateFunctions.invalid(name, "takes two arguments") }
            let order: Int
            switch (arguments[0].value, arguments[1].value) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case (.string(let a), .string(let b)):
                guard meter.charge(steps: min(a.utf8.count, b.utf8.count) / 64) else { return .exhausted }
                order = a < b ? -1 : (a > b ? 1 : 0)
            default: return TemplateFunctions.invalid(name, "compares two numbers or two strings")
            }
            switch name {
            case "greater": return .value(.bool(order > 0))
            case "greaterorequals": return .value(.bool(order >= 0))
            case "less": return .value(.bool(order < 0))
            default: return .value(.bool(order <= 0))
            }
        default:
            return nil
        }
    }
}
