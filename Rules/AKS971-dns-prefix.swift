import AKSLintCore

/// AKS971: the cluster's DNS prefix follows Azure's rules.
package struct DNSPrefix: Rule {
    package init() {}

    /// Azure's rule for DNS prefixes.
    static let syntax = NameSyntax(lengths: 1...54, innerPunctuation: ["-"], description: "a DNS prefix is 1 to 54 letters, digits and hyphens, starting and ending with a letter or digit")

    package let metadata = RuleMetadata(
        id: "AKS971",
        name: "dns-prefix",
        title: "The cluster's DNS prefix follows Azure's rules",
        severity: .low,
        category: .naming,
        checks: "properties.dnsPrefix",
        absentMeans: "No DNS prefix (a private cluster with fqdnSubdomain, or an export without one): not applicable.",
        rationale: """
            The DNS prefix becomes the first label of the API server's FQDN, so it must be 1 to 54 letters, \
            digits and hyphens, starting and ending with a letter or digit. A prefix that breaks the rule fails \
            only at deployment; it also cannot be changed after the cluster exists. This is a naming rule; \
            akslint runs it only when asked (`--rules all` or `naming`).
            """,
        remediation: Remediation(
            azCommand: nil,
            template: #"properties.dnsPrefix: "<1-54 letters, digits or hyphens>""#,
            bicep: "dnsPrefix: 'aks-prod-weu'",
            terraform: "dns_prefix = \"aks-prod-weu\"",
            disruption: .newCluster),
        references: [Reference("Managed Clusters - Create Or Update: dnsPrefix", "https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update"), Reference("PSRule for Azure: Azure.AKS.DNSPrefix", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.DNSPrefix/")],
        peers: [.psrule("Azure.AKS.DNSPrefix", "AZR-000040")],
        controls: [],
        examples: [
            RuleExample("a valid prefix", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"dnsPrefix": "aks-prod"}}
                """#),
            RuleExample("an underscore", .fails(at: "$.dnsPrefix"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "dnsPrefix": "aks_prod"}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let prefix = cluster.string("dnsPrefix")
        if let undecidable = prefix.undecidableResult("the DNS prefix follows Azure's rules") { return [undecidable] }
        guard let text = prefix.reading.value else {
            return [prefix.result(.notApplicable, "Not applicable: the cluster sets no DNS prefix.")]
        }
        if let violation = Self.syntax.violation(of: text) {
            return [prefix.result(.fail, "The DNS prefix \(ValueDescription.quote(text)) is not valid: \(violation). Resource Manager rejects it.")]
        }
        return [prefix.result(.pass, "The DNS prefix \(ValueDescription.quote(text)) follows Azure's rules.")]
    }
}
