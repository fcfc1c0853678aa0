// A cluster written with the constructs real AKS Bicep uses (see ../../README.md, "Bicep").
targetScope = 'resourceGroup'

metadata description = 'akslint Bicep fixture'

@description('The cluster name.')
@minLength(3)
param clusterName string = 'aks-bicep'

@allowed([
  'Free'
  'Standard'
])
param tier string = 'Free'

param location string = resourceGroup().location
param enablePrivateCluster bool = false
param networkPlugin string?
@secure()
param sshKey string = ''

param systemPool object = { name: 'system', count: 3, vmSize: 'Standard_D4s_v5' }

type poolMode = 'System' | 'User'

var userPools = [
  { name: 'user1', count: 2 }
  { name: 'user2', count: 1 }
]

var baseProperties = {
  dnsPrefix: '${clusterName}-dns'
  // Comments inside objects are fine.
  kubernetesVersion: '1.33.2'
}

func poolName(prefix string, index int) string => '${prefix}${index}'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'logs'
}

// akslint-disable-next-line AKS103 -- break-glass admin until the Entra groups are migrated (INC-1234)
resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
  name: clusterName
  location: location
  sku: { name: 'Base', tier: tier }
  identity: {
    type: 'SystemAssigned'
  }
  properties: union(baseProperties, {
    enableRBAC: true
    disableLocalAccounts: false
    aadProfile: {
      managed: true
      enableAzureRBAC: true
    }
    apiServerAccessProfile: {
      enablePrivateCluster: enablePrivateCluster
      authorizedIPRanges: enablePrivateCluster
        ? []
        : [
            '203.0.113.0/24'
          ]
    }
    networkProfile: {
      networkPlugin: networkPlugin ?? 'azure'
      networkPolicy: 'azure'
    }
    addonProfiles: {
      omsagent: {
        enabled: true
        config: {
          logAnalyticsWorkspaceResourceID: workspace.id
        }
      }
    }
    agentPoolProfiles: concat([
      {
        name: systemPool.name
        count: systemPool.?count ?? 1
        vmSize: systemPool.vmSize
        mode: 'System'
        enableNodePublicIP: false
      }
    ], [for (pool, i) in userPools: {
      name: poolName('user', i + 1)
      count: pool.count
      mode: 'User'
      enableNodePublicIP: i == 1
    }])
  })

  resource monitoring 'maintenanceConfigurations' = {
    name: 'aksManagedAutoUpgradeSchedule'
    properties: {}
  }
}

resource extraPool 'Microsoft.ContainerService/managedClusters/agentPools@2025-10-01' = if (tier == 'Standard') {
  parent: aks
  name: 'extra'
  properties: {
    count: 1
    mode: 'User'
    enableNodePublicIP: true
  }
}

module regional 'modules/regional-cluster.bicep' = [for region in ['westeurope', 'northeurope']: {
  name: 'aks-${region}'
  params: {
    region: region
    allowLocalAccounts: region == 'northeurope'
  }
}]

module shared 'br/public:avm/res/container-service/managed-cluster:0.9.0' = {
  name: 'from-the-registry'
  params: {
    name: 'registry-cluster'
  }
}

output clusterId string = aks.id
