@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing

@Suite("Terraform on the command line", .serialized)
struct TerraformCommandTests {
    static let secrets = ["Sup3r-S3cret-Value!", "P@ssw0rd-Windows-2026", "legacy-aad-secret-xyz", "kubeconfig-token-4b1d-SECRET"]

    @Test("no secret of a plan or state reaches any report format, or the terminal", arguments: ["text", "json", "sarif", "junit", "markdown", "github"])
    func secretsNeverPrinted(format: String) {
        let run = akslint("-f", format, "--include-passed", "--rules", "all", "--fail-on", "never",
                          "Fixtures/terraform/v3-legacy/plan.json", "Fixtures/terraform/state/terraform.tfstate.json")
        #expect(run.exitCode == .success)
        #expect(run.standardOutput.contains("AKS306"))
        for secret in Self.secrets {
            #expect(!run.standardOutput.contains(secret) && !run.standardError.contains(secret), "\(secret) in the \(format) report")
        }
    }

    @Test("SARIF points at the module's .tf file, relative; the summary counts what the plan does")
    func sarifLocations() throws {
        let sarif = try JSON(akslint("-f", "sarif", "--fail-on", "never", "Fixtures/terraform/v4-module/plan.json").standardOutput)
        let uris = Set(sarif["runs"][0]["results"].array.compactMap { $0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].string })
        #expect(uris == ["Fixtures/terraform/v4-module/modules/aks/main.tf"])
        let text = akslint("--fail-on", "never", "Fixtures/terraform/v4-module/plan.json")
        #expect(text.standardError.contains("Terraform clusters: 1 to create, 1 to update, 1 to destroy (not linted)."))
        #expect(text.standardOutput.contains(#"cluster aks-dev (resource group rg-aks) (module.aks["dev"].azurerm_kubernetes_cluster.this, to create)"#))
        #expect(text.standardOutput.contains("    Terraform: microsoft_defender {\n        log_analytics_workspace_id = \"<workspace-id>\"\n      }\n"), "the fix is the Terraform block to write")
        #expect(!text.standardOutput.contains("    ARM: "), "a Terraform user is not shown ARM changes")
        let json = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/terraform/v4-module/plan.json").standardOutput)
        #expect(json["summary"]["planActions"]["delete"].int == 1)
        #expect(json["summary"]["planActions"]["create"].int == 1)
        #expect(json["inputs"][0]["format"].string == "terraform-plan")
        #expect(json["findings"].array.contains { json.cluster(of: $0)["terraformAddress"].string == #"module.aks["prod"].azurerm_kubernetes_cluster.this"# && json.cluster(of: $0)["planAction"].string == "update" })
    }

    @Test(".akslint.json suppressions match the resource address")
    func configurationByAddress() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let config = try folder.write(#"{"suppressions": [{"rule": "AKS401", "cluster": "module.aks[\"prod\"].*", "reason": "Defender is bought per subscription (SEC-7)"}]}"#, to: "akslint.json")
        let report = try JSON(akslint("-f", "json", "--fail-on", "never", "--config", config, "Fixtures/terraform/v4-module/plan.json").standardOutput)
        let defender = report["findings"].array.filter { $0["ruleId"].string == "AKS401" }
        #expect(defender.count == 2)
        #expect(defender.first { report.cluster(of: $0)["name"].string == "aks-prod" }?["suppressed"]["justification"].string == "Defender is bought per subscription (SEC-7)")
        #expect(defender.first { report.cluster(of: $0)["name"].string == "aks-dev" }?["suppressed"].isNull == true)
    }

    @Test("--terraform-dir finds the .tf files of a plan written elsewhere; without them findings point at the plan")
    func terraformDirectory() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let plan = try folder.write(String(decoding: try readBytes(Paths.fixture("terraform/v4-module/plan.json")), as: UTF8.self), to: "plan.json")
        let alone = try JSON(akslint("-f", "json", "--fail-on", "never", plan).standardOutput)
        #expect(alone["findings"].array.allSatisfy { $0["location"]["path"].string == plan })
        let located = try JSON(akslint("-f", "json", "--fail-on", "never", "--terraform-dir", "Fixtures/terraform/v4-module", plan).standardOutput)
        #expect(located["findings"].array.contains { $0["location"]["path"].string == "Fixtures/terraform/v4-module/modules/aks/main.tf" })
    }

    @Test("a directory scan finds plans and states; .tf files are read for lines, not linted as inputs")
    func directoryScan() throws {
        let report = try JSON(akslint("-f", "json", "--fail-on", "never", "Fixtures/terraform").standardOutput)
        var formats: [String: String] = [:]
        for input in report["inputs"].array {
            formats[input["path"].string] = input["format"].string
        }
        #expect(formats == [
            "Fixtures/terraform/azapi/plan.json": "terraform-plan", "Fixtures/terraform/state/terraform.tfstate.json": "terraform-state",
            "Fixtures/terraform/dynamic/plan.json": "terraform-plan",
            "Fixtures/terraform/v3-legacy/plan.json": "terraform-plan", "Fixtures/terraform/v4-module/plan.json": "terraform-plan",
        ])
    }
}
