/// The azurerm resources cluster rules look across, in the ARM shape: diagnostic settings,
/// container registries and key vaults.
enum AzureRMRelatedMapping {
    /// `azurerm_monitor_diagnostic_setting` → `Microsoft.Insights/diagnosticSettings`: v4's
    /// `enabled_log { category, category_group }` and v3's `log { category, enabled }` become
    /// `logs[]`, `metric` (v3) and `enabled_metric` (v4) become `metrics[]`.
    static func diagnosticSetting(_ block: TerraformBlock, version: TerraformMapper.ProviderVersion) -> JSONNode {
        var mapper = TerraformMapper(span: block.values.node.span, version: version, isPlan: true)
        mapper.map(block, ["name"], to: ["name"])
        mapper.map(block, ["target_resource_id"], to: ["scope"])
        mapper.tree.set(["properties", "logs"], JSONNode(.array(entries(block, ["enabled_log", "log"], version: version)), span: block.values.node.span))
        mapper.tree.set(["properties", "metrics"], JSONNode(.array(entries(block, ["enabled_metric", "metric"], version: version)), span: block.values.node.span))
        return mapper.tree.build()
    }

    private static func entries(_ block: TerraformBlock, _ names: [String], version: TerraformMapper.ProviderVersion) -> [JSONNode] {
        names.flatMap { name in
            block.blocks(name).map { entry -> JSONNode in
                var mapper = TerraformMapper(span: entry.values.node.span, version: version, isPlan: true)
                mapper.map(entry, ["category"], to: ["category"], label: name + ".")
                mapper.map(entry, ["category_group"], to: ["categoryGroup"], label: name + ".")
                // An `enabled_log` is enabled by being there; v3's `log` says so (default true).
                mapper.map(entry, ["enabled"], to: ["enabled"], label: name + ".", whenUnset: .sends(.bool(true)))
                if !mapper.tree.contains(["enabled"]) { mapper.tree.set(["enabled"], JSONNode(.bool(true), span: entry.values.node.span)) }
                return mapper.tree.build()
            }
        }
    }

    /// `azurerm_container_registry` → `Microsoft.ContainerRegistry/registries`.
    static func containerRegistry(_ block: TerraformBlock, version: TerraformMapper.ProviderVersion, isPlan: Bool) -> JSONNode {
        var mapper = TerraformMapper(span: block.values.node.span, version: version, isPlan: isPlan)
        mapper.map(block, ["name"], to: ["name"])
        mapper.map(block, ["public_network_access_enabled"], to: ["properties", "publicNetworkAccess"], whenUnset: .sends(.string("Enabled"))) { value in
            if case .bool(let enabled) = value { return .string(enabled ? "Enabled" : "Disabled") }
            return nil
        }
        mapper.map(block, ["admin_enabled"], to: ["properties", "adminUserEnabled"], whenUnset: .sends(.bool(false)))
        return mapper.tree.build()
    }

    /// `azurerm_key_vault` → `Microsoft.KeyVault/vaults` (`enable_rbac_authorization` in v3,
    /// `rbac_authorization_enabled` from v4).
    static func keyVault(_ block: TerraformBlock, version: TerraformMapper.ProviderVersion, isPlan: Bool) -> JSONNode {
        var mapper = TerraformMapper(span: block.values.node.span, version: version, isPlan: isPlan)
        mapper.map(block, ["name"], to: ["name"])
        mapper.map(block, ["purge_protection_enabled"], to: ["properties", "enablePurgeProtection"], whenUnset: .sends(.bool(false)))
        mapper.map(block, ["rbac_authorization_enabled", "enable_rbac_authorization"], to: ["properties", "enableRbacAuthorization"], whenUnset: .sends(.bool(false)))
        return mapper.tree.build()
    }
}
