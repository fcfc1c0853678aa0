import AKSLintCore

/// AKS704: system node pools span availability zones.
public struct AvailabilityZones: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "AKS704",
        name: "availability-zones",
        title: "System node pools span two or more availability zones",
        severity: .low,
        category: .nodePools,
        checks: "each system pool's availabilityZones",
        absentMeans: "No zones: all system nodes can fail together, so the rule fails. User pools are not applicable.",
        rationale: """
            A system pool in a single zone (or with no zones) loses CoreDNS, the metrics server and the security \
            add-ons together when that zone or its hardware fails, which takes down name resolution and policy \
            enforcement for the whole cluster. Spreading system nodes over zones keeps the cluster's core running \
            through a zone outage. Zones can only be chosen when a pool is created.
            """,
        remediation: Remediation(
            azCommand: "az aks nodepool add -g {resourceGroup} --cluster-name {name} -n <new-system-pool> --mode System --zones 1 2 3 --node-count 3",
            template: #"properties.agentPoolProfiles[].availabilityZones: ["1", "2", "3"] (system pools)"#,
            bicep: "agentPoolProfiles: [ { name: '{pool}', mode: 'System', availabilityZones: [ '1', '2', '3' ] } ]",
            disruption: .newNodePool,
            notes: "Only in regions with availability zones. Delete {pool} once the new system pool is ready."),
        references: [Reference("Create an AKS cluster that uses availability zones", "https://learn.microsoft.com/azure/aks/availability-zones")],
        peerIDs: ["Azure.AKS.AvailabilityZone"],
        examples: [
            RuleExample("three zones", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "availabilityZones": ["1", "2", "3"]}]}}
                """#),
            RuleExample("one zone", .fails(at: "$.properties.agentPoolProfiles[0].availabilityZones"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "system", "mode": "System", "availabilityZones": ["1"]}]}}
                """#),
            RuleExample("az output, null", .fails(at: "$.agentPoolProfiles[0].availabilityZones"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "agentPoolProfiles": [{"name": "nodepool1", "mode": "System", "availabilityZones": null}]}
                """#),
        ])

    public func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        cluster.judgePools(question: "system pools span zones") { pool in
            let name = ValueDescription.quote(pool.displayName)
            let property = pool.canonicalPrefix + ".availabilityZones"
            if let skipped = cluster.resultUnlessSystemPool(pool, claim: "pool \(name) spans zones", property: property) { return skipped }
            let zones = pool.array("availabilityZones")
            if let undecidable = zones.undecidableResult("system pool \(name) spans zones", subject: .agentPool(pool.displayName)) { return undecidable }
            let count = zones.reading.value?.count ?? 0
            if count >= 2 {
                return zones.result(.pass, "System pool \(name) spans \(count) availability zones.", subject: .agentPool(pool.displayName))
            }
            return zones.result(.fail, zones.failureMessage(
                verdict: "System pool \(name) is not spread over availability zones",
                risk: "one zone failure takes CoreDNS and the security add-ons down together."), subject: .agentPool(pool.displayName))
        }
    }
}
