import AKSLintCore

/// AKS205: a network policy engine enforces Kubernetes NetworkPolicy objects.
package struct NetworkPolicy: Rule {
    package init() {}

    /// The engines AKS offers; any of them enforces NetworkPolicy.
    static let engines = ["azure", "calico", "cilium"]

    package let metadata = RuleMetadata(
        id: "AKS205",
        name: "network-policy",
        title: "A network policy engine (Azure, Calico or Cilium) enforces NetworkPolicy",
        severity: .medium,
        category: .network,
        checks: "properties.networkProfile.networkPolicy, properties.networkProfile.networkDataplane",
        absentMeans: "With networkDataplane \"cilium\" (Azure CNI Powered by Cilium), Cilium enforces NetworkPolicy without a separate engine, and the rule passes. Otherwise there is no network policy engine: NetworkPolicy objects are accepted but not enforced, and the rule fails, as it does for \"none\" and \"\".",
        rationale: """
            Without a network policy engine every pod can reach every other pod and the node network, and \
            Kubernetes NetworkPolicy objects are stored but silently ignored: one compromised pod can move \
            laterally to databases and control-plane add-ons. `azure`, `calico` and `cilium` all enforce policies \
            (Cilium clusters pass here, which some tools get wrong); `none` does not (which some tools pass). On \
            Azure CNI Powered by Cilium (`networkDataplane: cilium`) the dataplane itself enforces policies, so an \
            absent `networkPolicy` passes there: "With Cilium, you don't need to install a separate network \
            policy engine."
            """,
        risk: "every pod can reach every other pod, and NetworkPolicy objects are accepted but not enforced.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --network-policy calico",
            template: #"properties.networkProfile.networkPolicy: "cilium" (with networkDataplane "cilium"), "calico" or "azure""#,
            bicep: "networkProfile: { networkPolicy: 'cilium', networkDataplane: 'cilium' }",
            terraform: "network_profile {\n  network_plugin     = \"azure\"\n  network_policy     = \"cilium\"\n  network_data_plane = \"cilium\"\n}",
            notes: "Installing an engine re-images every node pool at once. On Azure CNI clusters prefer Azure CNI Powered by Cilium (`az aks update ... --network-dataplane cilium`): Azure Network Policy Manager is being retired."),
        references: [Learn.networkPolicies, Reference("Configure Azure CNI Powered by Cilium in AKS", "https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium")],
        peers: [.checkov("CKV_AZURE_7", note: "passes networkPolicy \"none\""), .psrule("Azure.AKS.NetworkPolicy", "AZR-000027", note: "fails Cilium"), .trivy("AVD-AZU-0043", note: "passes networkPolicy \"none\""), .kics("25c0228e", "AKS Cluster Network Policy Not Configured", note: "ARM"), .kics("f5342045", "AKS Network Policy Misconfigured", note: "Terraform"), .prowler("aks_network_policy_enabled", note: "passes networkPolicy \"none\"")],
        controls: [.cis("4.4.2"), .cis("5.4.4"), .mcsb("NS-1")],
        examples: [
            RuleExample("Cilium", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"networkProfile": {"networkPlugin": "azure", "networkPolicy": "cilium", "networkDataplane": "cilium"}}}
                """#),
            RuleExample("Cilium dataplane, networkPolicy absent", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay", "networkDataplane": "cilium"}}}
                """#),
            RuleExample("Cilium dataplane, policies switched off", .fails(at: "$.properties.networkProfile.networkPolicy"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"networkProfile": {"networkPlugin": "azure", "networkDataplane": "cilium", "networkPolicy": "none"}}}
                """#),
            RuleExample("Calico on kubenet", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"networkProfile": {"networkPlugin": "kubenet", "networkPolicy": "calico"}}}
                """#),
            RuleExample("explicit none", .fails(at: "$.properties.networkProfile.networkPolicy"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"networkProfile": {"networkPlugin": "azure", "networkPolicy": "none"}}}
                """#),
            RuleExample("empty string", .fails(at: "$.properties.networkProfile.networkPolicy"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"networkProfile": {"networkPolicy": ""}}}
                """#),
            RuleExample("not set", .fails(at: "$.properties.networkProfile"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "kubenet"}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("networkProfile", "networkPolicy")
        if let undecidable = setting.undecidableResult("a network policy engine is enabled") { return [undecidable] }
        if let engine = setting.reading.value, Self.engines.contains(where: { engine.equalsIgnoringASCIICase($0) }) {
            return [setting.result(.pass, "Network policies are enforced (\(setting.describedValue)).")]
        }
        if setting.reading.isAbsent {
            let dataplane = cluster.string("networkProfile", "networkDataplane")
            if let undecidable = dataplane.undecidableResult("a network policy engine is enabled (networkPolicy is not set, so it depends on the dataplane)") { return [undecidable] }
            if let plane = dataplane.reading.value, plane.equalsIgnoringASCIICase("cilium") {
                return [dataplane.result(.pass, "Network policies are enforced: networkPolicy is not set, but the dataplane is Cilium (\(dataplane.describedValue)), which enforces NetworkPolicy itself.")]
            }
        }
        return [setting.result(.fail, setting.failureMessage(
            verdict: "No network policy engine is enabled"))]
    }
}
