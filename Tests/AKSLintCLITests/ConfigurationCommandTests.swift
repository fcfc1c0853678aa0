@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing

/// `.akslint.json`, `--config`, inline suppressions and baselines, end to end through the command line.
@Suite("Configuration, suppressions and baselines on the command line", .serialized)
struct ConfigurationCommandTests {
    static let adoption = "Fixtures/config/adoption.akslint.json"

    @Test("with none above the inputs, the nearest .akslint.json from the working directory up is used and named in the report")
    func discovery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try directory.write(#"{"failOn": "never"}"#, to: ".akslint.json")
        _ = directory.directory("teams")
        let working = directory.directory("teams/platform")
        let outcome = akslint("-f", "json", Paths.fixture("az/prod-insecure.json"), workingDirectory: working)
        #expect(outcome.exitCode == .success, "failOn never comes from \(config)")
        #expect(try JSON(outcome.standardOutput)["suppressions"]["configuration"].string == config)

        let ignored = akslint("--no-config", Paths.fixture("az/prod-insecure.json"), workingDirectory: working)
        #expect(ignored.exitCode == .findings, "--no-config reads nothing")
        #expect(ConfigurationLoader.discover(from: working) == config)
        #expect(ConfigurationLoader.discover(from: working + "/../platform/.") == config, "paths are normalized")
    }

    @Test("the nearest .akslint.json above the inputs wins over the working directory's, and the run names what it used")
    func discoveryBesideInputs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(#"{"failOn": "critical"}"#, to: ".akslint.json")
        let infra = directory.directory("infra")
        let config = try directory.write(#"{"failOn": "never"}"#, to: "infra/.akslint.json")
        _ = directory.directory("infra/clusters")
        let input = try directory.write(String(decoding: try readBytes(Paths.fixture("az/prod-insecure.json")), as: UTF8.self), to: "infra/clusters/prod.json")
        let working = directory.directory("elsewhere")
        for path in [input, infra] {
            let outcome = akslint("-f", "json", path, workingDirectory: working)
            #expect(outcome.exitCode == .success, "\(path): failOn never comes from \(config)")
            #expect(try JSON(outcome.standardOutput)["suppressions"]["configuration"].string == config)
            #expect(outcome.standardError.contains("akslint: note: using the configuration \(config)\n"))
        }
        let quiet = akslint("-q", input, workingDirectory: working)
        #expect(!quiet.standardError.contains("using the configuration"))
    }

    @Test("inputs whose nearest configurations differ are refused, not linted with the wrong one")
    func conflictingConfigurations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fixture = String(decoding: try readBytes(Paths.fixture("az/prod-insecure.json")), as: UTF8.self)
        for team in ["a", "b"] {
            _ = directory.directory(team)
            try directory.write(#"{"failOn": "never"}"#, to: "\(team)/.akslint.json")
            try directory.write(fixture, to: "\(team)/cluster.json")
        }
        let outcome = akslint(directory.path + "/a/cluster.json", directory.path + "/b")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("the inputs have different configurations (\(directory.path)/a/.akslint.json for \(directory.path)/a/cluster.json, \(directory.path)/b/.akslint.json for \(directory.path)/b): lint them in separate runs, or choose one with --config"))
        #expect(akslint("--config", directory.path + "/a/.akslint.json", directory.path + "/a/cluster.json", directory.path + "/b").exitCode == .success, "--config settles it")
    }

    @Test("a configuration that cannot be used stops the run: exit 2, file, line and column, no report")
    func badConfiguration() {
        let broken = akslint("--config", "Fixtures/config/broken.akslint.json", "Fixtures/az/prod-insecure.json")
        #expect(broken.exitCode == .inputOrUsageError)
        #expect(broken.standardOutput.isEmpty)
        #expect(broken.standardError == "akslint: error: Fixtures/config/broken.akslint.json:4:15: unknown rule \"AKS2O1\" (run 'akslint rules' for the list)\n")

        let missing = akslint("--config", "/nonexistent/.akslint.json", "Fixtures/az/prod-insecure.json")
        #expect(missing.exitCode == .inputOrUsageError)
        #expect(missing.standardError.hasPrefix("akslint: error: /nonexistent/.akslint.json: the configuration cannot be read: no such file or directory"))

        let both = akslint("--config", Self.adoption, "--no-config", "Fixtures/az/prod-insecure.json")
        #expect(both.exitCode == .inputOrUsageError)
    }

