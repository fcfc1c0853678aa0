/// `default_node_pool` → `properties.agentPoolProfiles[0]`, and `azurerm_kubernetes_cluster_node_pool`
/// → a child `agentPools` resource (`ExpandDefaultNodePool` and the node pool resource's create
/// function): the same attribute names in both, v3 spelling the booleans `enable_*`.
enum AzureRMNodePoolMapping {
    /// The taint `only_critical_addons_enabled` stands for.
    static let criticalAddonsOnlyTaint = "CriticalAddonsOnly=true:NoSchedule"

    /// A pool's settings in the ARM agent pool shape. The default pool is always a Linux
    /// `System` pool; a separate pool is `User` unless `mode` says otherwise.
    static func profile(_ pool: TerraformBlock, label: String, version: TerraformMapper.ProviderVersion, isPlan: Bool, isDefault: Bool) -> JSONNode {
        var mapper = TerraformMapper(span: pool.values.node.span, version: version, isPlan: isPlan)
        let span = pool.values.node.span
        mapper.map(pool, ["name"], to: ["name"], label: label)
        if isDefault {
            mapper.tree.set(["mode"], JSONNode(.string("System"), span: span))
            mapper.tree.set(["osType"], JSONNode(.string("Linux"), span: span))
        } else {
            mapper.map(pool, ["mode"], to: ["mode"], label: label, whenUnset: .sends(.string("User")))
            mapper.map(pool, ["os_type"], to: ["osType"], label: label, whenUnset: .sends(.string("Linux")))
            mapper.map(pool, ["priority"], to: ["scaleSetPriority"], label: label)
        }
        mapper.map(pool, ["vm_size"], to: ["vmSize"], label: label)
        mapper.map(pool, ["type"], to: ["type"], label: label, whenUnset: .sends(.string("VirtualMachineScaleSets")))
        mapper.map(pool, ["node_count"], to: ["count"], label: label)
        mapper.map(pool, ["min_count"], to: ["minCount"], label: label)
        mapper.map(pool, ["max_count"], to: ["maxCount"], label: label)
        mapper.map(pool, ["max_pods"], to: ["maxPods"], label: label)
        mapper.map(pool, ["auto_scaling_enabled", "enable_auto_scaling"], to: ["enableAutoScaling"], label: label, whenUnset: .sends(.bool(false)))
        mapper.map(pool, ["node_public_ip_enabled", "enable_node_public_ip"], to: ["enableNodePublicIP"], label: label, whenUnset: .sends(.bool(false)))
        mapper.map(pool, ["host_encryption_enabled", "enable_host_encryption"], to: ["enableEncryptionAtHost"], label: label, whenUnset: .sends(.bool(false)))
        mapper.map(pool, ["fips_enabled"], to: ["enableFIPS"], label: label, whenUnset: .sends(.bool(false)))
        mapper.map(pool, ["os_sku"], to: ["osSKU"], label: label)
        // The provider sends Managed when os_disk_type is not set (Azure's own default is Ephemeral where the size allows).
        mapper.map(pool, ["os_disk_type"], to: ["osDiskType"], label: label, whenUnset: .sends(.string("Managed")))
        mapper.map(pool, ["zones"], to: ["availabilityZones"], label: label)
        mapper.map(pool, ["orchestrator_version"], to: ["orchestratorVersion"], label: label)
        mapper.map(pool, ["vnet_subnet_id"], to: ["vnetSubnetID"], label: label)
        mapper.map(pool, ["pod_subnet_id"], to: ["podSubnetID"], label: label)
        mapper.map(pool, ["node_taints"], to: ["nodeTaints"], label: label)
        if isDefault, case .known(let ref, _) = pool.attribute("only_critical_addons_enabled"), ref.node.bool == true {
            let taint = JSONNode(.string(criticalAddonsOnlyTaint), span: ref.node.span)
            mapper.tree.set(["nodeTaints"], JSONNode(.array([taint]), span: ref.node.span, provenance: .terraform(attribute: label + "only_critical_addons_enabled", source: .configured)))
        }
        return mapper.tree.build()
    }
}
