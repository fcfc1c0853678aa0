# Blocks written as `dynamic`, as the most used AKS module writes 47 of them: the plan's
# configuration leaves them out, so only the .tf files say they are there.
variable "authorized_ranges" {
  type    = list(string)
  default = null
}

resource "azurerm_kubernetes_cluster" "main" {
  name                   = "aks-dynamic"
  location               = "westeurope"
  resource_group_name    = "rg-dynamic"
  dns_prefix             = "dynamic"
  local_account_disabled = true

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4ds_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }

  # Known only after apply: the ranges come from a data source read during apply.
  dynamic "api_server_access_profile" {
    for_each = var.authorized_ranges == null ? [] : [1]
    content {
      authorized_ip_ranges = var.authorized_ranges
    }
  }

  dynamic "microsoft_defender" {
    for_each = ["on"]
    content {
      log_analytics_workspace_id = "/subscriptions/3f2a9c1e-0000-4000-8000-000000000001/resourceGroups/rg-dynamic/providers/Microsoft.OperationalInsights/workspaces/log"
    }
  }
}