    @Test("suppressed findings stay in JSON with their suppression, leave text and SARIF, and do not fail the run")
    func suppressedFindings() throws {
        let json = try JSON(akslint("-f", "json", "--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json").standardOutput)
        let privateCluster = try #require(json["findings"].array.first { $0["ruleId"].string == "AKS201" && json.cluster(of: $0)["name"].string == "prod-aks" })
        #expect(privateCluster["state"].string == "fail")
        #expect(privateCluster["suppressed"]["kind"].string == "external")
        #expect(privateCluster["suppressed"]["justification"].string == "Private cluster migration planned with the network team (NET-118).")
        #expect(privateCluster["suppressed"]["source"].string == "Fixtures/config/adoption.akslint.json:7")
        #expect(privateCluster["suppressed"]["expires"].string == "2027-03-31")
        #expect(json["summary"]["suppressed"].int == 2)

        let text = akslint("--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json")
        #expect(!text.standardOutput.contains("AKS201 private-cluster"))
        #expect(text.standardOutput.contains("2 suppressed or in the baseline"))
        #expect(text.standardError.contains(", 2 suppressed."))

        let sarif = try JSON(akslint("-f", "sarif", "--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json").standardOutput)
        #expect(!sarif["runs"][0]["results"].array.contains { $0["ruleId"].string == "AKS201" })
        let included = try JSON(akslint("-f", "sarif", "--sarif-include-suppressed", "--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json").standardOutput)
        let marked = try #require(included["runs"][0]["results"].array.first { $0["ruleId"].string == "AKS201" })
        #expect(marked["suppressions"][0]["kind"].string == "external")
        #expect(marked["suppressions"][0]["status"].string == "accepted")
        #expect(marked["suppressions"][0]["justification"].string.hasPrefix("Private cluster migration"))

        // The gate: AKS201 is a medium failure; suppressed, it no longer fails the run.
        #expect(akslint("--no-config", "--rule", "AKS201", "--fail-on", "medium", "Fixtures/az/prod-insecure.json").exitCode == .findings)
        #expect(akslint("--config", Self.adoption, "--rule", "AKS201", "--fail-on", "medium", "Fixtures/az/prod-insecure.json").exitCode == .success)
    }

    @Test("expired and unused suppressions are reported on standard error, in JSON and in SARIF")
    func reviewNotes() throws {
        let outcome = akslint("-f", "json", "--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json")
        #expect(outcome.standardError.contains("Fixtures/config/adoption.akslint.json:18: warning: the suppression of AKS103 for prod-aks expired on 2026-06-30; its findings are reported again\n"))
        #expect(outcome.standardError.contains("Fixtures/config/adoption.akslint.json:24: warning: the suppression of AKS104 matched no finding; remove it if the finding is fixed\n"))
        let json = try JSON(outcome.standardOutput)
        #expect(json["suppressions"]["expired"][0]["rule"].string == "AKS103")
        #expect(json["suppressions"]["expired"][0]["expires"].string == "2026-06-30")
        #expect(json["suppressions"]["unused"][0]["rule"].string == "AKS104")
        #expect(json["findings"].array.first { $0["ruleId"].string == "AKS103" }?["suppressed"].isNull == true)

        let sarif = try JSON(akslint("-f", "sarif", "--config", Self.adoption, "--as-of", "2026-11-24", "Fixtures/az/aks-list.json").standardOutput)
        let notes = sarif["runs"][0]["invocations"][0]["toolConfigurationNotifications"].array
        #expect(notes.count == 2)
        #expect(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"].int == 18)
    }

