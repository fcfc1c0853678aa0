import AKSLintCore

/// AKS912: the CSI storage drivers are on.
package struct CSIDrivers: Rule {
    package init() {}

    /// The storage profile's drivers, and what each provides.
    static let drivers = [("diskCSIDriver", "Azure Disks"), ("fileCSIDriver", "Azure Files"), ("snapshotController", "volume snapshots")]

    package let metadata = RuleMetadata(
        id: "AKS912",
        name: "csi-drivers",
        title: "The Azure Disk and Azure Files CSI drivers and the snapshot controller are on",
        severity: .low,
        category: .reliability,
        checks: "properties.storageProfile.diskCSIDriver.enabled, fileCSIDriver.enabled, snapshotController.enabled",
        absentMeans: "On (the platform default): the rule passes. Only an explicit false fails.",
        rationale: """
            The in-tree Azure disk and file volume plugins were removed from Kubernetes; persistent volumes on AKS \
            work only through the CSI drivers. Turning a driver off breaks every volume of that kind, and turning \
            off the snapshot controller breaks backups that rely on VolumeSnapshots. Azure Policy audits the same \
            settings; akslint runs this rule only when asked (`--rules all` or `reliability`).
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-disk-driver --enable-file-driver --enable-snapshot-controller",
            template: "properties.storageProfile: {\"diskCSIDriver\": {\"enabled\": true}, \"fileCSIDriver\": {\"enabled\": true}, \"snapshotController\": {\"enabled\": true}}",
            bicep: "storageProfile: { diskCSIDriver: { enabled: true }, fileCSIDriver: { enabled: true }, snapshotController: { enabled: true } }",
            terraform: "storage_profile {\n  disk_driver_enabled         = true\n  file_driver_enabled         = true\n  snapshot_controller_enabled = true\n}"),
        references: [Reference("Container Storage Interface (CSI) drivers on AKS", "https://learn.microsoft.com/azure/aks/csi-storage-drivers")],
        peers: [.azurePolicy("c5110b6e", "Azure Kubernetes Clusters should enable Container Storage Interface(CSI)")],
        controls: [],
        examples: [
            RuleExample("all on", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"storageProfile": {"diskCSIDriver": {"enabled": true}, "fileCSIDriver": {"enabled": true}, "snapshotController": {"enabled": true}}}}
                """#),
            RuleExample("the file driver off", .fails(at: "$.storageProfile.fileCsiDriver.enabled"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "storageProfile": {"diskCsiDriver": {"enabled": true}, "fileCsiDriver": {"enabled": false}}}
                """#),
            RuleExample("not set: on by default", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        var undecided: RuleResult?
        for (key, purpose) in Self.drivers {
            let setting = cluster.bool("storageProfile", key, "enabled")
            if let undecidable = setting.undecidableResult("the \(purpose) CSI driver is on") {
                undecided = undecided ?? undecidable
            } else if setting.reading.value == false {
                return [setting.result(.fail, "The \(purpose) CSI driver is off (\(setting.describedValue)): volumes of that kind cannot be provisioned or mounted.")]
            }
        }
        if let undecided { return [undecided] }
        return [RuleResult(state: .pass, message: "The Azure Disk and Azure Files CSI drivers and the snapshot controller are on (each is on unless set to false).", location: cluster.properties, property: "properties.storageProfile", pointsAtEnclosingObject: true)]
    }
}
