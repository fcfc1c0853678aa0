@testable import AKSLintCLI
import AKSLintTestSupport
import FoundationEssentials
import Testing

/// What a directory scan leaves out (`node_modules`, `--exclude`) and how SARIF uploads are kept
/// apart (`--sarif-category`).
@Suite("Scan scope and SARIF categories")
struct ScanScopeTests {
    @Test("a broken JSON file in node_modules does not fail the run, and the note says what was left out")
    func nodeModulesAreLeftOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cluster = String(decoding: try readBytes(Paths.fixture("az/hardened.json")), as: UTF8.self)
        try directory.write(cluster, to: "cluster.json")
        _ = directory.directory("node_modules")
        _ = directory.directory("node_modules/left-pad")
        try directory.write("{ not json", to: "node_modules/left-pad/package.json")

        let outcome = akslint("--fail-on", "never", directory.path)
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("left out of the scan: 1 node_modules folder"))
        #expect(!outcome.standardError.contains("package.json"))
        // Named explicitly, the same file is read, and its error is reported.
        let named = akslint("--fail-on", "never", directory.path + "/node_modules/left-pad/package.json")
        #expect(named.exitCode == .inputOrUsageError)
    }

    @Test("--exclude leaves out names anywhere (no slash) and paths below the scanned folder (with a slash)")
    func excludePatterns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cluster = String(decoding: try readBytes(Paths.fixture("az/prod-insecure.json")), as: UTF8.self)
        _ = directory.directory("env")
        _ = directory.directory("env/dev")
        _ = directory.directory("examples")
        try directory.write(cluster, to: "env/dev/cluster.json")
        try directory.write("{ broken", to: "env/dev/cluster.draft.json")
        try directory.write("{ broken", to: "examples/sample.json")

        let unfiltered = akslint("--fail-on", "never", "-q", directory.path)
        #expect(unfiltered.exitCode == .inputOrUsageError)

        let filtered = akslint("--fail-on", "never", "--exclude", "*.draft.json", "--exclude", "examples/**", "-f", "json", directory.path)
        #expect(filtered.exitCode == .success, "\(filtered.standardError)")
        #expect(filtered.standardError.contains("2 paths matching --exclude"))
        let report = try JSON(filtered.standardOutput)
        #expect(report["inputs"].array.map { $0["path"].string } == [directory.path + "/env/dev/cluster.json"])
    }

    @Test("glob segments: * stays within a name, ** spans folders, ? is one character")
    func globMatching() {
        #expect(PathPattern("*.parameters.json").matches("env/prod/aks.parameters.json"))
        #expect(!PathPattern("*.parameters.json").matches("env/prod/aks.json"))
        #expect(PathPattern("examples/**").matches("examples/a/b/c.json"))
        #expect(!PathPattern("examples/**").matches("src/examples.json"))
        #expect(PathPattern("env/*/dev.json").matches("env/eu/dev.json"))
        #expect(!PathPattern("env/*/dev.json").matches("env/eu/west/dev.json"))
        #expect(PathPattern("env/**/dev.json").matches("env/eu/west/dev.json"))
        #expect(PathPattern("env/**/dev.json").matches("env/dev.json"))
        #expect(PathPattern("./build/").matches("build"))
        #expect(PathPattern("c?uster.json").matches("a/cluster.json"))
        // A pattern made to backtrack stays fast: 60 stars against a 4,000-character name.
        let name = String(repeating: "a", count: 4_000)
        #expect(!PathPattern(String(repeating: "*a", count: 60) + "b").matches(name))
    }

    @Test("--sarif-category sets runs[].automationDetails.id, and a category GitHub would misread is refused")
    func sarifCategory() throws {
        let plain = try JSON(akslint("-f", "sarif", "--fail-on", "never", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(plain["runs"][0]["automationDetails"]["id"].string == "akslint/")
        let prod = try JSON(akslint("-f", "sarif", "--sarif-category", "prod/westeurope", "--fail-on", "never", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(prod["runs"][0]["automationDetails"]["id"].string == "akslint/prod/westeurope/")
        for bad in ["prod/", "", "prod env", "pr\u{1b}[31mod"] {
            let refused = akslint("-f", "sarif", "--sarif-category", bad, "Fixtures/az/prod-insecure.json")
            #expect(refused.exitCode == .inputOrUsageError)
            #expect(refused.standardError.contains("invalid --sarif-category"))
            #expect(!refused.standardError.contains("\u{1b}"))
        }
    }
}
