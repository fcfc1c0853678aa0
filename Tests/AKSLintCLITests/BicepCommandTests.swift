@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Bicep on the command line", .serialized)
struct BicepCommandTests {
    @Test("a Bicep syntax error is one line with file:line:col, exit 2, and every input is still linted and reported")
    func syntaxError() throws {
        let run = akslint("-f", "json", "Fixtures/invalid/syntax-error.bicep", "Fixtures/az/prod-insecure.json")
        #expect(run.exitCode == .inputOrUsageError)
        #expect(run.standardError.contains("Fixtures/invalid/syntax-error.bicep:5:16: error: expected ':' after the property name"))
        let report = try JSON(run.standardOutput)
        let module = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/bicep/main.bicep").standardOutput)
        #expect(module["findings"].array.contains { module.cluster(of: $0)["deployedBy"].string == "regional at Fixtures/bicep/main.bicep:110" })
        #expect(akslint("--fail-on", "never", "Fixtures/bicep/main.bicep").standardOutput.contains("cluster aks-westeurope (deployed by regional at Fixtures/bicep/main.bicep:110)"))
        let clusters = report["findings"].array.compactMap { report.cluster(of: $0)["name"].string }
        #expect(clusters.contains("recovered") && clusters.contains("prod-aks"))
    }

    @Test("a .bicepparam file as the input lints the file it is using; with -p it applies to the file named; beside NAME.bicep it is found")
    func bicepParameters() throws {
        let asInput = akslint("--fail-on", "never", "Fixtures/bicep/staging.bicepparam")
        #expect(asInput.standardOutput.hasPrefix("Fixtures/bicep/twin.bicep — cluster staging-twin-aks with parameters from Fixtures/bicep/staging.bicepparam"))
        let explicit = akslint("--fail-on", "never", "-p", "Fixtures/bicep/staging.bicepparam", "Fixtures/bicep/twin.bicep")
        #expect(explicit.standardOutput.hasPrefix("Fixtures/bicep/twin.bicep — cluster staging-twin-aks"))
        let folder = "/tmp/akslint-bicepparam-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(folder, 0o700) == 0)
        defer { _ = unlink(folder + "/twin.bicep"); _ = unlink(folder + "/twin.bicepparam"); _ = rmdir(folder) }
        try copy(Paths.fixture("bicep/twin.bicep"), to: folder + "/twin.bicep")
        try copy(Paths.fixture("bicep/staging.bicepparam"), to: folder + "/twin.bicepparam")
        let sibling = akslint("--fail-on", "never", folder + "/twin.bicep")
        #expect(sibling.standardOutput.contains("cluster staging-twin-aks with parameters from \(folder)/twin.bicepparam"))
    }

    private func copy(_ source: String, to destination: String) throws {
        let bytes = try readBytes(source)
        guard let handle = fopen(destination, "wb") else { throw CopyFailure() }
        defer { fclose(handle) }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    struct CopyFailure: Error {}

    @Test("a registry module is linted from the Bicep CLI's cache when `bicep restore` put it there, and named in a warning when not")
    func registryCache() throws {
        let home = Paths.fixture("bicep/registry-home")
        let cached = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/bicep/main.bicep", variables: ["HOME": home]).standardOutput)
        let local = try #require(cached["findings"].array.first { $0["ruleId"].string == "AKS103" && cached.cluster(of: $0)["name"].string == "registry-cluster" })
        #expect(local["state"].string == "fail")
        #expect(local["location"]["path"].string == home + "/.bicep/br/mcr.microsoft.com/bicep$avm$res$container-service$managed-cluster/0.9.0$/main.json")
        #expect(!cached["warnings"].array.contains { $0["message"].string.contains("managed-cluster:0.9.0") })
        let missing = akslint("--fail-on", "never", "Fixtures/bicep/main.bicep", variables: ["HOME": "/nonexistent"])
        #expect(missing.standardError.contains("module br/public:avm/res/container-service/managed-cluster:0.9.0 comes from a registry, which akslint does not fetch (it is not in the Bicep cache at /nonexistent/.bicep/br/"))
        #expect(!missing.standardOutput.contains("registry-cluster"))
    }

    @Test("bicepconfig.json aliases find a private registry module and a template spec in the cache; an unknown alias is named, and --strict fails on it")
    func configuredAliases() throws {
        let home = Paths.fixture("bicep/registry-home")
        let input = "Fixtures/bicep/aliases/main.bicep"
        let run = akslint("-f", "json", "--fail-on", "critical", input, variables: ["HOME": home])
        #expect(run.exitCode == .success)
        let report = try JSON(run.standardOutput)
        let verdicts = Dictionary(report["findings"].array.filter { $0["ruleId"].string == "AKS103" }.map { (report.cluster(of: $0)["name"].string, $0["location"]["path"].string) }) { first, _ in first }
        #expect(verdicts.keys.sorted() == ["aks-spec-prod"], "the registry module disables local accounts; the template spec does not")
        #expect(verdicts["aks-spec-prod"] == home + "/.bicep/ts/11111111-2222-3333-4444-555555555555/platform-specs/aks-spec/v1/main.json")
        #expect(report.clusterNames(of: report["inputs"][0]) == ["aks-baseline-prod", "aks-spec-prod"])
        let unchecked = report["warnings"].array.filter { $0["leavesUnchecked"].bool == true }
        #expect(unchecked.count == 1)
        #expect(unchecked.first?["message"].string.contains("alias br/nowhere is not defined by a bicepconfig.json at or above the file") == true)
        let strict = akslint("--strict", "--fail-on", "critical", input, variables: ["HOME": home])
        #expect(strict.exitCode == .findings, "a module nobody checked counts for the gate under --strict")
    }

    @Test("a directory scan finds .bicep and .bicepparam files, lints a module only through its caller and a parameterised file through its parameters, and SARIF points at the module's file")
    func directoryScan() throws {
        let report = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/bicep").standardOutput)
        let paths = Set(report["inputs"].array.compactMap { $0["path"].string })
        #expect(paths == ["Fixtures/bicep/aliases/main.bicep", "Fixtures/bicep/main.bicep", "Fixtures/bicep/twin.bicep", "Fixtures/bicep/twin.json"])
        let twin = report["inputs"].array.first { $0["path"].string == "Fixtures/bicep/twin.bicep" }
        #expect(twin.map(report.clusterNames) == ["staging-twin-aks"], "twin.bicep is linted once, through the staging.bicepparam that is using it")
        let sarif = try JSON(akslint("-f", "sarif", "--fail-on", "never", "Fixtures/bicep/main.bicep").standardOutput)
        let uris = Set(sarif["runs"][0]["results"].array.compactMap { $0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].string })
        #expect(uris == ["Fixtures/bicep/main.bicep", "Fixtures/bicep/modules/regional-cluster.bicep"])
    }
}
