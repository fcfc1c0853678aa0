/// A `terraform show -json` document: a plan (`resource_changes` and `configuration`) or a state
/// (`values.root_module`), read as the instances of the resources akslint maps, following
/// HashiCorp's "JSON Output Format" (developer.hashicorp.com/terraform/internals/json-format).
struct TerraformDocument {
    enum Kind: Sendable {
        case plan
        case state
    }

    /// The resource types whose instances are read: clusters and their pools (azurerm and azapi),
    /// and the resources cluster rules look across.
    static let typesRead: Set<String> = [
        AzureRM.cluster, AzureRM.nodePool, AzureRM.diagnosticSetting, AzureRM.containerRegistry, AzureRM.keyVault,
        AzAPI.resource, AzAPI.updateResource,
    ]

    let kind: Kind
    /// The instances of the types read that the plan creates, updates, replaces or leaves
    /// unchanged (or that the state holds), in document order.
    let instances: [TerraformInstance]
    /// The addresses of clusters the plan destroys: not linted, only counted.
    let destroyedClusters: [String]
    let configuration: TerraformConfiguration

    /// What kind of Terraform document `object` is, if any: `format_version` and the plan's or
    /// the state's top-level keys.
    static func kind(of object: JSONObject) -> Kind? {
        guard object["format_version"]?.string != nil else { return nil }
        if object["resource_changes"] != nil || object["planned_values"] != nil { return .plan }
        if object["values"]?.object?["root_module"] != nil { return .state }
        return nil
    }

    /// Whether the format's major version is one whose shape akslint knows (0.x and 1.x: the
    /// format promises that minor versions only add).
    static func isKnownFormat(_ version: String) -> Bool {
        version.hasPrefix("0.") || version.hasPrefix("1.")
    }

    /// Reads the instances of `root`, a document of `kind`.
    init(_ root: ValueRef, kind: Kind) {
        self.kind = kind
        configuration = TerraformConfiguration(root.child("configuration"))
        var instances: [TerraformInstance] = []
        var destroyed: [String] = []
        switch kind {
        case .plan:
            for change in root.child("resource_changes")?.elements ?? [] {
                guard change.child("mode")?.node.string == "managed", change.child("deposed") == nil,
                      let type = change.child("type")?.node.string, Self.typesRead.contains(type),
                      let address = change.child("address")?.node.string, let body = change.child("change") else { continue }
                let actions = (body.child("actions")?.node.array ?? []).compactMap(\.string)
                guard let action = TerraformAction(actions) else { continue }
                if action == .delete {
                    if type == AzureRM.cluster || type == AzAPI.resource { destroyed.append(address) }
                    continue
                }
                guard let after = body.child("after"), after.node.object != nil else { continue }
                instances.append(TerraformInstance(
                    address: address, type: type, action: action, values: after,
                    unknown: body.child("after_unknown")?.node, sensitive: body.child("after_sensitive")?.node))
            }
        case .state:
            func visit(_ module: ValueRef) {
                for resource in module.child("resources")?.elements ?? [] {
                    guard resource.child("mode")?.node.string == "managed", let type = resource.child("type")?.node.string,
                          Self.typesRead.contains(type), let address = resource.child("address")?.node.string,
                          let values = resource.child("values"), values.node.object != nil else { continue }
                    instances.append(TerraformInstance(
                        address: address, type: type, action: .existing, values: values,
                        unknown: nil, sensitive: resource.child("sensitive_values")?.node))
                }
                for child in module.child("child_modules")?.elements ?? [] { visit(child) }
            }
            if let module = root.child("values")?.child("root_module") { visit(module) }
        }
        self.instances = instances
        self.destroyedClusters = destroyed
    }
}

/// What a plan does to a resource instance (`change.actions`), or `existing` for a state.
enum TerraformAction: String, Sendable {
    case create
    case update
    /// Destroyed and created again (either order): linted as its new value.
    case replace
    case noOp = "no-op"
    case delete
    /// In a state: deployed.
    case existing

    /// The action of a plan's `actions` list; nil for a data source read or an unknown list.
    init?(_ actions: [String]) {
        switch actions {
        case ["create"]: self = .create
        case ["update"]: self = .update
        case ["delete", "create"], ["create", "delete"]: self = .replace
        case ["no-op"]: self = .noOp
        case ["delete"]: self = .delete
        default: return nil
        }
    }
}

/// One instance of a resource in a plan or state.
struct TerraformInstance {
    /// The full address, such as `module.aks["prod"].azurerm_kubernetes_cluster.this[0]`.
    let address: String
    let type: String
    let action: TerraformAction
    /// The attribute values: a plan's `change.after`, a state's `values`.
    let values: ValueRef
    /// `after_unknown`: the same shape as the values, `true` where a value is known only after apply.
    let unknown: JSONNode?
    /// `after_sensitive` or `sensitive_values`: `true` where a value is sensitive.
    let sensitive: JSONNode?

    /// The address with every instance key removed, as the configuration names the resource:
    /// `module.aks.azurerm_kubernetes_cluster.this`.
    var configurationAddress: String { TerraformAddress.withoutKeys(address) }
}

/// Resource addresses: `module.NAME[KEY].` steps, then `TYPE.NAME[KEY]`.
enum TerraformAddress {
    /// `address` without `[...]` instance keys (keys may hold dots and brackets inside quotes).
    static func withoutKeys(_ address: String) -> String {
        guard address.utf8.contains(UInt8(ascii: "[")) else { return address }
        var result: [UInt8] = []
        result.reserveCapacity(address.utf8.count)
        var depth = 0
        var inString = false
        var escaped = false
        for byte in address.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "\"") where depth > 0: inString = true
            default: if depth == 0 { result.append(byte) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// The resource types akslint reads from the azurerm provider.
enum AzureRM {
    static let cluster = "azurerm_kubernetes_cluster"
    static let nodePool = "azurerm_kubernetes_cluster_node_pool"
    static let diagnosticSetting = "azurerm_monitor_diagnostic_setting"
    static let containerRegistry = "azurerm_container_registry"
    static let keyVault = "azurerm_key_vault"
}

/// The resource types akslint reads from the azapi provider.
enum AzAPI {
    static let resource = "azapi_resource"
    static let updateResource = "azapi_update_resource"
}

extension TerraformAddress {
    /// The module part of an instance's address, keys included (`module.aks["prod"].`), found
    /// before its `TYPE.` segment; empty for a root-module resource.
    static func modulePrefix(of address: String, type: String) -> String {
        let bytes = Array(address.utf8)
        let wanted = Array((type + ".").utf8)
        guard bytes.count >= wanted.count else { return "" }
        var start = bytes.count - wanted.count
        while start >= 0 {
            if (start == 0 || bytes[start - 1] == UInt8(ascii: ".")) && bytes[start..<(start + wanted.count)].elementsEqual(wanted) {
                return String(decoding: bytes[..<start], as: UTF8.self)
            }
            start -= 1
        }
        return ""
    }

    /// The instance key at the end of an address (`["prod"]`, `[0]`), or nil.
    static func lastKey(of address: String) -> Substring? {
        guard address.hasSuffix("]"), let open = address.lastIndex(of: "[") else { return nil }
        return address[open...]
    }
}
