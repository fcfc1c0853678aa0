import AKSLintCore

/// AKS208: the retired HTTP application routing add-on is off.
package struct NoHTTPApplicationRouting: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        id: "AKS208",
        name: "no-http-application-routing",
        title: "The HTTP application routing add-on is not enabled",
        severity: .medium,
        category: .network,
        checks: "properties.addonProfiles.httpApplicationRouting.enabled",
        absentMeans: "The add-on is off (the platform default): the rule passes.",
        rationale: """
            The HTTP application routing add-on was built for development only and is retired: it creates a \
            public DNS zone and a public ingress controller, so any Ingress that names the zone is exposed to the \
            internet without TLS by default, and the components no longer receive fixes. Use the application \
            routing add-on (`ingressProfile.webAppRouting`) or your own ingress controller instead.
            """,
        risk: "Ingresses get public DNS names and a public controller, without TLS by default, from components that no longer get fixes.",
        remediation: Remediation(
            azCommand: "az aks disable-addons -g {resourceGroup} -n {name} --addons http_application_routing",
            template: "properties.addonProfiles.httpApplicationRouting.enabled: false",
            bicep: "addonProfiles: { httpApplicationRouting: { enabled: false } }",
            terraform: "http_application_routing_enabled = false",
            notes: "Move ingresses to the application routing add-on first (`az aks approuting enable`)."),
        references: [Reference("HTTP application routing add-on (retired)", "https://learn.microsoft.com/azure/aks/http-application-routing")],
        peers: [.psrule("Azure.AKS.HttpAppRouting", "AZR-000035"), .checkov("CKV_AZURE_246", note: "Terraform only: http_application_routing_enabled")],
        controls: [.mcsb("NS-1"), .mcsb("DP-3")],
        examples: [
            RuleExample("add-on enabled", .fails(at: "$.properties.addonProfiles.httpApplicationRouting.enabled"), #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "dev",
                 "properties": {"addonProfiles": {"httpApplicationRouting": {"enabled": true, "config": {"HTTPApplicationRoutingZoneName": "abc.westus2.aksapp.io"}}}}}
                """#),
            RuleExample("no add-ons", .passes, #"""
                {"type": "Microsoft.ContainerService/ManagedClusters", "name": "prod", "properties": {}}
                """#),
        ])

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        let setting = cluster.bool("addonProfiles", "httpApplicationRouting", "enabled")
        return [setting.judge(
            secureValue: false, absentIsSecure: true,
            question: "the HTTP application routing add-on is enabled",
            pass: "The HTTP application routing add-on is not enabled (\(setting.describedValue)).",
            verdict: "The retired HTTP application routing add-on is enabled")]
    }
}
