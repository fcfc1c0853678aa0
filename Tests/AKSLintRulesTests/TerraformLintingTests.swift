import AKSLintCore
import AKSLintRules
import AKSLintTestSupport
import Testing

/// Terraform plans and states, read by what the azurerm and azapi providers send, against the
/// hand-written fixtures of `Fixtures/terraform/` (shaped after real `terraform show -json` output).
@Suite("Terraform inputs")
struct TerraformLintingTests {
    private func lint(_ relative: String, rules: [any Rule] = BuiltinRules.all) throws -> (LoadedInput, [Finding]) {
        let path = Paths.fixture(relative)
        let loaded = try InputLoader.load(try readBytes(path), path: path, reader: DiskReader(), workingDirectory: Paths.repositoryRoot)
        let engine = LintEngine(rules: rules, context: RuleContext(evaluationDay: CalendarDay("2026-12-01")!))
        return (loaded, try engine.evaluate(loaded, path: path))
    }

    private func finding(_ findings: [Finding], _ rule: String, cluster: String, pool: String? = nil) throws -> Finding {
        try #require(findings.first { $0.ruleId == rule && $0.cluster.displayName == cluster && $0.subject.poolName == pool }, "\(rule) on \(cluster) \(pool ?? "")")
    }

    @Test("a module called with for_each: one cluster per instance, named, addressed, with what the plan does; a destroyed cluster is counted, not linted")
    func moduleInstances() throws {
        let (loaded, _) = try lint("terraform/v4-module/plan.json")
        #expect(loaded.format == .terraformPlan)
        #expect(loaded.clusters.map(\.displayName) == ["aks-dev", "aks-prod"])
        #expect(loaded.clusters.map { $0.terraform?.address } == [#"module.aks["dev"].azurerm_kubernetes_cluster.this"#, #"module.aks["prod"].azurerm_kubernetes_cluster.this"#])
        #expect(loaded.clusters.map { $0.terraform?.action } == ["create", "update"])
        #expect(loaded.destroyedClusters == ["azurerm_kubernetes_cluster.legacy"])
        #expect(loaded.clusters[0].identity != loaded.clusters[1].identity)
        #expect(loaded.clusters[0].identity.hasPrefix("terraform:module.aks"))
    }

    @Test("a separate node pool joins its cluster by the configuration's reference when the id is known only after apply, and by id when it is known")
    func nodePoolJoin() throws {
        let (loaded, findings) = try lint("terraform/v4-module/plan.json")
        #expect(loaded.clusters.map { $0.agentPools.map(\.displayName) } == [["system", "apps"], ["system", "apps"]])
        let prodPool = try finding(findings, "AKS206", cluster: "aks-prod", pool: "apps")
        #expect(prodPool.state == .fail)
    }

    @Test("unknown is not absent: ranges a configuration computes are indeterminate; known ranges pass")
    func knownAfterApply() throws {
        let (_, findings) = try lint("terraform/v4-module/plan.json")
        let dev = try finding(findings, "AKS202", cluster: "aks-dev")
        #expect(dev.state == .indeterminate)
        #expect(dev.unresolvedExpression == "api_server_access_profile.authorized_ip_ranges (known after apply)")
        #expect(dev.message.contains("depends on var.egress_ip"))
        #expect(try finding(findings, "AKS202", cluster: "aks-prod").state == .pass)
    }

    @Test("findings point at the .tf line of the attribute, or the resource block when nobody wrote it")
    func configurationLines() throws {
        let (_, findings) = try lint("terraform/v4-module/plan.json")
        let module = Paths.fixture("terraform/v4-module/modules/aks/main.tf")
        let local = try finding(findings, "AKS103", cluster: "aks-dev")
        #expect(local.state == .pass)
        #expect(local.location.file == module)
        #expect(local.location.region.start.line == 20, "local_account_disabled = true")
        let defender = try finding(findings, "AKS401", cluster: "aks-dev")
        #expect(defender.state == .fail)
        #expect(defender.location.file == module)
        #expect(defender.location.region.start.line == 13, "the resource block, as microsoft_defender is not written")
        #expect(try finding(findings, "AKS202", cluster: "aks-dev").location.region.start.line == 45, "authorized_ip_ranges, inside api_server_access_profile")
    }

    @Test("# akslint-disable comments in the .tf files suppress the cluster's and its node pool's findings, with their reasons")
    func suppressionComments() throws {
        let (loaded, _) = try lint("terraform/v4-module/plan.json")
        let sites = loaded.suppressionSites.filter { $0.clusterOrdinal == 0 }
        #expect(sites.map(\.rule) == ["AKS201", "AKS206"])
        #expect(sites.map(\.position.line) == [12, 71])
        #expect(sites.first?.reason == "the API server is reached through authorized ranges until the hub VPN lands (NET-412)")
    }

    @Test("diagnostic settings join the cluster they target, by reference or by id")
    func diagnosticSettings() throws {
        let (_, findings) = try lint("terraform/v4-module/plan.json")
        #expect(try finding(findings, "AKS502", cluster: "aks-dev").state == .pass)
        #expect(try finding(findings, "AKS502", cluster: "aks-prod").state == .pass)
        #expect(try finding(findings, "AKS504", cluster: "aks-dev").state == .fail, "only kube-audit-admin is kept")
    }

