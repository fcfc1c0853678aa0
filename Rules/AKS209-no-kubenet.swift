import AKSLintCore

/// AKS209: the cluster does not use the retired kubenet network plugin.
package struct NoKubenet: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS209",
        name: "no-kubenet",
        title: "The cluster does not use the retired kubenet network plugin",
        severity: .low,
        category: .network,
        checks: "properties.networkProfile.networkPlugin",
        absentMeans: "Not set: the rule passes (current API versions default to Azure CNI Overlay).",
        rationale: """
            Kubenet is retired (support ends 31 March 2028): it gets no new features, cannot use Azure Network \
            Policy Manager or Cilium, and relies on user-defined routes that are easy to break. Pods share the node's \
            identity on the virtual network, so network security groups cannot tell them apart. Azure CNI Overlay \
            keeps kubenet's address efficiency and supports the policy engines.
            """,
        risk: "it gets no fixes after March 2028 and supports no network policy engine but Calico; migrate to Azure CNI Overlay.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16",
            template: #"properties.networkProfile: {"networkPlugin": "azure", "networkPluginMode": "overlay"}"#,
            bicep: "networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay' }",
            terraform: "network_profile {\n  network_plugin      = \"azure\"\n  network_plugin_mode = \"overlay\"\n}",
            notes: "The migration re-images every node pool. Check that the pod CIDR does not overlap your networks."),
        references: [Reference("Upgrade Azure CNI / migrate from kubenet to Azure CNI Overlay", "https://learn.microsoft.com/azure/aks/upgrade-azure-cni"), Learn.networkPolicies],
        peers: [.checkov("CKV2_AZURE_29", note: "Terraform graph check"), .azurePolicy("46238e2f", "Azure Kubernetes Clusters should use Azure CNI")],
        controls: [.mcsb("NS-1")],
        examples: [
            RuleExample("kubenet", .fails(at: "$.properties.networkProfile.networkPlugin"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "kubenet"}}}
                """#),
            RuleExample("Azure CNI Overlay", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay"}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("networkProfile", "networkPlugin")
        if let undecidable = setting.undecidableResult("the cluster uses kubenet") { return [undecidable] }
        if setting.reading.value?.equalsIgnoringASCIICase("kubenet") == true {
            return [setting.result(.fail, setting.failureMessage(verdict: "The cluster uses the retired kubenet network plugin"))]
        }
        return [setting.result(.pass, "The cluster does not use kubenet (\(setting.describedValue)).")]
    }
}
