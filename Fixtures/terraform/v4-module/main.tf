# Two environments of one AKS module, as platform teams write them (azurerm 4.x).
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "aks" {
  name     = "rg-aks"
  location = "westeurope"
}

resource "azurerm_public_ip" "egress" {
  name                = "pip-egress"
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
  allocation_method   = "Static"
  sku                 = "Standard"
}

module "aks" {
  source   = "./modules/aks"
  for_each = toset(["dev", "prod"])

  environment         = each.key
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
  egress_ip           = azurerm_public_ip.egress.ip_address
}

# The cluster this plan retires.
resource "azurerm_kubernetes_cluster" "legacy" {
  name                = "aks-legacy"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "legacy"
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
  identity {
    type = "SystemAssigned"
  }
}
