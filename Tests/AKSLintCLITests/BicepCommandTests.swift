@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing

@Suite("Bicep on the command line", .serialized)
struct BicepCommandTests {
    @Test("a Bicep syntax error is one line with file:line:col, exit 2, and every input is still linted and reported")
    func syntaxError() throws {
        let run = akslint("-f", "json", "Fixtures/invalid/syntax-error.bicep", "Fixtures/az/prod-insecure.json")
        #expect(run.exitCode == .inputOrUsageError)
        #expect(run.standardError.contains("Fixtures/invalid/syntax-error.bicep:5:16: error: expected ':' after the property name"))
        let report = try JSON(run.standardOutput)
        let clusters = report["findings"].array.compactMap { $0["cluster"]["name"].string }
        #expect(clusters.contains("recovered") && clusters.contains("prod-aks"))
    }

    @Test("a directory scan finds .bicep files, lints a module only through its caller, and SARIF points at the module's file")
    func directoryScan() throws {
        let report = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/bicep").standardOutput)
        let paths = Set(report["inputs"].array.compactMap { $0["path"].string })
        #expect(paths == ["Fixtures/bicep/main.bicep", "Fixtures/bicep/twin.bicep", "Fixtures/bicep/twin.json"])
        let sarif = try JSON(akslint("-f", "sarif", "--fail-on", "never", "Fixtures/bicep/main.bicep").standardOutput)
        let uris = Set(sarif["runs"][0]["results"].array.compactMap { $0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].string })
        #expect(uris == ["Fixtures/bicep/main.bicep", "Fixtures/bicep/modules/regional-cluster.bicep"])
    }
}