    @Test("disabled rules do not run, unless named with --rule; severity overrides reach findings and SARIF")
    func rulesAndSeverities() throws {
        let json = try JSON(akslint("-f", "json", "--config", Self.adoption, "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(json["summary"]["rulesEvaluated"].int == defaultRules.count - 1, "AKS702 is disabled")
        #expect(!json["findings"].array.contains { $0["ruleId"].string == "AKS702" })
        #expect(json["findings"].array.first { $0["ruleId"].string == "AKS604" }?["severity"].string == "info")
        let sarif = try JSON(akslint("-f", "sarif", "--config", Self.adoption, "Fixtures/az/prod-insecure.json").standardOutput)
        let rule = try #require(sarif["runs"][0]["tool"]["driver"]["rules"].array.first { $0["id"].string == "AKS604" })
        #expect(rule["defaultConfiguration"]["level"].string == "note")
        let named = try JSON(akslint("-f", "json", "--config", Self.adoption, "--rule", "AKS702", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(named["findings"].array.map { $0["ruleId"].string } == ["AKS702", "AKS702"])
    }

    @Test("failOn and strict come from the configuration unless the command line says otherwise")
    func gateSettings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lenient = try directory.write(#"{"failOn": "critical"}"#, to: "lenient.json")
        #expect(akslint("--config", lenient, "Fixtures/az/prod-insecure.json").exitCode == .success, "no critical finding")
        #expect(akslint("--config", lenient, "--fail-on", "high", "Fixtures/az/prod-insecure.json").exitCode == .findings)

        // A template whose only checked value is known at deployment: AKS103 is indeterminate.
        let template = try directory.write("""
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
             "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
               "properties": {"disableLocalAccounts": "[reference('settings').disableLocal]"}}]}
            """, to: "template.json")
        let strict = try directory.write(#"{"strict": true}"#, to: "strict.json")
        let relaxed = akslint("--no-config", "--rule", "AKS103", template)
        #expect(relaxed.standardError.contains("1 indeterminate"))
        #expect(relaxed.exitCode == .success)
        #expect(akslint("--config", strict, "--rule", "AKS103", template).exitCode == .findings, "strict from the configuration")
        #expect(akslint("--no-config", "--strict", "--rule", "AKS103", template).exitCode == .findings)
    }

    @Test("--write-baseline accepts today's findings; --baseline reports only new ones, even after reformatting")
    func baselineWorkflow() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let baseline = directory.path + "/akslint-baseline.json"

        let counts = try jsonSummary("--no-config", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        let (failed, passed) = (counts["fail"].int, counts["pass"].int)
        let written = akslint("--no-config", "--as-of", "2026-11-24", "--write-baseline", baseline, "Fixtures/az/prod-insecure.json")
        #expect(written.exitCode == .success, "the recorded findings are accepted in this run too")
        #expect(written.standardError.contains("akslint: note: wrote \(failed) findings to the baseline \(baseline)"))
        #expect(try directory.read("akslint-baseline.json").contains("\"ruleId\": \"AKS103\""))

        // The same cluster, re-indented with tabs and shifted down by blank lines.
        let original = String(decoding: try readBytes(Paths.fixture("az/prod-insecure.json")), as: UTF8.self)
        let reformatted = "\n\n\n" + original.replacing("  ", with: "\t")
        let moved = try directory.write(reformatted, to: "prod.json")
        let again = akslint("--no-config", "--as-of", "2026-11-24", "--baseline", baseline, moved)
        #expect(again.exitCode == .success)
        #expect(again.standardError.hasSuffix("0 failed, 0 indeterminate, \(passed) passed, \(failed) in the baseline.\n"))
        let sarif = try JSON(akslint("-f", "sarif", "--no-config", "--as-of", "2026-11-24", "--baseline", baseline, moved).standardOutput)
        #expect(sarif["runs"][0]["results"].array.isEmpty)
        let included = try JSON(akslint("-f", "sarif", "--sarif-include-suppressed", "--no-config", "--as-of", "2026-11-24", "--baseline", baseline, moved).standardOutput)
        #expect(included["runs"][0]["results"].array.count == failed)
        #expect(included["runs"][0]["results"].array.allSatisfy { $0["baselineState"].string == "unchanged" && $0["suppressions"][0]["kind"].string == "external" })

        let regressed = try directory.write(reformatted.replacing("\"enableRbac\": true", with: "\"enableRbac\": false"), to: "prod-regressed.json")
        let new = akslint("-f", "sarif", "--no-config", "--as-of", "2026-11-24", "--baseline", baseline, regressed)
        #expect(new.exitCode == .findings)
        let newResults = try JSON(new.standardOutput)["runs"][0]["results"].array
        #expect(newResults.map { $0["ruleId"].string } == ["AKS104"])
        #expect(newResults.first?["baselineState"].string == "new")
    }

    @Test("a baseline that is missing or is not one is an error, exit 2")
    func badBaseline() throws {
        let missing = akslint("--baseline", "/nonexistent/baseline.json", "Fixtures/az/prod-insecure.json")
        #expect(missing.exitCode == .inputOrUsageError)
        #expect(missing.standardError.hasPrefix("akslint: error: /nonexistent/baseline.json: the baseline cannot be read"))
        let notBaseline = akslint("--baseline", "Fixtures/az/hardened.json", "Fixtures/az/prod-insecure.json")
        #expect(notBaseline.exitCode == .inputOrUsageError)
        #expect(notBaseline.standardError.contains("not an akslint baseline"))
    }

    @Test("inline suppressions from a template reach every report, and their problems are warned about")
    func inlineSuppressions() throws {
        let outcome = akslint("-f", "json", "--no-config", "Fixtures/arm/inline-suppressions.json")
        let json = try JSON(outcome.standardOutput)
        let suppressed = try #require(json["findings"].array.first { $0["ruleId"].string == "AKS201" })
        #expect(suppressed["suppressed"]["kind"].string == "inSource")
        #expect(suppressed["suppressed"]["source"].string == "Fixtures/arm/inline-suppressions.json:17")
        #expect(outcome.standardError.contains("Fixtures/arm/inline-suppressions.json:21:13: warning: the inline suppression of \"AKS205\" has no \"reason\""))
        #expect(outcome.standardError.contains("Fixtures/arm/inline-suppressions.json:20: warning: the suppression names \"AKS2O1\", which is no akslint rule"))
        let sarif = try JSON(akslint("-f", "sarif", "--sarif-include-suppressed", "--no-config", "Fixtures/arm/inline-suppressions.json").standardOutput)
        let result = try #require(sarif["runs"][0]["results"].array.first { $0["ruleId"].string == "AKS201" })
        #expect(result["suppressions"][0]["kind"].string == "inSource")
        #expect(result["baselineState"].isNull, "no baseline, no baseline state")
    }
}
