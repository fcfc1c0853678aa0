// A small file and, in twin.json, the template the Bicep compiler emits for it (written by hand
// from its lowering rules: ternary -> if, ?? -> coalesce, .? -> tryGet, interpolation -> format,
// loop -> copy). akslint's results on the two must be the same.
param prefix string = 'twin'
param production bool = true
param network object = {}

var poolCount = production ? 3 : 1

resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: '${prefix}-aks'
  location: 'westeurope'
  properties: {
    enableRBAC: true
    disableLocalAccounts: production
    aadProfile: { managed: true, enableAzureRBAC: production }
    networkProfile: {
      networkPlugin: network.?plugin ?? 'azure'
      networkPolicy: production ? 'cilium' : null
      networkDataplane: 'cilium'
    }
    agentPoolProfiles: [
      {
        name: 'system'
        count: poolCount
        mode: 'System'
        availabilityZones: production ? ['1', '2', '3'] : []
      }
    ]
  }
}

resource pools 'Microsoft.ContainerService/managedClusters/agentPools@2025-10-01' = [for i in range(0, 2): {
  parent: aks
  name: 'user${i}'
  properties: {
    count: 1
    mode: 'User'
    enableNodePublicIP: i == 1
  }
}]
