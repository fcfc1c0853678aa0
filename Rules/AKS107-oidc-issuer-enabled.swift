import AKSLintCore

/// AKS107: the cluster publishes an OIDC issuer, the basis of workload identity federation.
package struct OIDCIssuerEnabled: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS107",
        name: "oidc-issuer-enabled",
        title: "The cluster's OIDC issuer is enabled",
        severity: .medium,
        category: .identity,
        checks: "properties.oidcIssuerProfile.enabled; for a template that omits it, properties.kubernetesVersion",
        absentMeans: "AKS enables the OIDC issuer by default only for new clusters created on Kubernetes 1.34 or later. In a template, an absent setting passes when the cluster's version is 1.34 or later (or, with no version, when every version AKS supports on the evaluation day is), is indeterminate when the version cannot be known, and fails below 1.34. An export shows the real state: absent there means off, and the rule fails.",
        rationale: """
            The OIDC issuer publishes the keys that sign the cluster's service account tokens, so Microsoft Entra ID \
            (and other clouds) can trust those tokens. Workload identity federation depends on it: without it, \
            workloads fall back to stored secrets. Once enabled it cannot be disabled, and no peer tool checks it. \
            New clusters on Kubernetes 1.34 or later get the issuer by default; existing clusters keep what they \
            had, so an export is judged by what it says.
            """,
        risk: "workload identity federation cannot work, so workloads fall back to stored secrets.",
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-oidc-issuer",
            template: "properties.oidcIssuerProfile.enabled: true",
            bicep: "oidcIssuerProfile: { enabled: true }",
            terraform: "oidc_issuer_enabled = true",
            notes: "Enabling the issuer cannot be undone; pods must be restarted to get tokens from the new issuer."),
        references: [Learn.oidcIssuer, Learn.workloadIdentity],
        peers: [],
        controls: [.mcsb("IM-3")],
        examples: [
            RuleExample("issuer enabled", .passes, #"""
                {"type": "Microsoft.ContainerService/managedClusters", "name": "prod",
                 "properties": {"oidcIssuerProfile": {"enabled": true, "issuerURL": "https://westus2.oic.prod-aks.azure.com/t/c/"}}}
                """#),
            RuleExample("issuer disabled", .fails(at: "$.properties.oidcIssuerProfile.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"oidcIssuerProfile": {"enabled": false}}}
                """#),
            RuleExample("a template on 1.34 that omits the setting: on by default", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-07-01", "name": "aks", "properties": {"kubernetesVersion": "1.34.1"}}]}
                """#),
            RuleExample("a template on 1.33 that omits the setting", .fails(at: "$.resources[0].properties"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-07-01", "name": "aks", "properties": {"kubernetesVersion": "1.33.5"}}]}
                """#),
            RuleExample("a template whose version is a parameter without a value", .indeterminate(at: "$.resources[0].properties.kubernetesVersion"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"version": {"type": "string"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-07-01", "name": "aks", "properties": {"kubernetesVersion": "[parameters('version')]"}}]}
                """#),
            RuleExample("a template with no version, when every supported version is 1.34 or later", .passes, asOf: CalendarDay(year: 2026, month: 12, day: 1), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-07-01", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("a template with no version, while 1.33 is still supported", .indeterminate(at: "$.resources[0].properties"), asOf: CalendarDay(year: 2026, month: 5, day: 1), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-07-01", "name": "aks", "properties": {"dnsPrefix": "aks"}}]}
                """#),
            RuleExample("an export on 1.34 without the setting: exports show the real state", .fails(at: "$.properties"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {"kubernetesVersion": "1.34.1"}}
                """#),
            RuleExample("az casing, issuer profile null", .fails(at: "$.oidcIssuerProfile"), #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "oidcIssuerProfile": null}
                """#),
        ])

    /// The first Kubernetes minor version on which AKS enables the issuer for new clusters.
    static let onByDefaultFromMinor = 34

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("oidcIssuerProfile", "enabled")
        if setting.reading.isAbsent, cluster.origin.isDefinition {
            return [judgeTemplateDefault(setting, cluster: cluster, context: context)]
        }
        return [setting.judge(
            secureValue: true, absentIsSecure: false,
            question: "the OIDC issuer is enabled",
            pass: "The OIDC issuer is enabled (\(setting.describedValue)).",
            verdict: "The OIDC issuer is off")]
    }

    /// A template or plan that omits the setting creates a cluster whose issuer depends on its version.
    private func judgeTemplateDefault(_ setting: Setting<Bool>, cluster: ClusterResource, context: RuleContext) -> RuleResult {
        let day = context.evaluationDay
        let version = cluster.string("kubernetesVersion")
        let document = cluster.origin.documentName
        let question = "the OIDC issuer is enabled (the \(document) does not set it, so it depends on the Kubernetes version)"
        if let undecidable = version.undecidableResult(question) { return undecidable }
        let minimum = "1.\(Self.onByDefaultFromMinor)"
        guard let text = version.reading.value else {
            let supported = context.kubernetesCalendar.entries.filter { $0.generallyAvailable <= day && day <= $0.endOfLife }
            if let oldest = supported.first, oldest.minor >= Self.onByDefaultFromMinor {
                return setting.result(.pass, "The OIDC issuer is on by default: the \(document) sets no Kubernetes version, and every version AKS supports on \(day) (1.\(oldest.minor) and later) creates new clusters with the issuer enabled.")
            }
            return setting.result(.indeterminate, "Cannot tell whether \(question): no Kubernetes version is set, and AKS's default version on \(day) may be older than \(minimum), below which the issuer is off unless oidcIssuerProfile.enabled is true.")
        }
        guard let parsed = KubernetesVersion(text) else {
            return version.result(.indeterminate, "Cannot tell whether \(question): \(ValueDescription.quote(text)) is not a Kubernetes version.")
        }
        if parsed.major > 1 || parsed.minor >= Self.onByDefaultFromMinor {
            return setting.result(.pass, "The OIDC issuer is on by default: the \(document) creates the cluster on Kubernetes \(text), and AKS enables the issuer for new clusters on \(minimum) or later.")
        }
        return setting.result(.fail, "The OIDC issuer is off (\(setting.describedValue); the cluster runs Kubernetes \(text), and AKS enables the issuer by default only for new clusters on \(minimum) or later)")
    }
}
