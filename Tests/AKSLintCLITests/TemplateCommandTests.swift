@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing

@Suite("Templates on the command line", .serialized)
struct TemplateCommandTests {
    @Test("a sibling NAME.parameters.json is applied, and the report says so")
    func siblingParameters() throws {
        let text = akslint("Fixtures/arm/public-cluster.json")
        #expect(text.standardOutput.hasPrefix("Fixtures/arm/public-cluster.json — cluster aks-prod with parameters from Fixtures/arm/public-cluster.parameters.json"))
        let json = try JSON(akslint("-f", "json", "Fixtures/arm/public-cluster.json").standardOutput)
        #expect(json["inputs"][0]["parameters"].string == "Fixtures/arm/public-cluster.parameters.json")
        #expect(json["inputs"][0]["format"].string == "arm-template")
    }

    @Test("--parameters replaces the sibling file; a broken one is a usage error")
    func explicitParameters() throws {
        let path = "/tmp/akslint-params-\(UInt32.random(in: 0...UInt32.max)).json"
        try writeText(#"{"parameters": {"clusterName": {"value": "aks-staging"}, "networkPolicy": {"value": "cilium"}}}"#, to: path)
        defer { unlink(path) }
        let report = try JSON(akslint("-f", "json", "--parameters", path, "Fixtures/arm/public-cluster.json").standardOutput)
        #expect(report.clusterNames(of: report["inputs"][0]) == ["aks-staging"])
        #expect(!report["findings"].array.contains { $0["ruleId"].string == "AKS205" })
        let broken = akslint("-p", "Fixtures/invalid/truncated.json", "Fixtures/arm/public-cluster.json")
        #expect(broken.exitCode == .inputOrUsageError)
        #expect(broken.standardError.contains("--parameters Fixtures/invalid/truncated.json:6:1"))
    }

    @Test("-p TEMPLATE=FILE gives each template its own parameters; the others keep theirs")
    func pairedParameters() throws {
        let staging = "/tmp/akslint-params-\(UInt32.random(in: 0...UInt32.max)).json"
        let calico = staging + ".calico.json"
        try writeText(#"{"parameters": {"clusterName": {"value": "aks-staging"}, "networkPolicy": {"value": "cilium"}}}"#, to: staging)
        try writeText(#"{"parameters": {"networkPolicy": {"value": "calico"}}}"#, to: calico)
        defer { unlink(staging); unlink(calico) }
        let outcome = akslint(
            "-f", "json", "-p", "./Fixtures/arm/public-cluster.json=" + staging, "-p", "Fixtures/arm/allowed-values.json=" + calico,
            "Fixtures/arm/public-cluster.json", "Fixtures/arm/allowed-values.json", "Fixtures/arm/symbolic-resources.json")
        let report = try JSON(outcome.standardOutput)
        let inputs = report["inputs"].array
        #expect(inputs.map { $0["parameters"].string } == [staging, calico, ""], "\(outcome.standardError)")
        #expect(report.clusterNames(of: inputs[0]) == ["aks-staging"])
    }

    @Test("a fix command never holds a template expression: the placeholder, and a comment saying where the name comes from")
    func commandsWithoutExpressions() throws {
        let template = #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "parameters": {"name": {"type": "string"}}, "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-05-01", "name": "[parameters('name')]", "properties": {"disableLocalAccounts": false}}]}"#
        let outcome = akslint("--no-config", "--rule", "AKS103", "--stdin-filename", "aks.json", "-", stdin: template)
        #expect(outcome.standardOutput.contains("fix: az aks update -g <resource-group> -n <cluster-name> --disable-local-accounts   # <cluster-name> is [parameters('name')] in the template\n"), "\(outcome.standardOutput)")
        #expect(!outcome.standardOutput.contains("-n '["))
    }

    @Test("-p is refused when it is ambiguous or names no input", arguments: [
        (["-p", "a.parameters.json", "-p", "b.parameters.json"], "-p a.parameters.json and -p b.parameters.json both name a parameters file for every template; give each its template, as -p TEMPLATE=FILE"),
        (["-p", "Fixtures/arm/public-cluster.json=x.json", "-p", "./Fixtures/arm/public-cluster.json=y.json"], "-p gives ./Fixtures/arm/public-cluster.json two parameters files (x.json and y.json)"),
        (["-p", "=x.json"], "-p =x.json: give both the template and its parameters file, as -p TEMPLATE=FILE"),
        (["-p", "Fixtures/arm/other.json=Fixtures/arm/public-cluster.parameters.json"], "-p Fixtures/arm/other.json=Fixtures/arm/public-cluster.parameters.json: Fixtures/arm/other.json is not among the inputs"),
    ])
    func ambiguousParameters(arguments: [String], message: String) {
        let outcome = akslint(arguments: arguments + ["Fixtures/arm/public-cluster.json"])
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test("a template whose settings cannot be known offline is indeterminate, and --strict gates on it")
    func strictTemplates() {
        #expect(akslint("--rule", "AKS202", "Fixtures/arm/nested-deployments.json").exitCode == .findings, "the dr cluster is public")
        // AKS106 passes on aks-symbolic and is indeterminate on the conditional canary cluster.
        let lenient = akslint("--rule", "AKS106", "Fixtures/arm/symbolic-resources.json")
        #expect(lenient.exitCode == .success)
        #expect(lenient.standardOutput.contains("indeterminate"))
        #expect(akslint("--rule", "AKS106", "--strict", "--fail-on", "medium", "Fixtures/arm/symbolic-resources.json").exitCode == .findings)
    }

    private func writeText(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
        defer { fclose(handle) }
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    }
}

#if canImport(Glibc)
import Glibc
#endif

@Suite("Credentials are never printed", .serialized)
struct CredentialTests {
    static let canaries = ["Canary-Windows-5f1c9e", "Canary-Param-8d2a41", "Canary-Literal-2b7e0d", "Canary-Expr-6a3f"]

    @Test("AKS306 fails each inline credential and no report, format or stream shows its value", arguments: [
        ["-f", "text"], ["-f", "json", "--include-passed"], ["-f", "sarif"], ["-f", "text", "--color", "always"], ["-f", "json", "--strict"],
    ])
    func neverPrinted(arguments: [String]) throws {
        let outcome = akslint(arguments: arguments + ["--fail-on", "never", "Fixtures/arm/inline-credentials.json"])
        for canary in Self.canaries {
            #expect(!outcome.standardOutput.contains(canary) && !outcome.standardError.contains(canary), "\(canary) leaked with \(arguments)")
        }
        #expect(outcome.standardOutput.contains("AKS306"))
    }

    @Test("each way a credential gets into a template is named, without its value")
    func messages() throws {
        let report = try JSON(akslint("-f", "json", "--rule", "AKS306", "Fixtures/arm/inline-credentials.json").standardOutput)
        let messages = report["findings"].array.filter { $0["state"].string == "fail" }.map { $0["message"].string }
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("service principal secret is written literally in the template") })
        #expect(messages.contains { $0.contains("Windows administrator password is written as the default value of secure parameter 'windowsAdminPassword' (line 5)") })
        #expect(messages.contains { $0.contains("legacy Azure AD server application secret is written as an expression over values in the template") })
        #expect(messages.contains { $0.contains("service principal secret is written as the default value of parameter 'spSecret'") })
        #expect(report["findings"].array.allSatisfy { $0["severity"].string == "critical" })
    }
}
