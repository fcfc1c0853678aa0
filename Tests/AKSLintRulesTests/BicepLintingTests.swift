@testable import AKSLintCore
import AKSLintRules
import AKSLintTestSupport
import Testing

/// Bicep files read natively: clusters found through modules and loops, findings on `.bicep`
/// lines, suppressions in comments, and the same results as the template the compiler emits.
@Suite("Bicep inputs")
struct BicepLintingTests {
    private func lint(_ path: String, parameters: TemplateParameters? = nil, rules: [any Rule] = BuiltinRules.all) throws -> (LoadedInput, [Finding]) {
        let loaded = try BicepLoader.load(try readBytes(path), path: path, parameters: parameters, reader: DiskReader())
        let engine = LintEngine(rules: rules, context: RuleContext(evaluationDay: CalendarDay("2026-12-01")!))
        return (loaded, try engine.evaluate(loaded, path: path))
    }

    /// (rule, cluster, pool, state) of every result, the comparison the equivalence tests make.
    private func verdicts(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.ruleId) \($0.cluster.displayName) \($0.subject.poolName ?? "-") \($0.state)" }.sorted()
    }

    @Test("the fixture's cluster, and one cluster per call of a looped module, named by their evaluated names")
    func clustersThroughModules() throws {
        let path = Paths.fixture("bicep/main.bicep")
        let (loaded, findings) = try lint(path)
        #expect(loaded.format == .bicep)
        #expect(loaded.clusters.map(\.displayName) == ["aks-bicep", "aks-westeurope", "aks-northeurope"])
        #expect(loaded.clusters[0].agentPools.map(\.displayName) == ["system", "user1", "user2"], "a for loop and a user-defined function name the pools")
        #expect(loaded.clusters[0].relatedResources.map(\.type) == ["Microsoft.ContainerService/managedClusters/maintenanceConfigurations"])
        #expect(loaded.warnings.contains { $0.message.contains("br/public:avm/res/container-service/managed-cluster:0.9.0") && $0.message.contains("not checked") })

        // A value from the module is reported at the module's line; one from the caller at the caller's.
        let northLocal = try #require(findings.first { $0.ruleId == "AKS103" && $0.cluster.displayName == "aks-northeurope" })
        #expect(northLocal.state == .fail)
        #expect(northLocal.location.file == Paths.fixture("bicep/modules/regional-cluster.bicep"))
        #expect(northLocal.location.region.start.line == 10)
        #expect(northLocal.cluster.deployedBy == "regional at \(path):110", "the module call that produced the cluster")
        #expect(findings.first { $0.cluster.displayName == "aks-bicep" }?.cluster.deployedBy == nil)
        #expect(findings.first { $0.ruleId == "AKS103" && $0.cluster.displayName == "aks-westeurope" }?.state == .pass)
        let publicIP = try #require(findings.first { $0.ruleId == "AKS206" && $0.subject.poolName == "user2" })
        #expect(publicIP.state == .fail)
        #expect(publicIP.location.file == path)
        #expect(findings.first { $0.ruleId == "AKS206" && $0.subject.poolName == "user1" }?.state == .pass)
        // `tier` defaults to 'Free' (one of its @allowed values): no uptime SLA.
        #expect(findings.first { $0.ruleId == "AKS604" && $0.cluster.displayName == "aks-bicep" }?.state == .fail)
        // The pool deployed only when tier == 'Standard' is not deployed.
        #expect(!findings.contains { $0.subject.poolName == "extra" })
    }

    @Test("an akslint-disable-next-line comment suppresses the rule on the resource below it, with its reason")
    func commentSuppression() throws {
        let path = Paths.fixture("bicep/main.bicep")
        let (loaded, findings) = try lint(path)
        let report = InputReport(path: path, loaded: loaded, results: findings)
        let applied = SuppressionApplier(configuration: LintConfiguration(), baseline: nil, today: CalendarDay("2026-12-01")!, knownRules: Set(BuiltinRules.all.map(\.metadata.id)))
            .apply(to: LintReport(inputs: [report], rules: BuiltinRules.all.map(\.metadata)))
        let suppressed = applied.inputs[0].results.filter { $0.suppression != nil }
        #expect(suppressed.map(\.ruleId) == ["AKS103"])
        #expect(suppressed.first?.cluster.displayName == "aks-bicep")
        #expect(suppressed.first?.suppression?.justification.hasPrefix("break-glass admin") == true)
        #expect(suppressed.first?.suppression?.source.line == 43)
    }

    @Test("a small file gives the same verdicts as the template the Bicep compiler emits for it")
    func twin() throws {
        let (_, fromBicep) = try lint(Paths.fixture("bicep/twin.bicep"), rules: BuiltinRules.all.filter { _ in true })
        let template = try InputLoader.load(try readBytes(Paths.fixture("bicep/twin.json")))
        let fromJSON = try LintEngine(rules: BuiltinRules.all, context: RuleContext(evaluationDay: CalendarDay("2026-12-01")!)).evaluate(template, path: "twin.json")
        #expect(fromBicep.count > 40)
        #expect(verdicts(fromBicep) == verdicts(fromJSON))
    }

    @Test("a name that cannot be evaluated offline is shown as the Bicep text, a child pool's as its parent's and its own")
    func unresolvedNamesAsWritten() throws {
        let cluster = """
            param prefix string
            resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
              name: 'aks-${prefix}'
              location: 'westeurope'
              properties: { enableRBAC: true }
            }
            """
        let loaded = try BicepLoader.load(Array(cluster.utf8), path: "/nonexistent/cluster.bicep", parameters: nil, reader: DiskReader())
        #expect(loaded.clusters.map(\.displayName) == ["'aks-${prefix}'"])
        let pool = """
            param clusterName string
            param suffix string
            resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' existing = {
              name: clusterName
            }
            resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2025-10-01' = {
              parent: aks
              name: 'user${suffix}'
              properties: { count: 1, mode: 'User' }
            }
            """
        let pools = try BicepLoader.load(Array(pool.utf8), path: "/nonexistent/pool.bicep", parameters: nil, reader: DiskReader())
        #expect(pools.clusters.map(\.displayName) == ["clusterName"])
        #expect(pools.clusters.first?.agentPools.map(\.displayName) == ["'user${suffix}'"])
    }

    @Test("AVM's managed-cluster main.bicep gives the same verdicts as its compiled main.json; the unknown name is shown as written in each", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func avmEquivalence() throws {
        let folder = Paths.corpus + "/bicep/avm-managed-cluster/"
        let (_, fromBicep) = try lint(folder + "main.bicep")
        let template = try InputLoader.load(try readBytes(folder + "main.json"))
        let fromJSON = try LintEngine(rules: BuiltinRules.all, context: RuleContext(evaluationDay: CalendarDay("2026-12-01")!)).evaluate(template, path: "main.json")
        #expect(fromBicep.count > 40)
        #expect(Set(fromBicep.map(\.cluster.displayName)) == ["name"])
        #expect(Set(fromJSON.map(\.cluster.displayName)) == ["[parameters('name')]"])
        let renamed = verdicts(fromBicep).map { $0.replacing(" name ", with: " [parameters('name')] ", maxReplacements: 1) }
        #expect(renamed == verdicts(fromJSON))
    }

    @Test("a JSON parameters file applies to a Bicep file as to its compiled template")
    func parameters() throws {
        let parameters = try TemplateParameters.parse(Array(#"{"parameters": {"production": {"value": false}}}"#.utf8), path: "twin.parameters.json")
        let (_, findings) = try lint(Paths.fixture("bicep/twin.bicep"), parameters: parameters)
        let local = try #require(findings.first { $0.ruleId == "AKS103" })
        #expect(local.state == .fail)
        #expect(local.message.contains("twin.parameters.json"))
    }

    @Test(".bicepparam values are expressions over the file's variables; what only the deployment knows stays unresolved")
    func bicepParameters() throws {
        let path = Paths.fixture("bicep/staging.bicepparam")
        let file = try BicepParametersFile.parse(try readBytes(path), path: path)
        #expect(file.usingPath == "./twin.bicep")
        let (loaded, findings) = try lint(Paths.fixture("bicep/twin.bicep"), parameters: file.parameters)
        #expect(loaded.clusters.map(\.displayName) == ["staging-twin-aks"])
        let local = try #require(findings.first { $0.ruleId == "AKS103" })
        #expect(local.state == .fail, "production = environment == 'prod' is false for staging")
        #expect(local.message.contains("staging.bicepparam"))
        let kubenet = try #require(findings.first { $0.ruleId == "AKS209" })
        #expect(kubenet.state == .indeterminate)
        #expect(kubenet.unresolvedExpression?.contains("readEnvironmentVariable('NETWORK_PLUGIN'") == true)
        #expect(throws: InputError.self) { try BicepParametersFile.parse(Array("param x = {".utf8), path: "bad.bicepparam") }
    }

    /// Answers every read with the same secret-looking text, to see which reads are made.
    struct LeakyReader: SourceFileReader {
        func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] { Array("SECRET-OF-THE-CI-MACHINE".utf8) }
        func isFile(_ path: String) -> Bool { true }
    }

    @Test("loadTextContent reads nothing outside the input's folder, and a module must be a .bicep or .json file")
    func hostileFileReads() throws {
        let text = """
            module m '../../etc/passwd' = { name: 'm' }
            resource aks 'Microsoft.ContainerService/managedClusters@2025-10-01' = {
              name: 'aks'
              properties: {
                dnsPrefix: loadTextContent('../../../etc/hostname')
                kubernetesVersion: loadTextContent('version.txt')
              }
            }
            """
        let loaded = try BicepLoader.load(Array(text.utf8), path: "/repo/infra/main.bicep", parameters: nil, reader: LeakyReader())
        let properties = try #require(loaded.clusters.first?.properties)
        #expect(properties.child("dnsPrefix")?.node.unresolvedValue?.reason.contains("outside the input's folder") == true)
        #expect(properties.child("kubernetesVersion")?.node.string == "SECRET-OF-THE-CI-MACHINE", "a file inside the folder is read")
        #expect(loaded.warnings.contains { $0.message.contains("is not a .bicep or .json file") })
    }

    @Test("a statement that does not parse makes the input invalid, and the cluster after it is still linted")
    func recovery() throws {
        let (loaded, findings) = try lint(Paths.fixture("invalid/syntax-error.bicep"))
        #expect(loaded.errors.count == 1)
        #expect(loaded.errors.first?.position == SourcePosition(line: 5, column: 16))
        #expect(findings.first { $0.ruleId == "AKS104" }?.state == .fail)
        let report = InputReport(path: "syntax-error.bicep", loaded: loaded, results: findings)
        #expect(report.error?.message.hasPrefix("expected ':'") == true)
        #expect(!report.results.isEmpty)
    }
}
