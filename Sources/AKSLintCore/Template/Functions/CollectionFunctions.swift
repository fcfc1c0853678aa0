/// Array and object functions: `createArray`, `createObject`, `array`, `union`, `intersection`,
/// `shallowMerge`, `length`, `empty`, `contains`, `first`, `last`, `take`, `skip`, `range`,
/// `items`, `tryGet`, `flatten`, `json`.
enum CollectionFunctions {
    static func call(_ name: String, _ arguments: [JSONNode]) -> FunctionResult? {
        switch name {
        case "createarray":
            return .value(.array(arguments))
        case "array":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            if arguments[0].value.arrayValue != nil { return .node(arguments[0]) }
            return .value(.array(arguments))
        case "createobject":
            guard arguments.count % 2 == 0 else {
                return TemplateFunctions.invalid(name, "needs key-value pairs but has \(arguments.count) arguments (Azure rejects this expression)")
            }
            var members: [JSONMember] = []
            for pair in stride(from: 0, to: arguments.count, by: 2) {
                guard let key = arguments[pair].value.stringValue else {
                    return arguments[pair].unresolvedValue.map { .unresolved($0.reason) } ?? TemplateFunctions.invalid(name, "needs string keys")
                }
                members.append(JSONMember(key: key, keySpan: arguments[pair].span, value: arguments[pair + 1]))
            }
            return .value(.object(JSONObject(members)))
        case "union":
            return union(arguments)
        case "shallowmerge":
            guard arguments.count == 1, let elements = arguments[0].value.arrayValue else { return TemplateFunctions.invalid(name, "takes an array of objects") }
            var members: [JSONMember] = []
            for element in elements {
                guard let object = element.value.objectValue else { return TemplateFunctions.invalid(name, "takes an array of objects") }
                for member in object.members {
                    members.removeAll { $0.key.equalsIgnoringASCIICase(member.key) }
                    members.append(member)
                }
            }
            return .value(.object(JSONObject(members)))
        case "intersection":
            guard let first = arguments.first else { return TemplateFunctions.invalid(name, "takes arrays or objects") }
            if let array = first.value.arrayValue {
                let others = arguments.dropFirst().compactMap(\.value.arrayValue)
                guard others.count == arguments.count - 1 else { return TemplateFunctions.invalid(name, "takes arrays or objects") }
                let kept = array.filter { element in others.allSatisfy { $0.contains { TemplateValues.equal($0.value, element.value) == true } } }
                return .value(.array(kept))
            }
            guard let object = first.value.objectValue else { return TemplateFunctions.invalid(name, "takes arrays or objects") }
            let others = arguments.dropFirst().compactMap(\.value.objectValue)
            let kept = object.members.filter { member in others.allSatisfy { TemplateValues.equal($0[member.key]?.value ?? .null, member.value.value) == true } }
            return .value(.object(JSONObject(kept)))
        case "length":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .string(let text): return .value(.number(Double(text.count)))
            case .array(let elements): return .value(.number(Double(elements.count)))
            case .object(let object): return .value(.number(Double(object.members.count)))
            case .unresolved(let unresolved): return .unresolved(unresolved.reason)
            default: return TemplateFunctions.invalid(name, "takes a string, an array or an object")
            }
        case "empty":
            guard arguments.count == 1, let isEmpty = TemplateValues.isEmpty(arguments[0].value) else { return TemplateFunctions.invalid(name, "takes one value") }
            return .value(.bool(isEmpty))
        case "contains":
            return contains(arguments)
        case "first", "last":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .array(let elements):
                guard let element = name == "first" ? elements.first : elements.last else { return .value(.null) }
                return .node(element)
            case .string(let text):
                guard let character = name == "first" ? text.first : text.last else { return .value(.string("")) }
                return .value(.string(String(character)))
            default: return TemplateFunctions.invalid(name, "takes an array or a string")
            }
        case "take", "skip":
            guard arguments.count == 2, let count = TemplateValues.integer(arguments[1].value) else { return TemplateFunctions.invalid(name, "takes a collection and a count") }
            let bounded = max(0, count)
            switch arguments[0].value {
            case .array(let elements): return .value(.array(Array(name == "take" ? elements.prefix(bounded) : elements.dropFirst(bounded))))
            case .string(let text): return .value(.string(String(name == "take" ? text.prefix(bounded) : text.dropFirst(bounded))))
            default: return TemplateFunctions.invalid(name, "takes an array or a string")
            }
        case "range":
            guard arguments.count == 2, let start = TemplateValues.integer(arguments[0].value), let count = TemplateValues.integer(arguments[1].value),
                  count >= 0, count <= ExpressionEvaluator.maximumSize else {
                return TemplateFunctions.invalid(name, "takes a start and a count up to \(ExpressionEvaluator.maximumSize)")
            }
            return .value(.array((start..<start + count).map { JSONNode(.number(Double($0))) }))
        case "items":
            guard arguments.count == 1, let object = arguments[0].value.objectValue else { return TemplateFunctions.invalid(name, "takes an object") }
            return .value(.array(object.members.map { member in
                JSONNode(.object(JSONObject([JSONMember(key: "key", value: JSONNode(.string(member.key))), JSONMember(key: "value", value: member.value)])))
            }))
        case "tryget":
            guard arguments.count >= 2 else { return TemplateFunctions.invalid(name, "takes a value and keys") }
            var current = arguments[0]
            for key in arguments.dropFirst() {
                if current.unresolvedValue != nil { return .node(current) }
                switch (current.value, key.value) {
                case (.object(let object), .string(let name)):
                    guard let next = object[name] else { return .value(.null) }
                    current = next
                case (.array(let elements), .number(let number)):
                    guard let index = TemplateValues.integer(.number(number)), index >= 0, index < elements.count else { return .value(.null) }
                    current = elements[index]
                case (.null, _):
                    return .value(.null)
                case (_, .unresolved(let unresolved)):
                    return .unresolved(unresolved.reason)
                default:
                    return .value(.null)
                }
            }
            return .node(current)
        case "flatten":
            guard arguments.count == 1, let elements = arguments[0].value.arrayValue else { return TemplateFunctions.invalid(name, "takes an array of arrays") }
            return .value(.array(elements.flatMap { $0.value.arrayValue ?? [$0] }))
        case "json":
            guard arguments.count == 1, let text = arguments[0].value.stringValue else { return TemplateFunctions.invalid(name, "takes a string") }
            guard let document = try? JSONParser.parse(Array(text.utf8), maxDepth: 64) else { return TemplateFunctions.invalid(name, "needs valid JSON") }
            return .value(document.root.value.stripped())
        default:
            return nil
        }
    }

    private static func union(_ arguments: [JSONNode]) -> FunctionResult {
        guard !arguments.isEmpty else { return TemplateFunctions.invalid("union", "takes arrays or objects") }
        let present = arguments.filter { !$0.isNull }
        if present.allSatisfy({ $0.value.objectValue != nil }) {
            return .value(.object(TemplateValues.mergeObjects(present.compactMap(\.value.objectValue), span: arguments[0].span)))
        }
        if present.allSatisfy({ $0.value.arrayValue != nil }) {
            var elements: [JSONNode] = []
            for element in present.flatMap({ $0.value.arrayValue ?? [] }) where !elements.contains(where: { TemplateValues.equal($0.value, element.value) == true }) {
                elements.append(element)
            }
            return .value(.array(elements))
        }
        return TemplateFunctions.invalid("union", "takes only arrays or only objects")
    }

    private static func contains(_ arguments: [JSONNode]) -> FunctionResult {
        guard arguments.count == 2 else { return TemplateFunctions.invalid("contains", "takes a container and an item") }
        switch (arguments[0].value, arguments[1].value) {
        case (.string(let text), .string(let part)):
            return .value(.bool(text.contains(part)))
        case (.string(let text), let other):
            guard let part = TemplateValues.string(other) else { return .unresolved("the item is unresolved") }
            return .value(.bool(text.contains(part)))
        case (.object(let object), .string(let key)):
            return .value(.bool(object[key] != nil))
        case (.array(let elements), let item):
            var unknown = false
            for element in elements {
                switch TemplateValues.equal(element.value, item) {
                case true?: return .value(.bool(true))
                case nil: unknown = true
                default: continue
                }
            }
            return unknown ? .unresolved("an element is unresolved") : .value(.bool(false))
        default:
            return TemplateFunctions.invalid("contains", "takes a string, an object or an array")
        }
    }
}

extension JSONValue {
    /// The value without source spans (for values parsed from strings, whose offsets mean nothing here).
    func stripped() -> JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map { JSONNode($0.value.stripped()) })
        case .object(let object): return .object(JSONObject(object.members.map { JSONMember(key: $0.key, value: JSONNode($0.value.value.stripped())) }))
        default: return self
        }
    }
}
