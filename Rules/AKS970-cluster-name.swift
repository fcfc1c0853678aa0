import AKSLintCore

/// AKS970: the cluster's name follows Azure's naming rules.
package struct ClusterName: Rule {
    package init() {}

    /// Azure's rule for managed cluster names.
    static let syntax = NameSyntax(lengths: 1...63, innerPunctuation: ["-", "_"], description: "a cluster name is 1 to 63 letters, digits, hyphens and underscores, starting and ending with a letter or digit")

    package let metadata = RuleMetadata(
        id: "AKS970",
        name: "cluster-name",
        title: "The cluster's name follows Azure's naming rules",
        severity: .low,
        category: .naming,
        checks: "the cluster resource's name",
        absentMeans: "A cluster without a name (an export without one) is not applicable.",
        rationale: """
            A managed cluster name must be 1 to 63 characters of letters, digits, hyphens and underscores, \
            starting and ending with a letter or digit. A name that breaks the rule fails only at deployment, \
            after review; catching it in the pull request saves a failed pipeline. This is a naming rule; \
            akslint runs it only when asked (`--rules all` or `naming`).
            """,
        remediation: Remediation(
            azCommand: nil,
            template: #""name": "<1-63 letters, digits, - or _, starting and ending alphanumeric>""#,
            bicep: "name: 'aks-prod-weu-001'",
            terraform: "name = \"aks-prod-weu-001\"",
            disruption: .newCluster),
        references: [Reference("Naming rules and restrictions for Azure resources (Microsoft.ContainerService)", "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice"), Reference("PSRule for Azure: Azure.AKS.Name", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.Name/")],
        peers: [.psrule("Azure.AKS.Name", "AZR-000039")],
        controls: [],
        examples: [
            RuleExample("a valid name", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "aks-prod_01", "properties": {}}
                """#),
            RuleExample("a name ending in a hyphen", .fails(at: "$.name"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "aks-prod-", "properties": {}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let name = cluster.resourceString("name")
        if let undecidable = name.undecidableResult("the cluster's name follows Azure's naming rules") { return [undecidable] }
        guard let text = name.reading.value else {
            return [cluster.notApplicable("Not applicable: the input does not name the cluster.")]
        }
        if let violation = Self.syntax.violation(of: text) {
            return [name.result(.fail, "The cluster's name \(ValueDescription.quote(text)) is not valid: \(violation). Resource Manager rejects it.")]
        }
        return [name.result(.pass, "The cluster's name \(ValueDescription.quote(text)) follows Azure's naming rules.")]
    }
}
