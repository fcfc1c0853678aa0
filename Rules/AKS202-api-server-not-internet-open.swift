import AKSLintCore

/// AKS202: a public API server accepts connections only from narrow, authorized ranges.
package struct APIServerNotInternetOpen: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS202",
        name: "api-server-not-internet-open",
        title: "The API server is private or restricted to authorized IP ranges that are not open to the internet",
        severity: .high,
        category: .network,
        checks: "properties.apiServerAccessProfile.enablePrivateCluster, properties.apiServerAccessProfile.authorizedIPRanges (API 2019-02-01 to 2019-06-01: properties.apiServerAuthorizedIPRanges)",
        absentMeans: "A public cluster with no authorized ranges accepts connections from any address: the rule fails. An empty list means the same.",
        rationale: """
            A public API server with no authorized IP ranges accepts connections from every address on the \
            internet. Ranges like `0.0.0.0/0` or a `/1` look like a restriction and are not one, which other tools \
            do not notice. Each authorized range must be a network you control: a prefix of /8 or longer for IPv4 \
            and /32 or longer for IPv6. `0.0.0.0/32` is AKS's documented value for "only the cluster's own \
            outbound IP" and is closed. Private clusters pass.
            """,
        risk: "anyone on the internet can reach it.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --api-server-authorized-ip-ranges <your-cidr>[,<cidr>...]",
            template: #"properties.apiServerAccessProfile.authorizedIPRanges: ["<your-cidr>"] (or properties.apiServerAccessProfile.enablePrivateCluster: true)"#,
            bicep: "apiServerAccessProfile: { authorizedIPRanges: [ '<your-cidr>' ] }",
            terraform: "api_server_access_profile {\n  authorized_ip_ranges = [\"<your-cidr>\"]\n}",
            notes: "Include the addresses of CI runners and administrators; the cluster's own outbound IP is added by AKS. Authorized ranges cannot be combined with a private cluster."),
        references: [Learn.authorizedIPRanges, Learn.privateClusters],
        peers: [.checkov("CKV_AZURE_6", note: "passes [\"0.0.0.0/0\"], and in ARM ignores private clusters"), .psrule("Azure.AKS.AuthorizedIPs", "AZR-000030", note: "passes any non-empty list"), .trivy("AVD-AZU-0041"), .kics("2583fab1", "AKS With Authorized IP Ranges Disabled", note: "ARM"), .azurePolicy("0e246bcf", "Authorized IP ranges should be defined on Kubernetes Services")],
        controls: [.cis("5.4.1"), .mcsb("NS-1"), .mcsb("NS-2")],
        examples: [
            RuleExample("private cluster", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"enablePrivateCluster": true}}}
                """#),
            RuleExample("narrow authorized ranges", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"authorizedIPRanges": ["203.0.113.0/24", "198.51.100.7", "0.0.0.0/32"]}}}
                """#),
            RuleExample("a range that opens everything", .fails(at: "$.properties.apiServerAccessProfile.authorizedIPRanges[1]"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"authorizedIPRanges": ["203.0.113.0/24", "0.0.0.0/0"]}}}
                """#),
            RuleExample("public, no ranges", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"dnsPrefix": "prod"}}
                """#),
            RuleExample("az casing, empty list", .fails(at: "$.apiServerAccessProfile.authorizedIpRanges"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "apiServerAccessProfile": {"authorizedIpRanges": [], "enablePrivateCluster": false}}
                """#),
            RuleExample("a range that is not an address", .indeterminate(at: "$.properties.apiServerAccessProfile.authorizedIPRanges[0]"), #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"apiServerAccessProfile": {"authorizedIPRanges": ["office-network"]}}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let question = "the API server is closed to the internet"
        let privateCluster = cluster.bool("apiServerAccessProfile", "enablePrivateCluster")
        if privateCluster.reading.value == true {
            return [privateCluster.result(.pass, "The API server is private (\(privateCluster.describedValue)): it has no public endpoint.")]
        }
        let current = cluster.array("apiServerAccessProfile", "authorizedIPRanges")
        let legacy = cluster.array("apiServerAuthorizedIPRanges")
        let ranges = current.reading.isAbsent && !legacy.reading.isAbsent ? legacy : current
        if let undecidable = ranges.undecidableResult(question) { return [undecidable] }
        let entries = ranges.reading.value ?? []
        if entries.isEmpty {
            if let undecidable = privateCluster.undecidableResult(question) { return [undecidable] }
            return [ranges.result(.fail, ranges.failureMessage(verdict: "The API server is public and accepts connections from any IP address"))]
        }
        return [judge(entries, setting: ranges, privateCluster: privateCluster, question: question)]
    }

    private func judge(_ entries: [ValueRef], setting: Setting<[ValueRef]>, privateCluster: Setting<Bool>, question: String) -> RuleResult {
        var undecidable: RuleResult?
        for (index, entry) in entries.enumerated() {
            let entrySetting = Setting<String>(reading: entry.string(), property: setting.property, displayName: "\(setting.displayName)[\(index)]")
            switch entrySetting.reading {
            case .value(let text, _):
                guard let range = CIDRRange(text) else {
                    undecidable = undecidable ?? entrySetting.result(.indeterminate, "Cannot tell whether \(question): the authorized range \(ValueDescription.quote(text)) is not an IP address or CIDR range.")
                    continue
                }
                if range.isOpenToInternet {
                    if let unknownPrivacy = privateCluster.undecidableResult(question) { return unknownPrivacy }
                    return entrySetting.result(.fail, "The API server is open to the internet (the authorized range \(ValueDescription.quote(text)), a /\(range.prefixLength), admits \(range.sizeDescription), so it restricts nothing)")
                }
            default:
                undecidable = undecidable ?? entrySetting.undecidableResult(question)
            }
        }
        if let undecidable { return undecidable }
        let count = entries.count
        return setting.result(.pass, "The API server accepts connections only from \(count) authorized range\(count == 1 ? "" : "s") (\(setting.describedValue)).")
    }
}
