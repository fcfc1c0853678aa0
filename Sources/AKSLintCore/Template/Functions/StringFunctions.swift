/// String functions: `concat`, `format`, `toLower`, `toUpper`, `replace`, `split`, `string`,
/// `substring`, `startsWith`, `endsWith`, `indexOf`, `lastIndexOf`, `trim`, `padLeft`, `join`,
/// `base64`, `uniqueString`, `guid`. Comparisons in `startsWith`/`endsWith`/`indexOf` ignore case, as
/// ARM's do. Every string is charged to the meter by its size before it is built.
enum StringFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "concat": return concat(arguments, meter: meter)
        case "format": return format(arguments, meter: meter)
        case "string":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            guard let text = TemplateValues.string(arguments[0].value, meter: meter) else {
                return meter.budget.isExhausted ? .exhausted : .unresolved(arguments[0].firstUnresolved?.reason ?? "a value is unresolved")
            }
            return .value(.string(text))
        case "tolower", "toupper", "trim", "base64":
            guard arguments.count == 1, let text = arguments[0].string else { return TemplateFunctions.invalid(name, "takes one string") }
            guard meter.chargeString(bytes: name == "base64" ? text.utf8.count / 3 * 4 + 4 : text.utf8.count) else { return .exhausted }
            switch name {
            case "tolower": return .value(.string(text.lowercased()))
            case "toupper": return .value(.string(text.uppercased()))
            case "trim": return .value(.string(text.trimmingWhitespace()))
            default: return .value(.string(Base64.encode(Array(text.utf8))))
            }
        case "replace":
            return replace(arguments, meter: meter)
        case "split":
            return split(arguments, meter: meter)
        case "substring":
            guard (2...3).contains(arguments.count), let text = arguments[0].string, let start = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes a string, a start index and a length")
            }
            guard meter.chargeString(bytes: text.utf8.count) else { return .exhausted }
            let characters = Array(text)
            let length = arguments.count == 3 ? TemplateValues.integer(arguments[2].value) ?? -1 : characters.count - start
            guard start >= 0, length >= 0, start <= characters.count, length <= characters.count - start else {
                return TemplateFunctions.invalid(name, "is outside the string")
            }
            return .value(.string(String(characters[start..<start + length])))
        case "startswith", "endswith", "indexof", "lastindexof":
            guard arguments.count == 2, let text = arguments[0].string, let part = arguments[1].string else {
                return TemplateFunctions.invalid(name, "takes two strings")
            }
            guard meter.charge(stringBytes: text.utf8.count + part.utf8.count) else { return .exhausted }
            let haystack = text.lowercased(), needle = part.lowercased()
            switch name {
            case "startswith": return .value(.bool(haystack.hasPrefix(needle)))
            case "endswith": return .value(.bool(haystack.hasSuffix(needle)))
            default:
                guard let offset = offset(of: needle, in: haystack, last: name == "lastindexof", meter: meter) else { return .exhausted }
                return .value(.number(Double(offset)))
            }
        case "padleft":
            guard (2...3).contains(arguments.count), let text = TemplateValues.string(arguments[0].value, meter: meter), let width = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes a value, a length and a padding character")
            }
            guard meter.chargeString(bytes: max(0, width) * 4 + text.utf8.count) else { return .exhausted }
            let pad = arguments.count == 3 ? (arguments[2].string?.first ?? " ") : " "
            return .value(.string(String(repeating: pad, count: max(0, width - text.count)) + text))
        case "join":
            return join(arguments, meter: meter)
        case "uniquestring", "guid":
            guard !arguments.isEmpty, let parts = strings(arguments) else { return TemplateFunctions.invalid(name, "takes strings") }
            guard meter.charge(values: 1, steps: parts.reduce(0) { $0 + $1.utf8.count } / 64 + 1) else { return .exhausted }
            return .value(.string(name == "guid" ? DeterministicNames.guid(parts) : DeterministicNames.uniqueString(parts)))
        default:
            return nil
        }
    }

    private static func concat(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        if !arguments.isEmpty, arguments.allSatisfy({ $0.array != nil || $0.isNull }) {
            let count = arguments.reduce(0) { $0 + ($1.array?.count ?? 0) }
            guard meter.charge(values: count) else { return .exhausted }
            return .value(.array(arguments.flatMap { $0.array ?? [] }))
        }
        var parts: [String] = []
        for argument in arguments {
            switch argument.value {
            case .string(let part): parts.append(part)
            case .number, .bool, .null: parts.append(TemplateValues.string(argument.value, meter: meter) ?? "")
            default: return TemplateFunctions.invalid("concat", "joins strings or arrays, not both")
            }
        }
        guard meter.chargeString(bytes: parts.reduce(0) { $0 + $1.utf8.count }) else { return .exhausted }
        return .value(.string(parts.joined()))
    }

    private static func replace(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard arguments.count == 3, let text = arguments[0].string, let old = arguments[1].string, let new = arguments[2].string, !old.isEmpty else {
            return TemplateFunctions.invalid("replace", "takes a string, a non-empty string to find and its replacement")
        }
        guard meter.charge(steps: text.utf8.count / 16 + 1) else { return .exhausted }
        let occurrences = text.ranges(of: old).count
        let size = text.utf8.count + occurrences * (new.utf8.count - old.utf8.count)
        guard meter.chargeString(bytes: max(0, size)) else { return .exhausted }
        return .value(.string(text.replacing(old, with: new)))
    }

    private static func split(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard arguments.count == 2, let text = arguments[0].string else { return TemplateFunctions.invalid("split", "takes a string and delimiters") }
        let delimiters: [String]
        switch arguments[1].value {
        case .string(let delimiter): delimiters = [delimiter]
        case .array(let elements): delimiters = elements.compactMap(\.string)
        default: return TemplateFunctions.invalid("split", "needs a string or an array of strings as delimiters")
        }
        var parts = [text]
        for delimiter in delimiters where !delimiter.isEmpty {
            guard meter.charge(stringBytes: text.utf8.count, steps: text.utf8.count / 16 + 1) else { return .exhausted }
            parts = parts.flatMap { $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init) }
        }
        guard meter.charge(values: parts.count) else { return .exhausted }
        return .value(.array(parts.map { JSONNode(.string($0)) }))
    }

    private static func join(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard arguments.count == 2, let elements = arguments[0].array, let delimiter = arguments[1].string else {
            return TemplateFunctions.invalid("join", "takes an array and a delimiter")
        }
        var parts: [String] = []
        parts.reserveCapacity(elements.count)
        for element in elements {
            guard let part = TemplateValues.string(element.value, meter: meter) else {
                return meter.budget.isExhausted ? .exhausted : .unresolved("an element is unresolved")
            }
            parts.append(part)
        }
        let size = parts.reduce(0) { $0 + $1.utf8.count } + max(0, parts.count - 1) * delimiter.utf8.count
        guard meter.chargeString(bytes: size) else { return .exhausted }
        return .value(.string(parts.joined(separator: delimiter)))
    }

    /// .NET composite formatting as ARM's `format` uses it: `{0}`, `{1,-8}` (alignment), `{2:D3}`
    /// (zero-padded integer), `{{` and `}}`. Other format specifiers are not evaluated offline.
    private static func format(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard let pattern = arguments.first?.string else { return TemplateFunctions.invalid("format", "needs a format string") }
        let values = Array(arguments.dropFirst())
        var output = ""
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            if character == "}" {
                guard characters.next() == "}" else { return TemplateFunctions.invalid("format", "has a '}' that closes nothing (write '}}' for a brace; Azure rejects this expression)") }
                output.append("}")
                continue
            }
            guard character == "{" else { output.append(character); continue }
            var placeholder = ""
            var closed = false
            while let next = characters.next() {
                if next == "}" { closed = true; break }
                if next == "{" && placeholder.isEmpty { break }
                placeholder.append(next)
                guard placeholder.utf8.count <= 64 else { return TemplateFunctions.invalid("format", "has a placeholder that never closes") }
            }
            if !closed && placeholder.isEmpty { output.append("{"); continue }
            guard closed else { return TemplateFunctions.invalid("format", "has a placeholder that never closes") }
            guard let item = FormatItem(placeholder), item.index < values.count else {
                return TemplateFunctions.invalid("format", "refers to a missing or malformed argument {\(placeholder)}")
            }
            guard var text = TemplateValues.string(values[item.index].value, meter: meter) else {
                return meter.budget.isExhausted ? .exhausted : .unresolved(values[item.index].firstUnresolved?.reason ?? "an argument is unresolved")
            }
            if let specifier = item.specifier {
                guard let padded = zeroPadded(text, specifier: specifier) else {
                    return .unresolved("format() with the specifier '\(specifier.prefix(16))' is not evaluated offline")
                }
                text = padded
            }
            if let alignment = item.alignment, text.count < abs(alignment) {
                let padding = String(repeating: " ", count: abs(alignment) - text.count)
                text = alignment > 0 ? padding + text : text + padding
            }
            guard meter.charge(stringBytes: text.utf8.count) else { return .exhausted }
            output += text
        }
        guard meter.chargeString(bytes: output.utf8.count) else { return .exhausted }
        return .value(.string(output))
    }

    /// One `{index[,alignment][:format]}` item of a format string.
    private struct FormatItem {
        let index: Int
        let alignment: Int?
        let specifier: String?

        init?(_ placeholder: String) {
            var body = Substring(placeholder)
            var specifier: String?
            if let colon = body.firstIndex(of: ":") {
                specifier = String(body[body.index(after: colon)...])
                body = body[..<colon]
            }
            var alignment: Int?
            if let comma = body.firstIndex(of: ",") {
                guard let width = Int(body[body.index(after: comma)...].trimmingWhitespace()), abs(width) <= 1_000 else { return nil }
                alignment = width
                body = body[..<comma]
            }
            let digits = body.trimmingWhitespace()
            guard !digits.isEmpty, digits.utf8.count <= 6, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let index = Int(digits) else { return nil }
            self.index = index
            self.alignment = alignment
            self.specifier = specifier
        }
    }

    /// An integer with the `D`/`d` specifier (`D3`: at least three digits, zero-padded); nil for
    /// any other specifier, or a value that is not an integer.
    private static func zeroPadded(_ text: String, specifier: String) -> String? {
        guard let letter = specifier.first, letter == "D" || letter == "d" else { return nil }
        let widthText = specifier.dropFirst()
        let width = widthText.isEmpty ? 0 : Int(widthText) ?? -1
        guard (0...64).contains(width), let number = Int(text) else { return nil }
        let digits = String(number.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return number < 0 ? "-" + padded : padded
    }

    private static func strings(_ arguments: [JSONNode]) -> [String]? {
        let parts = arguments.compactMap(\.string)
        return parts.count == arguments.count ? parts : nil
    }

    /// The character offset of `needle` in `haystack` (the first or the last), or -1; nil when the
    /// budget does not allow the search.
    private static func offset(of needle: String, in haystack: String, last: Bool, meter: Meter) -> Int? {
        let characters = Array(haystack), target = Array(needle)
        guard target.count <= characters.count else { return -1 }
        guard meter.charge(steps: characters.count * max(1, target.count) / 16 + 1) else { return nil }
        let starts = 0...(characters.count - target.count)
        let order: [Int] = last ? starts.reversed() : Array(starts)
        for start in order where characters[start..<start + target.count].elementsEqual(target) {
            return start
        }
        return -1
    }
}

/// Deterministic stand-ins for `uniqueString` and `guid`: the same arguments always give the same
/// name, as in Azure (but not Azure's exact value, which depends on an undocumented hash).
enum DeterministicNames {
    static func uniqueString(_ parts: [String]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var hash = hash64(parts, seed: 0)
        var output = ""
        for _ in 0..<13 {
            output.append(alphabet[Int(hash & 31)])
            hash >>= 5
        }
        return output
    }

    static func guid(_ parts: [String]) -> String {
        let high = String(hash64(parts, seed: 1), radix: 16), low = String(hash64(parts, seed: 2), radix: 16)
        let hex = Array(String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low)
        return [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]].map { String($0) }.joined(separator: "-")
    }

    private static func hash64(_ parts: [String], seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x2D) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
