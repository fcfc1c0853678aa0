module again './main.bicep' = [for i in range(0, 800): { name: 'again${i}', params: { n: i } }]
module down 'a/b/c/d/e/f/g/main.bicep' = { name: 'down' }
resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = { name: 'self', properties: { enableRBAC: n > 1 } }
