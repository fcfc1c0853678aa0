import AKSLintCore

/// AKS305: node disks are encrypted with a key the customer controls.
package struct CustomerManagedDiskKey: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS305",
        name: "customer-managed-disk-key",
        title: "Node OS and data disks are encrypted with a customer-managed key",
        severity: .low,
        category: .dataProtection,
        checks: "properties.diskEncryptionSetID",
        absentMeans: "Platform-managed keys (the default): the rule fails.",
        rationale: """
            By default node disks are encrypted with keys Microsoft manages. A disk encryption set backed by a key \
            in your Key Vault lets you control rotation, audit every use of the key, and make the data unreadable by \
            revoking it, which regulated workloads and the Azure Policy for AKS customer-managed keys require.
            """,
        risk: "you cannot rotate, audit or revoke the key that protects node OS and data disks.",
        remediation: Remediation(
            azCommand: "az aks create -g {resourceGroup} -n <new-cluster-name> --node-osdisk-diskencryptionset-id <disk-encryption-set-id>",
            template: #"properties.diskEncryptionSetID: "<disk-encryption-set-id>""#,
            bicep: "diskEncryptionSetID: '<disk-encryption-set-id>'",
            terraform: "disk_encryption_set_id = \"<disk-encryption-set-id>\"",
            disruption: .newCluster,
            notes: "The disk encryption set can only be set when the cluster is created. The cluster identity needs Reader on the disk encryption set."),
        references: [Reference("Bring your own keys (BYOK) with Azure managed disks in AKS", "https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys")],
        peers: [.checkov("CKV_AZURE_117", note: "Terraform only"), .trivy("AVD-AZU-0067"), .kics("b17d8bb8", "AKS Disk Encryption Set ID Undefined", note: "Terraform"), .azurePolicy("7d7be79c", "Both operating systems and data disks in Azure Kubernetes Service clusters should be encrypted by customer-managed keys")],
        controls: [.mcsb("DP-5")],
        examples: [
            RuleExample("disk encryption set", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod",
                 "properties": {"diskEncryptionSetID": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"}}
                """#),
            RuleExample("az output, null", .fails(at: "$.diskEncryptionSetId"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "diskEncryptionSetId": null}
                """#),
            RuleExample("empty string", .fails(at: "$.properties.diskEncryptionSetID"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"diskEncryptionSetID": ""}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.string("diskEncryptionSetID")
        if let undecidable = setting.undecidableResult("node disks use a customer-managed key") { return [undecidable] }
        if let id = setting.reading.value, !id.isEmpty {
            return [setting.result(.pass, "Node disks are encrypted with a customer-managed key (a disk encryption set is configured).")]
        }
        return [setting.result(.fail, setting.failureMessage(
            verdict: "Node disks use platform-managed keys"))]
    }
}
