/// `azurerm_kubernetes_cluster` → `Microsoft.ContainerService/managedClusters`, by what the
/// provider's create function sends for each attribute, set or not
/// (`internal/services/containers/kubernetes_cluster_resource.go`, `kubernetes_addons.go` and
/// `kubernetes_nodepool.go` of hashicorp/terraform-provider-azurerm at v3.117.1, v4.81.0 and
/// v5.2.0). Attributes the provider never sends (v3's `public_network_access_enabled`) are not
/// mapped; settings it cannot express (SSH access, secure boot, vTPM of a pool) stay absent.
enum AzureRMClusterMapping {
    /// The cluster in the ARM shape (still open, so an `azapi_update_resource` can patch it).
    static func resource(_ block: TerraformBlock, version: TerraformMapper.ProviderVersion, isPlan: Bool) -> ARMTreeBuilder {
        var mapper = TerraformMapper(span: block.values.node.span, version: version, isPlan: isPlan)
        let v4 = version >= .v4
        mapper.tree.set(["type"], JSONNode(.string(ResourceType.managedClusters), span: block.values.node.span))
        mapper.map(block, ["name"], to: ["name"])
        mapper.map(block, ["id"], to: ["id"])
        mapper.map(block, ["location"], to: ["location"])
        mapper.map(block, ["tags"], to: ["tags"])
        mapper.map(block, ["sku_tier"], to: ["sku", "tier"], whenUnset: .sends(.string("Free")))
        if mapper.tree.contains(["sku", "tier"]) { mapper.tree.set(["sku", "name"], JSONNode(.string("Base"), span: block.values.node.span)) }

        let properties = ["properties"]
        mapper.map(block, ["dns_prefix"], to: properties + ["dnsPrefix"])
        mapper.map(block, ["kubernetes_version"], to: properties + ["kubernetesVersion"])
        mapper.map(block, ["current_kubernetes_version"], to: properties + ["currentKubernetesVersion"])
        mapper.map(block, ["support_plan"], to: properties + ["supportPlan"], whenUnset: .sends(.string("KubernetesOfficial")))
        mapper.map(block, ["local_account_disabled"], to: properties + ["disableLocalAccounts"], whenUnset: .sends(.bool(false)))
        mapper.map(block, ["role_based_access_control_enabled"], to: properties + ["enableRBAC"], whenUnset: .sends(.bool(true)))
        mapper.map(block, ["disk_encryption_set_id"], to: properties + ["diskEncryptionSetID"])
        mapper.map(block, ["enable_pod_security_policy"], to: properties + ["enablePodSecurityPolicy"])
        mapper.map(block, ["node_resource_group"], to: properties + ["nodeResourceGroup"])

        apiServer(block, &mapper)
        identity(block, &mapper)
        addons(block, &mapper, v4: v4)
        security(block, &mapper, v4: v4)
        network(block, &mapper)
        upgrades(block, &mapper)
        profiles(block, &mapper)

        mapper.block(block, "default_node_pool", unknownAt: properties + ["agentPoolProfiles"]) { mapper, pool, label in
            mapper.tree.set(properties + ["agentPoolProfiles"], JSONNode(.array([AzureRMNodePoolMapping.profile(pool, label: label, version: version, isPlan: isPlan, isDefault: true)]), span: pool.values.node.span))
        }
        return mapper.tree
    }

    /// The planned maintenance windows azurerm writes as blocks of the cluster, as the
    /// maintenance configurations Azure keeps them in (`maintenance_window_auto_upgrade` is
    /// `aksManagedAutoUpgradeSchedule`, `maintenance_window_node_os` is `aksManagedNodeOSUpgradeSchedule`).
    static func maintenanceConfigurations(_ block: TerraformBlock) -> [RelatedResource] {
        [("maintenance_window_auto_upgrade", "aksManagedAutoUpgradeSchedule"), ("maintenance_window_node_os", "aksManagedNodeOSUpgradeSchedule")].compactMap { attribute, name in
            guard case .present(let window) = block.block(attribute) else { return nil }
            return RelatedResource(type: ResourceType.maintenanceConfigurations, name: name, resource: window.values, deploymentCondition: nil, isSubResourceOfCluster: true)
        }
    }

