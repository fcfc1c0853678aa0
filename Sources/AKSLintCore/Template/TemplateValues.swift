/// Comparison and conversion of template values, following ARM's rules: strings compare with
/// case, object keys without; `string()` of a boolean is `True`/`False`, of an object its JSON.
enum TemplateValues {
    /// Whether two values are equal; nil when either holds something unresolved.
    static func equal(_ left: JSONValue, _ right: JSONValue) -> Bool? {
        switch (left, right) {
        case (.unresolved, _), (_, .unresolved): return nil
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let same = equal(x.value, y.value) else { return nil }
                if !same { return false }
            }
            return true
        case (.object(let a), .object(let b)):
            guard a.members.count == b.members.count else { return false }
            for member in a.members {
                guard let other = b[member.key] else { return false }
                guard let same = equal(member.value.value, other.value) else { return nil }
                if !same { return false }
            }
            return true
        default:
            return false
        }
    }

    /// `string(value)`; nil when the value holds something unresolved.
    static func string(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return ValueDescription.format(number)
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return ""
        case .unresolved: return nil
        case .array, .object: return compactJSON(value)
        }
    }

    /// The value as one-line JSON; nil when it holds something unresolved.
    static func compactJSON(_ value: JSONValue) -> String? {
        switch value {
        case .unresolved: return nil
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return ValueDescription.format(number)
        case .string(let text):
            var output = ""
            JSONOutput.writeString(text, into: &output)
            return output
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                guard let part = compactJSON(element.value) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ",") + "]"
        case .object(let object):
            var parts: [String] = []
            for member in object.members {
                guard let part = compactJSON(member.value.value) else { return nil }
                var key = ""
                JSONOutput.writeString(member.key, into: &key)
                parts.append(key + ":" + part)
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
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

    /// The integer in a number value.
    static func integer(_ value: JSONValue) -> Int? {
        if case .number(let number) = value, number.rounded() == number, abs(number) < 9e15 { return Int(number) }
        return nil
    }

    /// `union` of objects: later keys win, nested objects merge recursively, arrays do not merge.
    static func mergeObjects(_ objects: [JSONObject], span: SourceSpan) -> JSONObject {
        var members: [JSONMember] = []
        for object in objects {
            for member in object.members {
                if let index = members.lastIndex(where: { $0.key.equalsIgnoringASCIICase(member.key) }) {
                    if case .object(let existing) = members[index].value.value, case .object(let incoming) = member.value.value {
                        members[index].value = JSONNode(.object(mergeObjects([existing, incoming], span: span)), span: member.value.span, provenance: member.value.provenance)
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
