// A module that deploys one cluster per call; its findings point here.
param region string
param allowLocalAccounts bool = false

resource cluster 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: 'aks-${region}'
  location: region
  properties: {
    enableRBAC: true
    disableLocalAccounts: !allowLocalAccounts
    agentPoolProfiles: [
      {
        name: 'system'
        count: 3
        mode: 'System'
      }
    ]
  }
}
