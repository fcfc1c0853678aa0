extension TemplateExpression {
    /// The expression as ARM writes it, without the enclosing brackets: `concat('a', parameters('b'))`.
    /// Parsing the text gives back the same expression.
    package var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text):
            output += "'"
            for character in text.unicodeScalars {
                output.unicodeScalars.append(character)
                if character == "'" { output += "'" }
            }
            output += "'"
        case .integer(let value):
            output += String(value)
        case .call(let name, let arguments):
            output += name + "("
            for (position, argument) in arguments.enumerated() {
                if position > 0 { output += ", " }
                argument.write(to: &output)
            }
            output += ")"
        case .property(let base, let name):
            base.write(to: &output)
            if Self.isPlainName(name) {
                output += "." + name
            } else {
                output += "["
                TemplateExpression.string(name).write(to: &output)
                output += "]"
            }
        case .index(let base, let index):
            base.write(to: &output)
            output += "["
            index.write(to: &output)
            output += "]"
        }
    }

    /// Whether `.name` can be written without brackets.
    private static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(48...57).contains(first) else { return false }
        return name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "_") }
    }
}
