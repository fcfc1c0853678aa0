/// Array and object functions: `createArray`, `createObject`, `array`, `union`, `intersection`,
/// `shallowMerge`, `length`, `empty`, `contains`, `first`, `last`, `take`, `skip`, `range`,
/// `items`, `tryGet`, `flatten`, `json`. Every value built is charged to the meter before it is built.
enum CollectionFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "createarray":
            guard meter.charge(values: arguments.count) else { return .exhausted }
            return .value(.array(arguments))
        case "array":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            if arguments[0].array != nil { return .node(arguments[0]) }
            return .value(.array(arguments))
        case "createobject":
            return createObject(arguments, meter: meter)
        case "union":
            return union(arguments, meter: meter)
        case "shallowmerge":
            guard arguments.count == 1, let elements = arguments[0].array else { return TemplateFunctions.invalid(name, "takes an array of objects") }
            var members: [JSONMember] = []
            for element in elements {
                guard let object = element.object else { return TemplateFunctions.invalid(name, "takes an array of objects") }
                guard meter.charge(values: object.members.count, steps: object.members.count * (members.count + 1)) else { return .exhausted }
                for member in object.members {
                    members.removeAll { $0.key.equalsIgnoringASCIICase(member.key) }
                    members.append(member)
                }
            }
            return .value(.object(JSONObject(members)))
        case "intersection":
            return intersection(arguments, meter: meter)
        case "length":
            guard arguments.count == 1 else { return TemplateFunctions.invalid(name, "takes one argument") }
            switch arguments[0].value {
            case .string(let text):
                guard meter.charge(steps: text.utf8.count / 64) else { return .exhausted }
                return .value(.number(Double(text.count)))
            case .array(let elements): return .value(.number(Double(elements.count)))
            case .object(let object): return .value(.number(Double(object.members.count)))
            case .unresolved(let unresolved): return .unresolved(unresolved.reason)
            default: return TemplateFunctions.invalid(name, "takes a string, an array or an object")
            }
        case "empty":
            guard arguments.count == 1, let isEmpty = TemplateValues.isEmpty(arguments[0].value) else { return TemplateFunctions.invalid(name, "takes one value") }
            return .value(.bool(isEmpty))
        case "contains":
            return contains(arguments, meter: meter)
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
            case .array(let elements):
                guard meter.charge(values: min(bounded, elements.count)) else { return .exhausted }
                return .value(.array(Array(name == "take" ? elements.prefix(bounded) : elements.dropFirst(bounded))))
            case .string(let text):
                guard meter.chargeString(bytes: text.utf8.count) else { return .exhausted }
                return .value(.string(String(name == "take" ? text.prefix(bounded) : text.dropFirst(bounded))))
            default: return TemplateFunctions.invalid(name, "takes an array or a string")
            }
        case "range":
            guard arguments.count == 2, let start = TemplateValues.integer(arguments[0].value), let count = TemplateValues.integer(arguments[1].value), count >= 0 else {
                return TemplateFunctions.invalid(name, "takes a start and a non-negative count")
            }
            // Resource Manager limits range() to 10,000 integers (startIndex + count at most 2147483647).
            guard count <= 10_000, start + count <= Int(Int32.max) else {
                return TemplateFunctions.invalid(name, "is limited to 10000 integers ending below 2147483648 (Azure rejects this expression)")
            }
            guard meter.charge(values: count) else { return .exhausted }
            return .value(.array((start..<start + count).map { JSONNode(.number(Double($0))) }))
        case "items":
            guard arguments.count == 1, let object = arguments[0].object else { return TemplateFunctions.invalid(name, "takes an object") }
            guard meter.charge(values: object.members.count * 3) else { return .exhausted }
            return .value(.array(object.members.map { member in
                JSONNode(.object(JSONObject([JSONMember(key: "key", value: JSONNode(.string(member.key))), JSONMember(key: "value", value: member.value)])))
            }))
        case "tryget":
            return tryGet(arguments)
        case "flatten":
            guard arguments.count == 1, let elements = arguments[0].array else { return TemplateFunctions.invalid(name, "takes an array of arrays") }
            let total = elements.reduce(0) { $0 + ($1.array?.count ?? 1) }
            guard meter.charge(values: total) else { return .exhausted }
            return .value(.array(elements.flatMap { $0.array ?? [$0] }))
        case "json":
            guard arguments.count == 1, let text = arguments[0].string else { return TemplateFunctions.invalid(name, "takes a string") }
            guard meter.charge(values: text.utf8.count / 2 + 1, stringBytes: text.utf8.count) else { return .exhausted }
            guard let document = try? JSONParser.parse(Array(text.utf8), maxDepth: 64) else { return TemplateFunctions.invalid(name, "needs valid JSON") }
            return .value(document.root.value.stripped())
        default:
            return nil
        }
    }

    private static func createObject(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard arguments.count % 2 == 0 else {
            return TemplateFunctions.invalid("createObject", "needs key-value pairs but has \(arguments.count) arguments (Azure rejects this expression)")
        }
        guard meter.charge(values: arguments.count / 2) else { return .exhausted }
        var members: [JSONMember] = []
        members.reserveCapacity(arguments.count / 2)
        for pair in stride(from: 0, to: arguments.count, by: 2) {
            guard let key = arguments[pair].string else {
                return arguments[pair].unresolvedValue.map { .unresolved($0.reason) } ?? TemplateFunctions.invalid("createObject", "needs string keys")
            }
            members.append(JSONMember(key: key, keySpan: arguments[pair].span, value: arguments[pair + 1]))
        }
        return .value(.object(JSONObject(members)))
    }

    private static func union(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard !arguments.isEmpty else { return TemplateFunctions.invalid("union", "takes arrays or objects") }
        let present = arguments.filter { !$0.isNull }
        if present.allSatisfy({ $0.object != nil }) {
            guard let merged = TemplateValues.mergeObjects(present.compactMap(\.object), meter: meter) else { return .exhausted }
            return .value(.object(merged))
        }
        guard present.allSatisfy({ $0.array != nil }) else { return TemplateFunctions.invalid("union", "takes only arrays or only objects") }
        let candidates = present.flatMap { $0.array ?? [] }
        guard meter.charge(values: candidates.count) else { return .exhausted }
        var elements: [JSONNode] = []
        for element in candidates {
            var duplicate = false
            for kept in elements {
                guard let same = TemplateValues.equal(kept.value, element.value, meter: meter) else {
                    return meter.budget.isExhausted ? .exhausted : .unresolved("an element is unresolved")
                }
                if same { duplicate = true; break }
            }
            if !duplicate { elements.append(element) }
        }
        return .value(.array(elements))
    }

    private static func intersection(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard let first = arguments.first else { return TemplateFunctions.invalid("intersection", "takes arrays or objects") }
        if let array = first.array {
            let others = arguments.dropFirst().compactMap(\.array)
            guard others.count == arguments.count - 1 else { return TemplateFunctions.invalid("intersection", "takes arrays or objects") }
            var kept: [JSONNode] = []
            for element in array {
                var inAll = true
                for other in others where inAll {
                    var found = false
                    for candidate in other {
                        guard let same = TemplateValues.equal(candidate.value, element.value, meter: meter) else {
                            return meter.budget.isExhausted ? .exhausted : .unresolved("an element is unresolved")
                        }
                        if same { found = true; break }
                    }
                    inAll = found
                }
                if inAll { kept.append(element) }
            }
            return .value(.array(kept))
        }
        guard let object = first.object else { return TemplateFunctions.invalid("intersection", "takes arrays or objects") }
        let others = arguments.dropFirst().compactMap(\.object)
        guard others.count == arguments.count - 1 else { return TemplateFunctions.invalid("intersection", "takes arrays or objects") }
        var kept: [JSONMember] = []
        for member in object.members {
            var inAll = true
            for other in others where inAll {
                guard meter.charge(steps: other.members.count / 8 + 1) else { return .exhausted }
                guard let same = TemplateValues.equal(other[member.key]?.value ?? .null, member.value.value, meter: meter) else {
                    return meter.budget.isExhausted ? .exhausted : .unresolved("a member is unresolved")
                }
                inAll = same
            }
            if inAll { kept.append(member) }
        }
        return .value(.object(JSONObject(kept)))
    }

    private static func tryGet(_ arguments: [JSONNode]) -> FunctionResult {
        guard arguments.count >= 2 else { return TemplateFunctions.invalid("tryGet", "takes a value and keys") }
        var current = arguments[0]
        for key in arguments.dropFirst() {
            if current.unresolvedValue != nil { return .node(current) }
            switch (current.value, key.value) {
            case (.object(let object), .string(let name)):
                guard let next = object[name] else { return .value(.null) }
                current = next
            case (.array(let elements), .number):
                guard let index = TemplateValues.integer(key.value), index >= 0, index < elements.count else { return .value(.null) }
                current = elements[index]
            case (.null, _):
                return .value(.null)
            case (_, .unresolved(let unresolved)):
                return .unresolved(unresolved.reason)
            default:
                return .value(.null)
            }
        }
        return .node(arguments[0].isSensitive ? current.markedSensitive() : current)
    }

    private static func contains(_ arguments: [JSONNode], meter: Meter) -> FunctionResult {
        guard arguments.count == 2 else { return TemplateFunctions.invalid("contains", "takes a container and an item") }
        switch (arguments[0].value, arguments[1].value) {
        case (.string(let text), .string(let part)):
            guard meter.charge(steps: text.utf8.count * max(1, part.utf8.count) / 64 + 1) else { return .exhausted }
            return .value(.bool(text.contains(part)))
        case (.string(let text), let other):
            guard let part = TemplateValues.string(other, meter: meter) else { return meter.budget.isExhausted ? .exhausted : .unresolved("the item is unresolved") }
            guard meter.charge(steps: text.utf8.count * max(1, part.utf8.count) / 64 + 1) else { return .exhausted }
            return .value(.bool(text.contains(part)))
        case (.object(let object), .string(let key)):
            guard meter.charge(steps: object.members.count / 8 + 1) else { return .exhausted }
            return .value(.bool(object[key] != nil))
        case (.array(let elements), let item):
            var unknown = false
            for element in elements {
                switch TemplateValues.equal(element.value, item, meter: meter) {
                case true?: return .value(.bool(true))
                case nil:
                    if meter.budget.isExhausted { return .exhausted }
                    unknown = true
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
