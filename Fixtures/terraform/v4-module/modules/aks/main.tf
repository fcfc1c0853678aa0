variable "environment" { type = string }
variable "resource_group_name" { type = string }
variable "location" { type = string }
variable "egress_ip" { type = string }

resource "azurerm_log_analytics_workspace" "aks" {
  name                = "log-aks-${var.environment}"
  location            = var.location
  resource_group_name = var.resource_group_name
}

# akslint-disable AKS201 -- the API server is reached through authorized ranges until the hub VPN lands (NET-412)
resource "azurerm_kubernetes_cluster" "this" {
  name                      = "aks-${var.environment}"
  location                  = var.location
  resource_group_name       = var.resource_group_name
  dns_prefix                = "aks-${var.environment}"
  kubernetes_version        = "1.34.2"
  sku_tier                  = var.environment == "prod" ? "Standard" : "Free"
  local_account_disabled    = true
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  azure_policy_enabled      = true
  automatic_upgrade_channel = "patch"

  default_node_pool {
    name                         = "system"
    vm_size                      = "Standard_D4ds_v5"
    node_count                   = 3
    zones                        = ["1", "2", "3"]
    only_critical_addons_enabled = true
    host_encryption_enabled      = true
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    admin_group_object_ids = ["0f1e2d3c-0000-4000-8000-000000000004"]
  }

  api_server_access_profile {
    authorized_ip_ranges = ["${var.egress_ip}/32"]
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
  }

  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.aks.id
    msi_auth_for_monitoring_enabled = true
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  name                  = "apps"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  vm_size               = "Standard_D4ds_v5"
  node_count            = 2
  zones                 = ["1", "2", "3"]
  # akslint-disable-next-line AKS206 -- the game servers need public IPs on the nodes (ADR-9)
  node_public_ip_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "aks" {
  name                       = "aks-audit"
  target_resource_id         = azurerm_kubernetes_cluster.this.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.aks.id

  enabled_log {
    category = "kube-audit-admin"
  }
}
