@testable import AKSLintCore

enum KeyCase: CustomStringConvertible {
    case lower, upper
    var description: String { self == .lower ? "lower-case" : "upper-case" }
}

/// Edits of a value tree used to derive test inputs from rule examples.
enum Mutation {
    /// The tree with every object key re-cased.
    static func recaseKeys(_ node: JSONNode, _ keyCase: KeyCase) -> JSONNode {
        switch node.value {
        case .object(let object):
            let members = object.members.map { member in
                JSONMember(key: keyCase == .lower ? member.key.lowercased() : member.key.uppercased(), keySpan: member.keySpan, value: recaseKeys(member.value, keyCase))
            }
            return JSONNode(.object(JSONObject(members)), span: node.span)
        case .array(let elements):
            return JSONNode(.array(elements.map { recaseKeys($0, keyCase) }), span: node.span)
        default:
            return node
        }
    }

    /// The node at a JSONPath printed by ``JSONPath/description`` (dot keys and [index] only).
    static func node(at path: String, in root: JSONNode) -> JSONNode? {
        var current = root
        for step in steps(of: path) {
            switch step {
            case .key(let key):
                guard let next = current.object?.members.last(where: { $0.key == key })?.value else { return nil }
                current = next
            case .index(let index):
                guard let elements = current.array, index < elements.count else { return nil }
                current = elements[index]
            }
        }
        return current
    }

    /// The tree with the node at `path` replaced.
    static func replacing(_ path: String, in root: JSONNode, with replacement: JSONNode) -> JSONNode {
        replace(steps(of: path)[...], in: root, with: replacement)
    }

    private static func replace(_ steps: ArraySlice<JSONPath.Component>, in node: JSONNode, with replacement: JSONNode) -> JSONNode {
        guard let step = steps.first else { return replacement }
        switch (step, node.value) {
        case (.key(let key), .object(let object)):
            var members = object.members
            if let index = members.lastIndex(where: { $0.key == key }) {
                members[index].value = replace(steps.dropFirst(), in: members[index].value, with: replacement)
            }
            return JSONNode(.object(JSONObject(members)), span: node.span)
        case (.index(let index), .array(var elements)) where index < elements.count:
            elements[index] = replace(steps.dropFirst(), in: elements[index], with: replacement)
            return JSONNode(.array(elements), span: node.span)
        default:
            return node
        }
    }

    private static func steps(of path: String) -> [JSONPath.Component] {
        var components: [JSONPath.Component] = []
        var rest = path.dropFirst()
        while !rest.isEmpty {
            if rest.first == "." {
                rest = rest.dropFirst()
                let key = rest.prefix { $0 != "." && $0 != "[" }
                components.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
            } else if rest.first == "[" {
                let digits = rest.dropFirst().prefix { $0 != "]" }
                components.append(.index(Int(digits) ?? 0))
                rest = rest.dropFirst(digits.count + 2)
            } else {
                break
            }
        }
        return components
    }
}

extension JSONNode {
    var isScalar: Bool {
        switch value {
        case .bool, .string, .number, .null: return true
        default: return false
        }
    }
}
