import AKSLintCore

/// AKS207: outbound traffic goes through a route you control.
package struct EgressRestricted: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS207",
        name: "egress-restricted",
        title: "Outbound traffic leaves through user-defined routing (a firewall), or not at all",
        severity: .low,
        category: .network,
        checks: "properties.networkProfile.outboundType",
        absentMeans: "loadBalancer (the platform default): unrestricted egress, so the rule fails.",
        rationale: """
            With the default `loadBalancer` outbound type (and with managed NAT gateways), every pod can reach any \
            address on the internet, which is how malware downloads its payload and how stolen data leaves. \
            `userDefinedRouting` sends egress through a route table to a firewall that allows only the FQDNs AKS \
            and your workloads need; `none` and `block` leave egress to you or deny it.
            """,
        risk: "every pod can reach any address on the internet, to download payloads or send data out.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --outbound-type userDefinedRouting",
            template: #"properties.networkProfile.outboundType: "userDefinedRouting""#,
            bicep: "networkProfile: { outboundType: 'userDefinedRouting' }",
            terraform: "network_profile {\n  outbound_type = \"userDefinedRouting\"\n}",
            notes: "Needs a bring-your-own subnet whose route table sends 0.0.0.0/0 to a firewall that allows AKS's required egress (see the outbound rules reference)."),
        references: [Reference("Customize cluster egress with outbound types", "https://learn.microsoft.com/azure/aks/egress-outboundtype"), Reference("Outbound network and FQDN rules for AKS", "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress")],
        peers: [],
        controls: [.cis("5.1.4"), .mcsb("NS-3")],
        examples: [
            RuleExample("user-defined routing", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"outboundType": "userDefinedRouting"}}}
                """#),
            RuleExample("load balancer", .fails(at: "$.properties.networkProfile.outboundType"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"outboundType": "loadBalancer"}}}
                """#),
            RuleExample("not set", .fails(at: "$.networkProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "networkProfile": {"networkPlugin": "azure"}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("networkProfile", "outboundType")
        return [setting.judgeChoice(
            secureValues: ["userDefinedRouting", "none", "block"], absentIsSecure: false,
            question: "egress is restricted",
            pass: "Egress is restricted (\(setting.describedValue)).",
            verdict: "Egress is unrestricted")]
    }
}
