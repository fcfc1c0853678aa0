// Values for twin.bicep, in Bicep's own parameters format.
using './twin.bicep'

var environment = 'staging'
param prefix = '${environment}-twin'
param production = environment == 'prod'
// Known only where the deployment runs: unresolved, and the environment is never read.
param network = {
  plugin: readEnvironmentVariable('NETWORK_PLUGIN', 'azure')
}
