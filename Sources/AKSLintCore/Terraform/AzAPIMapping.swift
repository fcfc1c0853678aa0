/// `azapi_resource` and `azapi_update_resource`: their `body` is already the REST shape
/// (an object in azapi 2.x, a `jsonencode`d string in 1.x), with `name`, `location`, `tags`,
/// `identity` and `parent_id` beside it (Azure/terraform-provider-azapi `docs/resources/resource.md`).
enum AzAPIMapping {
    /// The body as a node: the object itself, or the JSON string parsed (its values all pointing at
    /// the string, which is where they are written). Nil when there is no usable body; the reason
    /// is a warning for the input.
    static func body(of instance: TerraformBlock, address: String) -> (node: JSONNode?, problem: String?) {
        switch instance.attribute("body") {
        case .known(let ref, let isSensitive):
            if ref.node.object != nil { return (ref.node, nil) }
            guard let text = ref.node.string else { return (nil, "\(address): body is \(ref.node.value.kindDescription), not an object") }
            do {
                let parsed = try JSONParser.parse(Array(text.utf8), maxDepth: InputLimits.maximumDepth)
                return (respanned(parsed.root, to: ref.node.span, sensitive: isSensitive, depth: 0), nil)
            } catch {
                return (nil, "\(address): body is a string that is not JSON (\(error.message) at \(error.position)); it is not checked")
            }
        case .knownAfterApply(let references, let span):
            return (TerraformMapper.unknown("body", references: references, at: span), nil)
        case .unset, .computed:
            return (nil, nil)
        }
    }

    /// A parsed string's values, all placed at the string's span (within the plan).
    private static func respanned(_ node: JSONNode, to span: SourceSpan, sensitive: Bool, depth: Int) -> JSONNode {
        switch node.value {
        case .object(let object) where depth < InputLimits.maximumDepth:
            let members = object.members.map { JSONMember(key: $0.key, keySpan: span, value: respanned($0.value, to: span, sensitive: sensitive, depth: depth + 1)) }
            return JSONNode(.object(JSONObject(members)), span: span, isSensitive: sensitive)
        case .array(let elements) where depth < InputLimits.maximumDepth:
            return JSONNode(.array(elements.map { respanned($0, to: span, sensitive: sensitive, depth: depth + 1) }), span: span, isSensitive: sensitive)
        default:
            return JSONNode(node.value, span: span, isSensitive: sensitive)
        }
    }

    /// An azapi resource in the ARM shape: the body, with the envelope attributes beside it (still
    /// open, so an `azapi_update_resource` can patch it).
    static func resource(_ instance: TerraformBlock, body: JSONNode?, type: String, apiVersion: String?) -> ARMTreeBuilder {
        var mapper = TerraformMapper(span: instance.values.node.span, version: .v4, isPlan: false, provider: "azapi")
        if let body {
            if body.object != nil { mapper.tree.merge(body, at: []) } else { mapper.tree.set(["properties"], body) }
        }
        mapper.tree.set(["type"], JSONNode(.string(type), span: instance.values.child("type")?.node.span ?? instance.values.node.span))
        if let apiVersion { mapper.tree.set(["apiVersion"], JSONNode(.string(apiVersion), span: instance.values.child("type")?.node.span ?? instance.values.node.span)) }
        mapper.map(instance, ["name"], to: ["name"])
        mapper.map(instance, ["location"], to: ["location"])
        mapper.map(instance, ["tags"], to: ["tags"])
        mapper.map(instance, ["id"], to: ["id"])
        mapper.block(instance, "identity", unknownAt: ["identity"]) { mapper, identity, label in
            mapper.map(identity, ["type"], to: ["identity", "type"], label: label)
        }
        return mapper.tree
    }

    /// The patch an `azapi_update_resource` writes, its leaves marked as set by it.
    static func patch(_ body: JSONNode, by address: String, depth: Int = 0) -> JSONNode {
        switch body.value {
        case .object(let object) where depth < InputLimits.maximumDepth:
            let members = object.members.map { JSONMember(key: $0.key, keySpan: $0.keySpan, value: patch($0.value, by: address, depth: depth + 1)) }
            return JSONNode(.object(JSONObject(members)), span: body.span, isSensitive: body.isSensitive)
        default:
            var leaf = body
            leaf.provenance = .terraform(attribute: "body", source: .patched(by: address))
            return leaf
        }
    }
}
