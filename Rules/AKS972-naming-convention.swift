import AKSLintCore

/// AKS972: the cluster and its pools follow the team's naming convention.
package struct NamingConvention: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS972",
        name: "naming-convention",
        title: "The cluster and its node pools follow the team's naming convention",
        severity: .low,
        category: .naming,
        checks: "the cluster's name, system pool names and user pool names, against the glob patterns of naming.cluster, naming.systemPool and naming.userPool in .akslint.json",
        absentMeans: "A pattern that is not configured is not checked; with none configured the rule does not apply.",
        rationale: """
            A naming convention (an environment, region and workload in every name) lets people and automation \
            tell a production cluster from a test one, route alerts and apply policy by name. The convention is \
            the team's own, so the rule checks only the patterns `.akslint.json` sets, for example \
            `"naming": {"cluster": "aks-*-*", "systemPool": "sys*", "userPool": "usr*"}`. akslint runs it only \
            when asked (`--rules all` or `naming`).
            """,
        remediation: Remediation(
            azCommand: nil,
            template: #""name": "<a name that matches the configured pattern>""#,
            bicep: "name: 'aks-prod-weu'",
            terraform: "name = \"aks-prod-weu\"",
            disruption: .newCluster,
            notes: "Cluster and pool names cannot be changed: a new cluster or pool is needed."),
        references: [Reference("Define your naming convention (Cloud Adoption Framework)", "https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-naming"), Reference("PSRule for Azure: Azure.AKS.Naming", "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.AKS.Naming/")],
        peers: [.psrule("Azure.AKS.Naming", "AZR-000498"), .psrule("Azure.AKS.SystemPoolNaming", "AZR-000499"), .psrule("Azure.AKS.UserPoolNaming", "AZR-000500")],
        controls: [],
        examples: [
            RuleExample("names that follow the convention", .passes, naming: NamingConventions(cluster: GlobPattern("aks-*"), systemPool: GlobPattern("sys*")), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "aks-prod", "properties": {"agentPoolProfiles": [{"name": "sys01", "mode": "System"}, {"name": "apps", "mode": "User"}]}}
                """#),
            RuleExample("a cluster name outside the convention", .fails(at: "$.name"), naming: NamingConventions(cluster: GlobPattern("aks-*"), systemPool: GlobPattern("sys*")), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod-cluster", "properties": {"agentPoolProfiles": [{"name": "sys01", "mode": "System"}]}}
                """#),
            RuleExample("no convention configured: not applicable", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "anything", "properties": {"agentPoolProfiles": [{"name": "pool1", "mode": "System"}]}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let naming = context.naming
        guard !naming.isEmpty else {
            return [cluster.notApplicable("Not applicable: .akslint.json sets no naming convention (naming.cluster, naming.systemPool, naming.userPool).")]
        }
        var results: [RuleResult] = []
        if let pattern = naming.cluster {
            let name = cluster.resourceString("name")
            results.append(judge(name, pattern: pattern, what: "The cluster's name", subject: .cluster))
        }
        for pool in cluster.agentPools {
            guard let system = cluster.isSystemPool(pool) else {
                if naming.systemPool != nil || naming.userPool != nil {
                    results.append(pool.unknownApplicability("pool \(pool.quotedName) follows the naming convention", because: "mode", property: pool.canonicalPrefix + ".name"))
                }
                continue
            }
            guard let pattern = system ? naming.systemPool : naming.userPool else { continue }
            let name = pool.string("name")
            results.append(judge(name, pattern: pattern, what: "\(system ? "System" : "User") pool name", subject: .agentPool(pool.displayName)))
        }
        if results.isEmpty {
            results.append(cluster.notApplicable("Not applicable: the configured patterns name nothing in this cluster."))
        }
        return results
    }

    private func judge(_ name: Setting<String>, pattern: GlobPattern, what: String, subject: ResultSubject) -> RuleResult {
        if let undecidable = name.undecidableResult("\(what.lowercasedFirst) follows the naming convention", subject: subject) { return undecidable }
        guard let text = name.reading.value else {
            return name.result(.notApplicable, "Not applicable: \(what.lowercasedFirst) is not in the input.", subject: subject)
        }
        if pattern.matches(text) {
            return name.result(.pass, "\(what) \(ValueDescription.quote(text)) matches the convention \(ValueDescription.quote(pattern.pattern)).", subject: subject)
        }
        return name.result(.fail, "\(what) \(ValueDescription.quote(text)) does not match the team's convention \(ValueDescription.quote(pattern.pattern)) (naming in .akslint.json).", subject: subject)
    }
}
