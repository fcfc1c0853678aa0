import AKSLintCore

/// AKS210: a private cluster's API server name resolves only in private DNS.
package struct PrivateDNSZone: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS210",
        name: "private-dns-zone",
        title: "A private cluster resolves its API server through a private DNS zone",
        severity: .low,
        category: .network,
        checks: "properties.apiServerAccessProfile.privateDNSZone, when apiServerAccessProfile.enablePrivateCluster is true",
        absentMeans: "\"system\" (the platform default): AKS creates a private DNS zone, and the rule passes. Not applicable to a cluster that is not private.",
        rationale: """
            With `privateDNSZone: none` AKS publishes the private API server's address in public DNS, so anyone can \
            resolve the cluster's name and learn its private IP, which helps an attacker map the network and makes \
            the cluster's existence public. The `system` zone, or a custom private DNS zone given by resource id, \
            keeps the record inside the virtual networks linked to it.
            """,
        remediation: Remediation(
            azCommand: nil,
            template: #"properties.apiServerAccessProfile.privateDNSZone: "system" (or the resource id of a private DNS zone)"#,
            bicep: "apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system' }",
            terraform: "private_cluster_enabled = true\nprivate_dns_zone_id     = \"System\"",
            disruption: .newCluster,
            notes: "The private DNS zone mode is chosen when the cluster is created."),
        references: [Reference("Create a private AKS cluster: configure a private DNS zone", "https://learn.microsoft.com/azure/aks/private-clusters#configure-a-private-dns-zone")],
        peers: [],
        controls: [.cis("5.4.2"), .mcsb("NS-2")],
        examples: [
            RuleExample("private with the system zone", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true, "privateDNSZone": "system"}}}
                """#),
            RuleExample("private, name published in public DNS", .fails(at: "$.apiServerAccessProfile.privateDnsZone"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "apiServerAccessProfile": {"enablePrivateCluster": true, "privateDnsZone": "none"}}
                """#),
            RuleExample("a public cluster: not applicable", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"apiServerAccessProfile": {"enablePrivateCluster": false}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let isPrivate = cluster.bool("apiServerAccessProfile", "enablePrivateCluster")
        if let undecidable = isPrivate.undecidableResult("the private API server's name stays in private DNS") { return [undecidable] }
        guard isPrivate.reading.value == true else {
            return [isPrivate.result(.notApplicable, "Not applicable: the cluster is not private (\(isPrivate.describedValue)).")]
        }
        let zone = cluster.string("apiServerAccessProfile", "privateDNSZone")
        if let undecidable = zone.undecidableResult("the private API server's name stays in private DNS") { return [undecidable] }
        if let value = zone.reading.value, value.equalsIgnoringASCIICase("none") {
            return [zone.result(.fail, "The private API server's address is published in public DNS (\(zone.describedValue)): anyone can resolve the cluster's name to its private IP.")]
        }
        let described = zone.reading.isAbsent ? "privateDNSZone is not set, and AKS creates a system zone" : zone.describedValue
        return [zone.result(.pass, "The private API server resolves through a private DNS zone (\(described)).")]
    }
}
