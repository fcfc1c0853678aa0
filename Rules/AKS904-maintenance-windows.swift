import AKSLintCore

/// AKS904: automatic upgrades run inside planned maintenance windows.
package struct MaintenanceWindows: Rule {
    package init() {}

    static let clusterSchedule = "aksManagedAutoUpgradeSchedule"
    static let nodeOSSchedule = "aksManagedNodeOSUpgradeSchedule"

    package let metadata = RuleMetadata(
        id: "AKS904",
        name: "maintenance-windows",
        title: "Automatic upgrades run inside planned maintenance windows",
        severity: .low,
        category: .reliability,
        checks: "Microsoft.ContainerService/managedClusters/maintenanceConfigurations of the same input named aksManagedAutoUpgradeSchedule (when autoUpgradeProfile.upgradeChannel is on) and aksManagedNodeOSUpgradeSchedule (when nodeOSUpgradeChannel is NodeImage or SecurityPatch)",
        absentMeans: "A channel set to an upgrading value without its maintenance configuration fails; a channel that is off or not set needs none, and with neither the rule does not apply. Not applicable to exports, which cannot show maintenance configurations.",
        rationale: """
            With an auto-upgrade channel on and no planned maintenance window, AKS upgrades the control plane \
            and re-images nodes whenever a release reaches the region, including during business peaks. The \
            aksManagedAutoUpgradeSchedule and aksManagedNodeOSUpgradeSchedule configurations confine those \
            upgrades to hours the team chooses, so they happen without surprise.
            """,
        remediation: Remediation(
            azCommand: "az aks maintenanceconfiguration add -g {resourceGroup} --cluster-name {name} --name aksManagedAutoUpgradeSchedule --schedule-type Weekly --day-of-week Sunday --interval-weeks 1 --start-time 01:00 --duration 4",
            template: #"a Microsoft.ContainerService/managedClusters/maintenanceConfigurations resource named "aksManagedAutoUpgradeSchedule" (and "aksManagedNodeOSUpgradeSchedule") with a maintenanceWindow"#,
            bicep: "resource upgradeWindow 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2025-10-01' = {\n  parent: aks\n  name: 'aksManagedAutoUpgradeSchedule'\n  properties: { maintenanceWindow: { schedule: { weekly: { dayOfWeek: 'Sunday', intervalWeeks: 1 } }, startTime: '01:00', durationHours: 4 } }\n}",
            terraform: "maintenance_window_auto_upgrade {\n  frequency   = \"Weekly\"\n  interval    = 1\n  day_of_week = \"Sunday\"\n  start_time  = \"01:00\"\n  duration    = 4\n}   # and maintenance_window_node_os"),
        references: [Reference("Use Planned Maintenance to schedule AKS maintenance windows", "https://learn.microsoft.com/azure/aks/planned-maintenance"), Reference("PSRule for Azure: Azure.AKS.MaintenanceWindow", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.MaintenanceWindow/")],
        peers: [.psrule("Azure.AKS.MaintenanceWindow", "AZR-000446"), .azurePolicy("e1352e44", "Deploy Planned Maintenance to schedule and control upgrades for your Azure Kubernetes Service (AKS) cluster", note: "DeployIfNotExists")],
        controls: [],
        examples: [
            RuleExample("both windows", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"autoUpgradeProfile": {"upgradeChannel": "stable", "nodeOSUpgradeChannel": "NodeImage"}},
                   "resources": [
                     {"type": "maintenanceConfigurations", "apiVersion": "2025-10-01", "name": "aksManagedAutoUpgradeSchedule", "properties": {}},
                     {"type": "maintenanceConfigurations", "apiVersion": "2025-10-01", "name": "aksManagedNodeOSUpgradeSchedule", "properties": {}}]}]}
                """#),
            RuleExample("auto-upgrade without a window", .fails(at: "$.resources[0].properties.autoUpgradeProfile.upgradeChannel"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"autoUpgradeProfile": {"upgradeChannel": "stable", "nodeOSUpgradeChannel": "None"}}}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        guard cluster.showsRelatedResources else {
            return [cluster.notApplicable("Not applicable: an export does not show maintenance configurations (run `az aks maintenanceconfiguration list`).")]
        }
        let configured = Set(cluster.relatedResources.filter { $0.isOfType(ResourceType.maintenanceConfigurations) }
            .compactMap { $0.name.split(separator: "/").last.map { String($0).asciiLowercased() } })
        let channel = cluster.string("autoUpgradeProfile", "upgradeChannel")
        let nodeChannel = cluster.string("autoUpgradeProfile", "nodeOSUpgradeChannel")
        var results: [RuleResult] = []
        for (setting, onValues, schedule) in [(channel, ["patch", "stable", "rapid", "node-image"], Self.clusterSchedule), (nodeChannel, ["NodeImage", "SecurityPatch"], Self.nodeOSSchedule)] {
            if let undecidable = setting.undecidableResult("upgrades run inside a maintenance window") { results.append(undecidable); continue }
            guard let value = setting.reading.value, onValues.contains(where: value.equalsIgnoringASCIICase) else { continue }
            if configured.contains(schedule.asciiLowercased()) {
                results.append(setting.result(.pass, "Upgrades of \(setting.describedValue) run inside the \(schedule) maintenance window."))
            } else {
                results.append(setting.result(.fail, "Upgrades of \(setting.describedValue) run whenever a release arrives: the input has no \(schedule) maintenance configuration."))
            }
        }
        if results.isEmpty {
            results.append(cluster.notApplicable("Not applicable: no automatic upgrade channel is on (AKS601 and AKS602 judge that)."))
        }
        return results
    }
}
