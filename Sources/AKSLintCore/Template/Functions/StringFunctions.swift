/// String functions: `concat`, `format`, `toLower`, `toUpper`, `replace`, `split`, `string`,
/// `substring`, `startsWith`, `endsWith`, `indexOf`, `lastIndexOf`, `trim`, `padLeft`, `join`,
/// `base64`, `uniqueString`, `guid`. Comparisons in `startsWith`/`endsWith`/`indexOf` ignore case, as ARM's do.
enum StringFunctions {
    static func call(_ name: String, _ arguments: [JSONNode]) -> FunctionResult? {
        switch name {
        case "concat": return concat(arguments)
        case "format": return format(arguments)
        case "string":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            guard let text = TemplateValues.string(arguments[0].value) else { return .unresolved(arguments[0].firstUnresolved?.reason ?? "a value is unresolved") }
            return .value(.string(text))
        case "tolower", "toupper", "trim", "base64":
            guard arguments.count == 1, let text = arguments[0].value.stringValue else { return TemplateFunctions.invalid(name, "takes one string") }
            switch name {
            case "tolower": return .value(.string(text.lowercased()))
            case "toupper": return .value(.string(text.uppercased()))
            case "trim": return .value(.string(trimmed(text)))
            default: return .value(.string(Base64.encode(Array(text.utf8))))
            }
        case "replace":
            guard arguments.count == 3, let text = arguments[0].value.stringValue, let old = arguments[1].value.stringValue, let new = arguments[2].value.stringValue, !old.isEmpty else {
                return TemplateFunctions.invalid(name, "takes a string, a non-empty string to find and its replacement")
            }
            return limited(text.replacing(old, with: new))
        case "split":
            guard arguments.count == 2, let text = arguments[0].value.stringValue else { return TemplateFunctions.invalid(name, "takes a string and delimiters") }
            let delimiters: [String]
            switch arguments[1].value {
            case .string(let delimiter): delimiters = [delimiter]
            case .array(let elements): delimiters = elements.compactMap(\.value.stringValue)
            default: return TemplateFunctions.invalid(name, "needs a string or an array of strings as delimiters")
            }
            var parts = [text]
            for delimiter in delimiters where !delimiter.isEmpty {
                parts = parts.flatMap { $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init) }
            }
            return .value(.array(parts.map { JSONNode(.string($0)) }))
        case "substring":
            guard (2...3).contains(arguments.count), let text = arguments[0].value.stringValue, let start = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes a string, a start index and a length")
            }
            let characters = Array(text)
            let length = arguments.count == 3 ? TemplateValues.integer(arguments[2].value) ?? -1 : characters.count - start
            guard start >= 0, length >= 0, start + length <= characters.count else { return TemplateFunctions.invalid(name, "is outside the string") }
            return .value(.string(String(characters[start..<start + length])))
        case "startswith", "endswith", "indexof", "lastindexof":
            guard arguments.count == 2, let text = arguments[0].value.stringValue, let part = arguments[1].value.stringValue else {
                return TemplateFunctions.invalid(name, "takes two strings")
            }
            let haystack = text.lowercased(), needle = part.lowercased()
            switch name {
            case "startswith": return .value(.bool(haystack.hasPrefix(needle)))
            case "endswith": return .value(.bool(haystack.hasSuffix(needle)))
            case "indexof": return .value(.number(Double(offset(of: needle, in: haystack, last: false))))
            default: return .value(.number(Double(offset(of: needle, in: haystack, last: true))))
            }
        case "padleft":
            guard (2...3).contains(arguments.count), let text = TemplateValues.string(arguments[0].value), let width = TemplateValues.integer(arguments[1].value), width <= ExpressionEvaluator.maximumSize else {
                return TemplateFunctions.invalid(name, "takes a value, a length and a padding character")
            }
            let pad = arguments.count == 3 ? (arguments[2].value.stringValue?.first ?? " ") : " "
            return .value(.string(String(repeating: pad, count: max(0, width - text.count)) + text))
        case "join":
            guard arguments.count == 2, let elements = arguments[0].value.arrayValue, let delimiter = arguments[1].value.stringValue else {
                return TemplateFunctions.invalid(name, "takes an array and a delimiter")
            }
            let parts = elements.compactMap { TemplateValues.string($0.value) }
            guard parts.count == elements.count else { return .unresolved("an element is unresolved") }
            return limited(parts.joined(separator: delimiter))
        case "uniquestring":
            guard !arguments.isEmpty, let parts = strings(arguments) else { return TemplateFunctions.invalid(name, "takes strings") }
            return .value(.string(DeterministicNames.uniqueString(parts)))
        case "guid":
            guard !arguments.isEmpty, let parts = strings(arguments) else { return TemplateFunctions.invalid(name, "takes strings") }
            return .value(.string(DeterministicNames.guid(parts)))
        default:
            return nil
        }
    }

    private static func concat(_ arguments: [JSONNode]) -> FunctionResult {
        if !arguments.isEmpty, arguments.allSatisfy({ $0.value.arrayValue != nil || $0.isNull }) {
            let elements = arguments.flatMap { $0.value.arrayValue ?? [] }
            guard elements.count <= ExpressionEvaluator.maximumSize else { return .unresolved("concat() builds a value that is too large") }
            return .value(.array(elements))
        }
        var text = ""
        for argument in arguments {
            switch argument.value {
            case .string(let part): text += part
            case .number, .bool, .null: text += TemplateValues.string(argument.value) ?? ""
            default: return TemplateFunctions.invalid("concat", "joins strings or arrays, not both")
            }
        }
        return limited(text)
    }

    /// .NET composite formatting as ARM's `format` uses it: `{0}`, `{1:D3}`, `{{` and `}}`.
    private static func format(_ arguments: [JSONNode]) -> FunctionResult {
        guard let pattern = arguments.first?.value.stringValue else { return TemplateFunctions.invalid("format", "needs a format string") }
        let values = Array(arguments.dropFirst())
        var output = ""
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            if character == "}" {
                _ = characters.next()
                output.append("}")
                continue
            }
            guard character == "{" else { output.append(character); continue }
            var placeholder = ""
            while let next = characters.next(), next != "}" {
                if next == "{" && placeholder.isEmpty { break }
                placeholder.append(next)
            }
            if placeholder.isEmpty { output.append("{"); continue }
            let parts = placeholder.split(separator: ":", maxSplits: 1).map(String.init)
            guard let index = Int(parts[0].split(separator: ",").first ?? ""), index >= 0, index < values.count else {
                return TemplateFunctions.invalid("format", "refers to a missing argument {\(placeholder)}")
            }
            guard var text = TemplateValues.string(values[index].value) else { return .unresolved(values[index].firstUnresolved?.reason ?? "an argument is unresolved") }
            if parts.count == 2, let specifier = parts[1].first, specifier == "D" || specifier == "d", let width = Int(parts[1].dropFirst()), width <= 64 {
                text = String(repeating: "0", count: max(0, width - text.count)) + text
            }
            output += text
        }
        return limited(output)
    }

    private static func strings(_ arguments: [JSONNode]) -> [String]? {
        let parts = arguments.compactMap(\.value.stringValue)
        return parts.count == arguments.count ? parts : nil
    }

    private static func limited(_ text: String) -> FunctionResult {
        text.utf8.count <= ExpressionEvaluator.maximumSize ? .value(.string(text)) : .unresolved("the expression builds a string that is too long")
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }

    private static func offset(of needle: String, in haystack: String, last: Bool) -> Int {
        let characters = Array(haystack), target = Array(needle)
        guard target.count <= characters.count else { return -1 }
        let starts = Array(0...(characters.count - target.count))
        for start in (last ? starts.reversed() : starts) where Array(characters[start..<start + target.count]) == target {
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

/// Standard base64 (RFC 4648) for `base64()`.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (chunk.count > 1 ? UInt32(chunk[1]) << 8 : 0) | (chunk.count > 2 ? UInt32(chunk[2]) : 0)
            output.append(alphabet[Int((value >> 18) & 63)])
            output.append(alphabet[Int((value >> 12) & 63)])
            output.append(chunk.count > 1 ? alphabet[Int((value >> 6) & 63)] : "=")
            output.append(chunk.count > 2 ? alphabet[Int(value & 63)] : "=")
            index += 3
        }
        return output
    }
}

extension JSONValue {
    /// The elements, if this value is an array.
    var arrayValue: [JSONNode]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The object, if this value is one.
    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}