    private static func apiServer(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        let access = ["properties", "apiServerAccessProfile"]
        mapper.map(block, ["private_cluster_enabled"], to: access + ["enablePrivateCluster"], whenUnset: .sends(.bool(false)))
        mapper.map(block, ["private_cluster_public_fqdn_enabled"], to: access + ["enablePrivateClusterPublicFQDN"], whenUnset: .sends(.bool(false)))
        mapper.map(block, ["private_dns_zone_id"], to: access + ["privateDNSZone"])
        mapper.map(block, ["run_command_enabled"], to: access + ["disableRunCommand"], whenUnset: .sends(.bool(false)), transform: JSONValue.negated)
        // v3's top-level list (deprecated there, removed in v4), then the block of both.
        if case .known = block.attribute("api_server_authorized_ip_ranges") {
            mapper.map(block, ["api_server_authorized_ip_ranges"], to: access + ["authorizedIPRanges"])
        }
        mapper.block(block, "api_server_access_profile", unknownAt: access + ["authorizedIPRanges"]) { mapper, profile, label in
            mapper.map(profile, ["authorized_ip_ranges"], to: access + ["authorizedIPRanges"], label: label)
            mapper.map(profile, ["virtual_network_integration_enabled", "vnet_integration_enabled"], to: access + ["enableVnetIntegration"], label: label)
            mapper.map(profile, ["subnet_id"], to: access + ["subnetId"], label: label)
        }
    }

    private static func identity(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        mapper.block(block, "identity", unknownAt: ["identity"]) { mapper, identity, label in
            mapper.map(identity, ["type"], to: ["identity", "type"], label: label)
            if case .known(let ids, _) = identity.attribute("identity_ids"), let list = ids.node.array, !list.isEmpty {
                let members = list.compactMap { id in id.string.map { JSONMember(key: $0, keySpan: id.span, value: JSONNode(.object(JSONObject()), span: id.span)) } }
                mapper.tree.set(["identity", "userAssignedIdentities"], JSONNode(.object(JSONObject(members)), span: ids.node.span))
            }
            // With a managed identity the provider sends the service principal "msi".
            mapper.setBecausePresent(.string("msi"), at: ["properties", "servicePrincipalProfile", "clientId"], block: identity, label: String(label.dropLast()))
        }
        mapper.block(block, "service_principal", unknownAt: ["properties", "servicePrincipalProfile"]) { mapper, principal, label in
            mapper.map(principal, ["client_id"], to: ["properties", "servicePrincipalProfile", "clientId"], label: label)
            mapper.map(principal, ["client_secret"], to: ["properties", "servicePrincipalProfile", "secret"], label: label)
        }
        let aad = ["properties", "aadProfile"]
        mapper.block(block, "azure_active_directory_role_based_access_control", unknownAt: aad) { mapper, entra, label in
            if mapper.version >= .v4 {
                // v4 removed `managed`: the integration is always AKS-managed.
                mapper.setBecausePresent(.bool(true), at: aad + ["managed"], block: entra, label: String(label.dropLast()))
            } else {
                mapper.map(entra, ["managed"], to: aad + ["managed"], label: label, whenUnset: .sends(.bool(false)))
                mapper.map(entra, ["client_app_id"], to: aad + ["clientAppID"], label: label)
                mapper.map(entra, ["server_app_id"], to: aad + ["serverAppID"], label: label)
                mapper.map(entra, ["server_app_secret"], to: aad + ["serverAppSecret"], label: label)
            }
            mapper.map(entra, ["azure_rbac_enabled"], to: aad + ["enableAzureRBAC"], label: label, whenUnset: .sends(.bool(false)))
            mapper.map(entra, ["admin_group_object_ids"], to: aad + ["adminGroupObjectIDs"], label: label)
            mapper.map(entra, ["tenant_id"], to: aad + ["tenantID"], label: label)
        }
        mapper.block(block, "linux_profile", unknownAt: ["properties", "linuxProfile"]) { mapper, linux, label in
            mapper.map(linux, ["admin_username"], to: ["properties", "linuxProfile", "adminUsername"], label: label)
        }
        mapper.block(block, "windows_profile", unknownAt: ["properties", "windowsProfile"]) { mapper, windows, label in
            mapper.map(windows, ["admin_username"], to: ["properties", "windowsProfile", "adminUsername"], label: label)
            mapper.map(windows, ["admin_password"], to: ["properties", "windowsProfile", "adminPassword"], label: label)
        }
    }

