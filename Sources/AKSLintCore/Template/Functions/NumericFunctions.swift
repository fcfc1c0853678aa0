/// Integer functions: `int`, `add`, `sub`, `mul`, `div`, `mod`, `min`, `max`.
enum NumericFunctions {
    static func call(_ name: String, _ arguments: [JSONNode]) -> FunctionResult? {
        switch name {
        case "int":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .number(let number): return .value(.number(number.rounded(.towardZero)))
            case .string(let text):
                guard let number = Int(text.trimmingASCIIWhitespace()) else { return TemplateFunctions.invalid(name, "needs an integer string") }
                return .value(.number(Double(number)))
            default: return TemplateFunctions.invalid(name, "takes a number or a string")
            }
        case "add", "sub", "mul", "div", "mod":
            guard arguments.count == 2, let left = TemplateValues.integer(arguments[0].value), let right = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes two integers")
            }
            switch name {
            case "add": return .value(.number(Double(left &+ right)))
            case "sub": return .value(.number(Double(left &- right)))
            case "mul": return .value(.number(Double(left.multipliedReportingOverflow(by: right).partialValue)))
            default:
                guard right != 0 else { return TemplateFunctions.invalid(name, "divides by zero") }
                return .value(.number(Double(name == "div" ? left / right : left % right)))
            }
        case "min", "max":
            let numbers = (arguments.count == 1 ? arguments[0].value.arrayValue ?? [] : arguments).compactMap { TemplateValues.integer($0.value) }
            guard !numbers.isEmpty else { return TemplateFunctions.invalid(name, "takes integers or an array of integers") }
            return .value(.number(Double(name == "min" ? numbers.min()! : numbers.max()!)))
        default:
            return nil
        }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
