resource "azurerm_kubernetes_cluster" "main" {
  name = <<EOF
never ends
  dynamic "x" { content { a = "${"}"}" 
  # akslint-disable AKS103
}}}}}]]]
