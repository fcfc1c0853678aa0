// The second declaration does not parse; the cluster after it is still linted.
param name string = 'recovered'

var broken = {
  missingColon 'value'
}

resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: name
  location: 'westeurope'
  properties: {
    enableRBAC: false
  }
}
