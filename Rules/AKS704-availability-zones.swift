import AKSLintCore

/// AKS704: system node pools span availability zones.
package struct AvailabilityZones: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS704",
        name: "availability-zones",
        title: "System node pools span two or more availability zones",
        severity: .low,
        category: .nodePools,
        checks: "each system pool's availabilityZones, and the cluster's location",
        absentMeans: "No zones: all system nodes can fail together, so the rule fails in a region that has zones. In a region without zones the rule does not apply; when the location is unknown (an expression such as resourceGroup().location, or a region akslint's table does not list) it is indeterminate. User pools are not applicable.",
        rationale: """
            A system pool in a single zone (or with no zones) loses CoreDNS, the metrics server and the security \
            add-ons together when that zone or its hardware fails, which takes down name resolution and policy \
            enforcement for the whole cluster. Spreading system nodes over zones keeps the cluster's core running \
            through a zone outage. Zones can only be chosen when a pool is created, and only in regions that have \
            them: akslint ships a table of zone-enabled regions, written \(AvailabilityZoneRegions.writtenOn) from \
            Microsoft Learn's Azure regions list.
            """,
        risk: "one zone failure takes CoreDNS and the security add-ons down together.",
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-system-pool> --mode System --zones 1 2 3 --node-count 3",
            template: #"properties.agentPoolProfiles[].availabilityZones: ["1", "2", "3"] (system pools)"#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', mode: 'System', availabilityZones: [ '1', '2', '3' ] } ]",
            terraform: "zones = [\"1\", \"2\", \"3\"]   # in default_node_pool, or in the node pool {pool}",
            disruption: .newNodePool,
            notes: "Only in regions with availability zones. Delete {pool} once the new system pool is ready."),
        references: [Reference("Create an AKS cluster that uses availability zones", "https://learn.microsoft.com/azure/aks/availability-zones"), Reference("Azure regions list (availability zone support)", "https://learn.microsoft.com/azure/reliability/regions-list")],
        peers: [.psrule("Azure.AKS.AvailabilityZone", "AZR-000021")],
        controls: [],
        judgesNodePools: true,
        examples: [
            RuleExample("three zones", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "location": "eastus", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "availabilityZones": ["1", "2", "3"]}]}}
                """#),
            RuleExample("one zone", .fails(at: "$.properties.agentPoolProfiles[0].availabilityZones"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "location": "westeurope", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "availabilityZones": ["1"]}]}}
                """#),
            RuleExample("a region without availability zones", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "location": "West US", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System"}]}}
                """#),
            RuleExample("location from the resource group, not known offline", .indeterminate(at: "$.resources[0].location"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "location": "[resourceGroup().location]",
                   "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "count": 3}]}}]}
                """#),
            RuleExample("az output, null", .fails(at: "$.agentPoolProfiles[0].availabilityZones"), #"""
                {"name": "prod", "resourceGroup": "rg", "location": "swedencentral", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "mode": "System", "availabilityZones": null}]}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "system pools span zones") { pool in
            let name = pool.quotedName
            let property = pool.canonicalPrefix + ".availabilityZones"
            if let skipped = cluster.resultUnlessSystemPool(pool, claim: "pool \(name) spans zones", property: property) { return skipped }
            let zones = pool.array("availabilityZones")
            if let undecidable = zones.undecidableResult("system pool \(name) spans zones", subject: .agentPool(pool.displayName)) { return undecidable }
            let count = zones.reading.value?.count ?? 0
            if count >= 2 {
                return zones.result(.pass, "System pool \(name) spans \(count) availability zones.", subject: .agentPool(pool.displayName))
            }
            if let regional = regionResult(cluster, pool: pool) { return regional }
            return zones.result(.fail, zones.failureMessage(
                verdict: "System pool \(name) is not spread over availability zones"), subject: .agentPool(pool.displayName))
        }
    }

    /// For a pool not spread over zones: not applicable in a region without zones, indeterminate
    /// when the region is not known; nil in a region with zones, where the pool fails.
    private func regionResult(_ cluster: ClusterResource, pool: AgentPool) -> RuleResult? {
        let location = cluster.resourceString("location")
        let name = pool.quotedName
        // Made only for the results that ask: most pools are judged without it.
        @Sendable func question() -> String { "system pool \(name) should span zones (that depends on whether the cluster's region has them)" }
        if let undecidable = location.undecidableResult(question(), subject: .agentPool(pool.displayName)) { return undecidable }
        guard let region = location.reading.value else {
            return location.result(.indeterminate, "Cannot tell whether \(question()): the cluster has no location.", subject: .agentPool(pool.displayName))
        }
        switch AvailabilityZoneRegions.hasZones(region) {
        case true?:
            return nil
        case false?:
            return location.result(.notApplicable, "Not applicable: \(ValueDescription.quote(region)) has no availability zones (akslint's region table, written \(AvailabilityZoneRegions.writtenOn)), so system pool \(name) cannot span them.", subject: .agentPool(pool.displayName))
        case nil:
            return location.result(.indeterminate, "Cannot tell whether \(question()): akslint's region table (written \(AvailabilityZoneRegions.writtenOn)) does not know \(ValueDescription.quote(region)).", subject: .agentPool(pool.displayName))
        }
    }
}
