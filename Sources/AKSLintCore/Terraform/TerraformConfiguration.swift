/// A plan's `configuration`: what each resource block sets (its `expressions`), and where each
/// module comes from. It tells "known after apply because the configuration computes it" from
/// "known after apply because nobody set this computed attribute".
///
/// Blocks written as `dynamic` are missing from it (Terraform does not include them), and a state
/// has none at all; ``isPresent`` says whether there is a configuration to ask.
struct TerraformConfiguration {
    /// One module: its resources' expressions by module-relative address, and its calls.
    private struct Module {
        var resources: [String: JSONNode] = [:]
        var calls: [String: Call] = [:]
    }

    /// A `module_calls` entry.
    private struct Call {
        let source: String?
        let module: Module
    }

    private let root: Module?
    /// Every resource block's expressions by key-less address, for lookups in constant time.
    private let byAddress: [String: JSONNode]

    /// Whether the document has a configuration (a plan does; a state does not).
    var isPresent: Bool { root != nil }

    init(_ configuration: ValueRef?) {
        let root = configuration?.child("root_module").map { Self.module($0, depth: 0) }
        var byAddress: [String: JSONNode] = [:]
        func visit(_ module: Module, prefix: String) {
            for (address, expressions) in module.resources { byAddress[prefix + address] = expressions }
            for (name, call) in module.calls { visit(call.module, prefix: prefix + "module." + name + ".") }
        }
        if let root { visit(root, prefix: "") }
        self.root = root
        self.byAddress = byAddress
    }

    private static func module(_ ref: ValueRef, depth: Int) -> Module {
        var module = Module()
        for resource in ref.child("resources")?.elements ?? [] {
            guard let address = resource.child("address")?.node.string else { continue }
            module.resources[address] = resource.child("expressions")?.node ?? JSONNode(.object(JSONObject()))
        }
        // Configuration nests as deeply as the modules do; the parser's depth limit bounds it.
        for member in ref.child("module_calls")?.node.object?.members ?? [] where depth < 64 {
            let call = ValueRef(node: member.value, path: ref.path.appending(key: member.key))
            module.calls[member.key] = Call(
                source: call.child("source")?.node.string,
                module: call.child("module").map { Self.module($0, depth: depth + 1) } ?? Module())
        }
        return module
    }

    /// The `expressions` of the resource block at a key-less address, or nil when the
    /// configuration does not have it.
    func expressions(of configurationAddress: String) -> JSONNode? {
        byAddress[configurationAddress]
    }

    /// The `source` of each module call, as a path of module names, for finding the `.tf` files
    /// of local modules (`./modules/aks`), outermost first.
    var moduleSources: [(modules: [String], source: String)] {
        var found: [(modules: [String], source: String)] = []
        func visit(_ module: Module, path: [String]) {
            for (name, call) in module.calls.sorted(by: { $0.key < $1.key }) {
                if let source = call.source { found.append((path + [name], source)) }
                visit(call.module, path: path + [name])
            }
        }
        if let root { visit(root, path: []) }
        return found
    }
}
