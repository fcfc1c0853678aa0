import AKSLintCore

/// AKS603: the control plane and every node pool run a Kubernetes version AKS still supports.
package struct SupportedKubernetesVersion: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS603",
        name: "supported-kubernetes-version",
        title: "The cluster and its node pools run a Kubernetes version that AKS still supports",
        severity: .high,
        category: .lifecycle,
        checks: "properties.currentKubernetesVersion (else properties.kubernetesVersion), and each pool's currentOrchestratorVersion (else orchestratorVersion); properties.supportPlan AKSLongTermSupport extends support to the LTS end date",
        absentMeans: "No version: indeterminate (AKS picks its default version at creation). A pool without a version runs the control plane's.",
        rationale: """
            Once a minor version leaves AKS support it receives no security patches for the API server, kubelet \
            or add-ons, Microsoft support stops helping with it, and AKS eventually upgrades it by force. The rule \
            compares the minor version with the AKS release calendar on the evaluation date (`--as-of`, today by \
            default), using the long-term support end for clusters on the LTS plan.
            """,
        remediation: Remediation(
            azCommand: "az aks upgrade -g {resourceGroup} -n {name} --kubernetes-version <supported-version>",
            template: #"properties.kubernetesVersion: "<supported-version>" (and each pool's orchestratorVersion)"#,
            bicep: "kubernetesVersion: '<supported-version>'",
            terraform: "kubernetes_version = \"<supported-version>\"   # and each pool's orchestrator_version",
            notes: "Upgrade one minor version at a time (`az aks get-upgrades -g {resourceGroup} -n {name}` lists them); a node pool alone: `az aks nodepool upgrade -g {resourceGroup} --cluster-name {name} -n {pool} --kubernetes-version <version>`. Built-in support table, written \(KubernetesCalendar.builtIn.writtenOn) from the AKS release calendar (`akslint calendar` prints it; `--k8s-calendar FILE` replaces it): \(KubernetesCalendar.builtIn.documentation)."),
        references: [Reference("Supported Kubernetes versions in AKS", "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions"), Reference("Long-term support for AKS", "https://learn.microsoft.com/azure/aks/long-term-support")],
        peers: [.psrule("Azure.AKS.Version", "AZR-000015"), .azurePolicy("fb893a29", "Kubernetes Services should be upgraded to a non-vulnerable Kubernetes version", note: "a fixed list of versions 1.6 to 1.13")],
        controls: [.mcsb("PV-6")],
        judgesNodePools: true,
        examples: [
            RuleExample("supported", .passes, asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"kubernetesVersion": "1.35", "currentKubernetesVersion": "1.35.4", "agentPoolProfiles": [{"name": "system", "orchestratorVersion": "1.35.4"}]}}
                """#),
            RuleExample("out of support", .fails(at: "$.properties.currentKubernetesVersion"), asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"kubernetesVersion": "1.25.6", "currentKubernetesVersion": "1.25.6"}}
                """#),
            RuleExample("a node pool left behind", .fails(at: "$.agentPoolProfiles[1].currentOrchestratorVersion"), asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "currentKubernetesVersion": "1.35.4",
                 "agentPoolProfiles": [{"name": "system", "currentOrchestratorVersion": "1.35.4"}, {"name": "legacy", "currentOrchestratorVersion": "1.31.9"}]}
                """#),
            RuleExample("on the long-term support plan", .passes, asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "lts", "sku": {"name": "Base", "tier": "Premium"},
                 "properties": {"supportPlan": "AKSLongTermSupport", "currentKubernetesVersion": "1.32.9"}}
                """#),
            RuleExample("a version newer than the calendar", .indeterminate(at: "$.properties.kubernetesVersion"), asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"kubernetesVersion": "9.99.9"}}
                """#),
            RuleExample("not a version", .indeterminate(at: "$.properties.kubernetesVersion"), asOf: CalendarDay(year: 2026, month: 11, day: 24), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"kubernetesVersion": "latest"}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let longTermSupport = cluster.string("supportPlan").reading.value?.equalsIgnoringASCIICase("AKSLongTermSupport") ?? false
        var version = cluster.string("currentKubernetesVersion")
        if version.reading.isAbsent { version = cluster.string("kubernetesVersion") }
        var results = cluster.isPoolsOnly ? [] : [judge(version, owner: "The cluster", longTermSupport: longTermSupport, context: context, subject: .cluster)]
        for pool in cluster.agentPools {
            var poolVersion = pool.string("currentOrchestratorVersion")
            if poolVersion.reading.isAbsent { poolVersion = pool.string("orchestratorVersion") }
            guard !poolVersion.reading.isAbsent else { continue }
            results.append(judge(poolVersion, owner: "Node pool \(pool.quotedName)", longTermSupport: longTermSupport, context: context, subject: .agentPool(pool.displayName)))
        }
        if results.isEmpty {
            results.append(cluster.notApplicable("Not applicable: no node pool in this input sets a Kubernetes version, and the cluster itself is not in it."))
        }
        return results
    }

    private func judge(_ setting: Setting<String>, owner: String, longTermSupport: Bool, context: RuleContext, subject: ResultSubject) -> RuleResult {
        // Made only for the results that ask (most are passes).
        @Sendable func question() -> String { "\(owner.lowercasedFirst) runs a supported Kubernetes version" }
        if let undecidable = setting.undecidableResult(question(), subject: subject) { return undecidable }
        guard let text = setting.reading.value else {
            return setting.result(.indeterminate, "Cannot tell whether \(question()): no Kubernetes version is set, so AKS picks its default at creation.", subject: subject)
        }
        guard let version = KubernetesVersion(text) else {
            return setting.result(.indeterminate, "Cannot tell whether \(question()): \(ValueDescription.quote(text)) is not a Kubernetes version.", subject: subject)
        }
        let calendar = context.kubernetesCalendar
        let day = context.evaluationDay
        // Every verdict names the table's date, so a stale table shows in the report (written out
        // only for the messages a report shows).
        let writtenOn = calendar.writtenOn
        let table: @Sendable () -> String = { "AKS support calendar of \(writtenOn)" }
        guard let oldest = calendar.entries.first, let newest = calendar.entries.last else { return setting.result(.indeterminate, "No support table.", subject: subject) }
        if version.major > 1 || (version.major == 1 && version.minor > newest.minor) {
            return setting.result(.indeterminate, "Cannot tell whether \(question()): Kubernetes \(text) is newer than the \(table()), which ends at 1.\(newest.minor); update akslint, or give a newer calendar with --k8s-calendar.", subject: subject)
        }
        if version.major < 1 || version.minor < oldest.minor {
            return setting.result(.fail, "\(owner) runs Kubernetes \(text), older than every version AKS supports (1.\(oldest.minor) already left support on \(oldest.endOfLife), \(table())): it receives no security patches.", subject: subject)
        }
        guard let entry = calendar.entry(forMinor: version.minor) else {
            return setting.result(.indeterminate, "Cannot tell whether \(question()): the \(table()) has no entry for 1.\(version.minor).", subject: subject)
        }
        let end = longTermSupport ? (entry.longTermSupportEnd ?? entry.endOfLife) : entry.endOfLife
        let plan = longTermSupport ? (entry.longTermSupportEnd == nil ? " (AKS offers no long-term support for 1.\(entry.minor))" : " (long-term support)") : ""
        if day < entry.generallyAvailable {
            return setting.result(.fail, "\(owner) runs Kubernetes \(text), which is not generally available on AKS until \(entry.generallyAvailable) (evaluated on \(day), \(table())): preview versions have no support.", subject: subject)
        }
        if day > end {
            return setting.result(.fail, "\(owner) runs Kubernetes \(text), whose AKS support\(plan) ended on \(end), \(end.days(until: day) == 1 ? "1 day" : "\(end.days(until: day)) days") before \(day) (\(table())): it receives no security patches.", subject: subject)
        }
        return setting.result(.pass, "\(owner) runs Kubernetes \(text), supported until \(end)\(plan) (\(day.days(until: end)) days after \(day), \(table())).", subject: subject)
    }
}

extension String {
    /// The text with its first letter in lower case ("The cluster" → "the cluster").
    var lowercasedFirst: String {
        guard let first = utf8.first else { return self }
        if (65...90).contains(first) { return String(UnicodeScalar(first + 32)) + dropFirst() }
        return first < 0x80 ? self : prefix(1).lowercased() + dropFirst()
    }
}
