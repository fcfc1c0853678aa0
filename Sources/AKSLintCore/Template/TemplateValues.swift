/// Comparison and conversion of template values, following ARM's rules: strings compare with
/// case, object keys without; `string()` of a boolean is `True`/`False`, of an object its JSON.
/// Work proportional to a value's size is charged to the caller's ``Meter``.
enum TemplateValues {
    /// Whether two values are equal; nil when either holds something unresolved, or the budget
    /// does not allow the comparison.
    static func equal(_ left: JSONValue, _ right: JSONValue, meter: Meter) -> Bool? {
        guard meter.charge(steps: 1) else { return nil }
        switch (left, right) {
        case (.unresolved, _), (_, .unresolved): return nil
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)):
            guard meter.charge(steps: min(a.utf8.count, b.utf8.count) / 64) else { return nil }
            return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let same = equal(x.value, y.value, meter: meter) else { return nil }
                if !same { return false }
            }
            return true
        case (.object(let a), .object(let b)):
            guard a.members.count == b.members.count else { return false }
            guard meter.charge(steps: a.members.count * b.members.count / 8) else { return nil }
            for member in a.members {
                guard let other = b[member.key] else { return false }
                guard let same = equal(member.value.value, other.value, meter: meter) else { return nil }
                if !same { return false }
            }
            return true
        default:
            return false
        }
    }

    /// `string(value)`; nil when the value holds something unresolved or is too large to build.
    static func string(_ value: JSONValue, meter: Meter) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return ValueDescription.format(number)
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return ""
        case .unresolved: return nil
        case .array, .object: return compactJSON(value, meter: meter)
        }
    }

    /// The value as one-line JSON; nil when it holds something unresolved, or when writing it
    /// would go over the budget.
    static func compactJSON(_ value: JSONValue, meter: Meter) -> String? {
        var output: [UInt8] = []
        guard writeCompactJSON(value, into: &output, meter: meter) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    private static func writeCompactJSON(_ value: JSONValue, into output: inout [UInt8], meter: Meter) -> Bool {
        guard meter.charge(stringBytes: 8) else { return false }
        switch value {
        case .unresolved: return false
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: ValueDescription.format(number).utf8)
        case .string(let text):
            guard meter.charge(stringBytes: text.utf8.count) else { return false }
            JSONWriter.appendString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                guard writeCompactJSON(element.value, into: &output, meter: meter) else { return false }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                guard meter.charge(stringBytes: member.key.utf8.count) else { return false }
                JSONWriter.appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                guard writeCompactJSON(member.value.value, into: &output, meter: meter) else { return false }
            }
            output.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// ARM's notion of empty: null, "", [] and {}.
    static func isEmpty(_ value: JSONValue) -> Bool? {
        switch value {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .array(let elements): return elements.isEmpty
        case .object(let object): return object.members.isEmpty
        case .unresolved: return nil
        default: return false
        }
    }

    /// The integer in a number value: a whole number of magnitude below 2^53 (every such number is
    /// exact in a `Double`, and the sum or difference of two of them fits in an `Int`), else nil.
    static func integer(_ value: JSONValue) -> Int? {
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 9_007_199_254_740_992 else { return nil }
        return Int(number)
    }

    /// `union` of objects: later keys win, nested objects merge recursively, arrays do not merge.
    /// Nil when the budget does not allow it.
    static func mergeObjects(_ objects: [JSONObject], meter: Meter) -> JSONObject? {
        var members: [JSONMember] = []
        for object in objects {
            // Each member looks for its key among those merged so far.
            guard meter.charge(values: object.members.count, steps: object.members.count * (members.count + object.members.count) / 16 + 1) else { return nil }
            for member in object.members {
                if let index = members.lastIndex(where: { $0.key.equalsIgnoringASCIICase(member.key) }) {
                    if case .object(let existing) = members[index].value.value, case .object(let incoming) = member.value.value {
                        guard let merged = mergeObjects([existing, incoming], meter: meter) else { return nil }
                        members[index].value = JSONNode(.object(merged), span: member.value.span, provenance: member.value.provenance, isSensitive: member.value.isSensitive || members[index].value.isSensitive)
                    } else {
                        members[index].value = member.value
                    }
                } else {
                    members.append(member)
                }
            }
        }
        return JSONObject(members)
    }
}
