// Clusters from a private registry module and a template spec, both called through the aliases
// of bicepconfig.json beside this file, as `bicep restore` left them in the cache.
param environment string = 'prod'

module baseline 'br/contoso:aks-baseline:1.2.0' = {
  name: 'baseline-${environment}'
  params: {
    clusterName: 'aks-baseline-${environment}'
  }
}

module fromSpec 'ts/platform:aks-spec:v1' = {
  name: 'spec-${environment}'
  params: {
    clusterName: 'aks-spec-${environment}'
  }
}

module unknown 'br/nowhere:aks:1.0' = {
  name: 'unknown'
}