    private static func addons(_ block: TerraformBlock, _ mapper: inout TerraformMapper, v4: Bool) {
        let addons = ["properties", "addonProfiles"]
        let secrets = addons + ["azureKeyvaultSecretsProvider"]
        mapper.block(block, "key_vault_secrets_provider", unknownAt: secrets + ["enabled"]) { mapper, provider, label in
            mapper.setBecausePresent(.bool(true), at: secrets + ["enabled"], block: provider, label: String(label.dropLast()))
            mapper.map(provider, ["secret_rotation_enabled"], to: secrets + ["config", "enableSecretRotation"], label: label, whenUnset: .sends(.string("false")), transform: JSONValue.booleanString)
            mapper.map(provider, ["secret_rotation_interval"], to: secrets + ["config", "rotationPollInterval"], label: label)
        }
        // v4 and later always send the Azure Policy add-on, off when the attribute is null; v3 only when set.
        mapper.map(block, ["azure_policy_enabled"], to: addons + ["azurepolicy", "enabled"], whenUnset: v4 ? .sends(.bool(false)) : .nothing)
        mapper.map(block, ["http_application_routing_enabled"], to: addons + ["httpApplicationRouting", "enabled"])
        mapper.map(block, ["open_service_mesh_enabled"], to: addons + ["openServiceMesh", "enabled"])
        let oms = addons + ["omsagent"]
        mapper.block(block, "oms_agent", unknownAt: oms + ["enabled"]) { mapper, agent, label in
            mapper.setBecausePresent(.bool(true), at: oms + ["enabled"], block: agent, label: String(label.dropLast()))
            mapper.map(agent, ["log_analytics_workspace_id"], to: oms + ["config", "logAnalyticsWorkspaceResourceID"], label: label)
            mapper.map(agent, ["msi_auth_for_monitoring_enabled"], to: oms + ["config", "useAADAuth"], label: label, transform: JSONValue.booleanString)
        }
        mapper.block(block, "ingress_application_gateway", unknownAt: addons + ["ingressApplicationGateway", "enabled"]) { mapper, gateway, label in
            mapper.setBecausePresent(.bool(true), at: addons + ["ingressApplicationGateway", "enabled"], block: gateway, label: String(label.dropLast()))
        }
        mapper.block(block, "web_app_routing", unknownAt: ["properties", "ingressProfile", "webAppRouting", "enabled"]) { mapper, routing, label in
            mapper.setBecausePresent(.bool(true), at: ["properties", "ingressProfile", "webAppRouting", "enabled"], block: routing, label: String(label.dropLast()))
        }
    }

    private static func security(_ block: TerraformBlock, _ mapper: inout TerraformMapper, v4: Bool) {
        let security = ["properties", "securityProfile"]
        // `workload_identity_enabled = false` sends nothing; true turns it on.
        if case .known(let ref, _) = block.attribute("workload_identity_enabled"), ref.node.bool == true {
            mapper.map(block, ["workload_identity_enabled"], to: security + ["workloadIdentity", "enabled"])
        } else if case .knownAfterApply = block.attribute("workload_identity_enabled") {
            mapper.map(block, ["workload_identity_enabled"], to: security + ["workloadIdentity", "enabled"])
        }
        oidcIssuer(block, &mapper)
        // v3 sends the image cleaner always (off, every 48 hours, unless set); v4 and later only when enabled.
        if v4 {
            if case .known(let ref, _) = block.attribute("image_cleaner_enabled"), ref.node.bool == true {
                mapper.map(block, ["image_cleaner_enabled"], to: security + ["imageCleaner", "enabled"])
                mapper.map(block, ["image_cleaner_interval_hours"], to: security + ["imageCleaner", "intervalHours"])
            } else if case .knownAfterApply = block.attribute("image_cleaner_enabled") {
                mapper.map(block, ["image_cleaner_enabled"], to: security + ["imageCleaner", "enabled"])
            }
        } else {
            mapper.map(block, ["image_cleaner_enabled"], to: security + ["imageCleaner", "enabled"], whenUnset: .sends(.bool(false)))
            mapper.map(block, ["image_cleaner_interval_hours"], to: security + ["imageCleaner", "intervalHours"], whenUnset: .sends(.number(48)))
        }
        let defender = security + ["defender"]
        mapper.block(block, "microsoft_defender", unknownAt: defender + ["securityMonitoring", "enabled"]) { mapper, monitor, label in
            mapper.setBecausePresent(.bool(true), at: defender + ["securityMonitoring", "enabled"], block: monitor, label: String(label.dropLast()))
            mapper.map(monitor, ["log_analytics_workspace_id"], to: defender + ["logAnalyticsWorkspaceResourceId"], label: label)
        }
        let kms = security + ["azureKeyVaultKms"]
        mapper.block(block, "key_management_service", unknownAt: kms + ["enabled"]) { mapper, service, label in
            mapper.setBecausePresent(.bool(true), at: kms + ["enabled"], block: service, label: String(label.dropLast()))
            mapper.map(service, ["key_vault_key_id"], to: kms + ["keyId"], label: label)
            mapper.map(service, ["key_vault_network_access"], to: kms + ["keyVaultNetworkAccess"], label: label, whenUnset: .sends(.string("Public")))
        }
    }

