/// Integer functions: `int`, `add`, `sub`, `mul`, `div`, `mod`, `min`, `max`.
enum NumericFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "int":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .number(let number): return .value(.number(number.rounded(.towardZero)))
            case .string(let text):
                guard let number = Int(text.trimmingWhitespace()) else { return TemplateFunctions.invalid(name, "needs an integer string") }
                return .value(.number(Double(number)))
            default: return TemplateFunctions.invalid(name, "takes a number or a string")
            }
        case "add", "sub", "mul", "div", "mod":
            guard arguments.count == 2, let left = TemplateValues.integer(arguments[0].value), let right = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes two integers")
            }
            // Operands are below 2^53 in magnitude (TemplateValues.integer), so sums, differences,
            // quotients and remainders cannot overflow; a product is checked.
            let result: Int
            switch name {
            case "add": result = left + right
            case "sub": result = left - right
            case "mul":
                let (product, overflow) = left.multipliedReportingOverflow(by: right)
                guard !overflow else { return TemplateFunctions.invalid(name, "overflows a 64-bit integer (Azure rejects this expression)") }
                result = product
            default:
                guard right != 0 else { return TemplateFunctions.invalid(name, "divides by zero") }
                result = name == "div" ? left / right : left % right
            }
            guard result.magnitude < 1 << 53 else { return .unresolved("\(name)() gives \(result), beyond the integers akslint represents exactly (±2^53)") }
            return .value(.number(Double(result)))
        case "min", "max":
            let numbers = (arguments.count == 1 ? arguments[0].array ?? [] : arguments).compactMap { TemplateValues.integer($0.value) }
            guard !numbers.isEmpty else { return TemplateFunctions.invalid(name, "takes integers or an array of integers") }
            return .value(.number(Double(name == "min" ? numbers.min()! : numbers.max()!)))
        default:
            return nil
        }
    }
}