    /// Which provider default decided which result (the table of the closing note).
    @Test("unset attributes take what the azurerm provider sends, and the message says so", arguments: [
        ("AKS103", ResultState.fail, "what the azurerm provider sends when local_account_disabled is not set"),
        ("AKS601", .fail, "what the azurerm provider sends when automatic_channel_upgrade is not set"),
        ("AKS104", .pass, "the azurerm provider's default for role_based_access_control_enabled"),
        ("AKS201", .fail, "the azurerm provider's default for private_cluster_enabled"),
        ("AKS204", .fail, "the azurerm provider's default for run_command_enabled"),
        ("AKS503", .fail, "what the azurerm provider sends when monitor_metrics is not set"),
        ("AKS304", .fail, "the azurerm provider's default for default_node_pool.enable_host_encryption"),
    ])
    func providerDefaults(rule: String, state: ResultState, phrase: String) throws {
        let (_, findings) = try lint("terraform/v3-legacy/plan.json", rules: BuiltinRules.all)
        let result = try #require(findings.first { $0.ruleId == rule })
        #expect(result.state == state)
        #expect(result.message.contains(phrase), "\(result.message)")
    }

    @Test("v3: a computed block nobody configured is absent, not unknown; public_network_access_enabled, which v3 never sends, is not read")
    func version3() throws {
        let (loaded, findings) = try lint("terraform/v3-legacy/plan.json")
        #expect(try finding(findings, "AKS202", cluster: "aks-legacy-v3").state == .fail)
        #expect(loaded.clusters[0].properties.child("publicNetworkAccess") == nil)
        #expect(try finding(findings, "AKS110", cluster: "aks-legacy-v3").state == .fail)
        #expect(try finding(findings, "AKS206", cluster: "aks-legacy-v3", pool: "default").message.contains("default_node_pool.enable_node_public_ip"))
    }

    @Test("secrets the plan holds in clear text fail AKS306 and appear in no message")
    func sensitiveValues() throws {
        let (_, findings) = try lint("terraform/v3-legacy/plan.json")
        let credentials = findings.filter { $0.ruleId == "AKS306" }
        #expect(credentials.count == 3)
        #expect(credentials.allSatisfy { $0.state == .fail && $0.message.contains("in clear text in the Terraform plan") })
        for secret in ["Sup3r-S3cret-Value!", "P@ssw0rd-Windows-2026", "legacy-aad-secret-xyz"] {
            #expect(!findings.contains { $0.message.contains(secret) || ($0.unresolvedExpression ?? "").contains(secret) })
        }
    }

    @Test("azapi: an object body, a jsonencode string body, an agentPools child joined by reference, and a hardened cluster that passes every security rule")
    func azapi() throws {
        let (loaded, findings) = try lint("terraform/azapi/plan.json", rules: BuiltinRules.all.filter(\.metadata.runsByDefault))
        #expect(loaded.clusters.map(\.displayName) == ["aks-hardened", "aks-classic", "aks-patched"])
        #expect(loaded.clusters[0].agentPools.map(\.displayName) == ["system", "apps"])
        let hardened = findings.filter { $0.cluster.displayName == "aks-hardened" }
        #expect(hardened.count > 45)
        #expect(hardened.allSatisfy { $0.state == .pass || $0.state == .notApplicable }, "\(hardened.filter { $0.state != .pass && $0.state != .notApplicable }.map(\.ruleId))")
        #expect(try finding(findings, "AKS103", cluster: "aks-classic").state == .fail, "the azapi 1.x string body is read")
        #expect(loaded.destroyedClusters == ["azapi_resource.old"])
    }

    @Test("an azapi_update_resource patches the cluster it names: pod identity on is AKS108's failure, set by the patch")
    func patch() throws {
        let (_, findings) = try lint("terraform/azapi/plan.json")
        let podIdentity = try finding(findings, "AKS108", cluster: "aks-patched")
        #expect(podIdentity.state == .fail)
        #expect(podIdentity.message.contains("set by azapi_update_resource.pod_identity"))
        #expect(try finding(findings, "AKS106", cluster: "aks-patched").state == .pass, "the patch enables workload identity too")
    }

    @Test("maintenance_window_auto_upgrade and maintenance_window_node_os blocks are the cluster's planned maintenance windows")
    func maintenanceWindows() throws {
        let (_, findings) = try lint("terraform/azapi/plan.json")
        let windows = findings.filter { $0.ruleId == "AKS904" && $0.cluster.displayName == "aks-patched" }
        #expect(windows.count == 2)
        #expect(windows.allSatisfy { $0.state == .pass })
    }

    @Test("a dynamic block the plan knows only after apply is indeterminate, never the default; one it knows is read as written")
    func dynamicBlocks() throws {
        let (_, findings) = try lint("terraform/dynamic/plan.json")
        let ranges = try finding(findings, "AKS202", cluster: "aks-dynamic")
        #expect(ranges.state == .indeterminate)
        #expect(ranges.message.contains(#"the for_each of dynamic "api_server_access_profile""#))
        #expect(ranges.location.region.start.line == 26, "the dynamic block")
        #expect(try finding(findings, "AKS401", cluster: "aks-dynamic").state == .pass)
        #expect(try finding(findings, "AKS205", cluster: "aks-dynamic").state == .fail, "network_profile is computed and nobody wrote it")
    }

    @Test("a state: the deployed cluster as an export, pools joined by id, the kubeconfig never read")
    func state() throws {
        let (loaded, findings) = try lint("terraform/state/terraform.tfstate.json")
        #expect(loaded.format == .terraformState)
        #expect(loaded.clusters.map(\.origin) == [.export])
        #expect(loaded.clusters.first?.terraform?.action == nil)
        #expect(try finding(findings, "AKS206", cluster: "aks-prod", pool: "apps").state == .fail)
        #expect(!findings.contains { $0.message.contains("kubeconfig-token") })
    }
}