    /// `oidc_issuer_enabled`: v5 sends `true` when it is not set; v3 and v4 send it only when the
    /// configuration sets it (v4.68 and later show `true` in the plan all the same, and send
    /// nothing: Azure then decides by the Kubernetes version of a new cluster).
    private static func oidcIssuer(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        let path = ["properties", "oidcIssuerProfile", "enabled"]
        let name = "oidc_issuer_enabled"
        guard mapper.isPlan, block.hasConfiguration, !block.configured(name) else {
            mapper.map(block, [name], to: path)
            return
        }
        if mapper.version >= .v5 {
            let span = block.values.child(name)?.node.span ?? block.values.node.span
            mapper.tree.set(path, JSONNode(.bool(true), span: span, provenance: .terraform(attribute: name, source: .schemaDefault(provider: mapper.provider))))
        }
    }

    private static func network(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        let network = ["properties", "networkProfile"]
        mapper.block(block, "network_profile", unknownAt: network) { mapper, profile, label in
            mapper.map(profile, ["network_plugin"], to: network + ["networkPlugin"], label: label)
            mapper.map(profile, ["network_plugin_mode"], to: network + ["networkPluginMode"], label: label)
            mapper.map(profile, ["network_policy"], to: network + ["networkPolicy"], label: label)
            mapper.map(profile, ["outbound_type"], to: network + ["outboundType"], label: label, whenUnset: .sends(.string("loadBalancer")))
            mapper.map(profile, ["load_balancer_sku"], to: network + ["loadBalancerSku"], label: label)
            mapper.map(profile, ["pod_cidr"], to: network + ["podCidr"], label: label)
            mapper.map(profile, ["service_cidr"], to: network + ["serviceCidr"], label: label)
            mapper.map(profile, ["dns_service_ip"], to: network + ["dnsServiceIP"], label: label)
            if case .known = profile.attribute("network_data_plane") {
                mapper.map(profile, ["network_data_plane"], to: network + ["networkDataplane"], label: label)
            } else {
                // v3's `ebpf_data_plane = "cilium"` is the Cilium data plane.
                mapper.map(profile, ["ebpf_data_plane", "network_data_plane"], to: network + ["networkDataplane"], label: label)
            }
        }
    }

    private static func upgrades(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        let upgrade = ["properties", "autoUpgradeProfile"]
        // "Omitting this field sets this value to none" (the provider's documentation, v3 to v5).
        mapper.map(block, ["automatic_upgrade_channel", "automatic_channel_upgrade"], to: upgrade + ["upgradeChannel"], whenUnset: .sends(.string("none")))
        mapper.map(block, ["node_os_upgrade_channel", "node_os_channel_upgrade"], to: upgrade + ["nodeOSUpgradeChannel"])
    }

    private static func profiles(_ block: TerraformBlock, _ mapper: inout TerraformMapper) {
        let metrics = ["properties", "azureMonitorProfile", "metrics", "enabled"]
        mapper.block(block, "monitor_metrics", unknownAt: metrics, absent: { mapper in
            mapper.setBecauseAbsent(.bool(false), at: metrics, near: block.values.child("monitor_metrics")?.node.span ?? block.values.node.span, label: "monitor_metrics")
        }) { mapper, monitor, label in
            mapper.setBecausePresent(.bool(true), at: metrics, block: monitor, label: String(label.dropLast()))
        }
        mapper.map(block, ["cost_analysis_enabled"], to: ["properties", "metricsProfile", "costAnalysis", "enabled"])
        let storage = ["properties", "storageProfile"]
        mapper.block(block, "storage_profile", unknownAt: storage) { mapper, profile, label in
            mapper.map(profile, ["disk_driver_enabled"], to: storage + ["diskCSIDriver", "enabled"], label: label)
            mapper.map(profile, ["file_driver_enabled"], to: storage + ["fileCSIDriver", "enabled"], label: label)
            mapper.map(profile, ["snapshot_controller_enabled"], to: storage + ["snapshotController", "enabled"], label: label)
            mapper.map(profile, ["blob_driver_enabled"], to: storage + ["blobCSIDriver", "enabled"], label: label)
        }
    }
}
