@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import AKSLintRules
import Testing

/// Choosing rules by category, by another tool's id, by framework; and reading a report by control.
@Suite("Rule selection and compliance", .serialized)
struct RuleSelectionCommandTests {
    static let fixture = "Fixtures/az/prod-insecure.json"

    private func evaluated(_ arguments: String...) throws -> Set<String> {
        let report = try JSON(akslint(arguments: ["-f", "json", "--include-passed", "--no-config", "--as-of", "2026-11-24"] + arguments + [Self.fixture]).standardOutput)
        return Set(report["findings"].array.map { $0["ruleId"].string })
    }

    @Test("by default only security-posture rules run; --rules all, a category or security choose others")
    func categories() throws {
        let catalogue = BuiltinRules.all.map(\.metadata)
        let defaults = try evaluated()
        #expect(!defaults.isEmpty && defaults.allSatisfy { !$0.hasPrefix("AKS9") }, "no reliability, cost or naming rule by default")
        let all = try JSON(akslint("-f", "json", "--no-config", "--rules", "all", Self.fixture).standardOutput)
        #expect(all["summary"]["rulesEvaluated"].int == catalogue.count)
        let reliability = try evaluated("--rules", "reliability")
        #expect(!reliability.isEmpty && reliability.isSubset(of: Set(catalogue.filter { $0.category == .reliability }.map(\.id))))
        let namingAndCost = try JSON(akslint("-f", "json", "--no-config", "--rules", "naming,cost", Self.fixture).standardOutput)
        #expect(namingAndCost["summary"]["rulesEvaluated"].int == catalogue.count { $0.category == .naming || $0.category == .cost })
        #expect(try evaluated("--rules", "security") == defaults)
        #expect(try evaluated("--rules", "network", "--skip-rule", "AKS201").allSatisfy { $0.hasPrefix("AKS2") && $0 != "AKS201" })
    }

    @Test("a rule can be named by another tool's id, in --rules and in explain")
    func peerIDs() throws {
        #expect(try evaluated("--rules", "CKV_AZURE_141") == ["AKS103"])
        #expect(try evaluated("--rules", "Azure.AKS.LocalAccounts,AVD-AZU-0042") == ["AKS103", "AKS104"])
        let explained = akslint("explain", "CKV_AZURE_141")
        #expect(explained.exitCode == .success && explained.standardOutput.hasPrefix("AKS103 local-accounts-disabled"))
        #expect(akslint("explain", "Azure.AKS.LocalAccounts").standardOutput.hasPrefix("AKS103 "))
        #expect(akslint("explain", "AZR-000031").standardOutput.hasPrefix("AKS103 "))
        #expect(akslint("explain", "local-accounts-disabled").standardOutput.hasPrefix("AKS103 "))
        let two = akslint("explain", "Azure.AKS.ManagedAAD").standardOutput
        #expect(two.hasPrefix("2 akslint rules cover Azure.AKS.ManagedAAD: AKS101, AKS110."))
        #expect(akslint("explain", "AKS103").standardOutput.contains("### Compliance") == false, "explain prints text, not Markdown")
        #expect(akslint("explain", "AKS103").standardOutput.contains("MCSB IM-1"))
    }

    @Test("every peer id of the research maps to a rule a migrating user can find")
    func everyPeerIsFindable() throws {
        for rule in BuiltinRules.all.map(\.metadata) {
            for peer in rule.peers {
                let outcome = akslint("explain", peer.id)
                #expect(outcome.exitCode == .success && outcome.standardOutput.contains(rule.id), "\(peer.id) → \(rule.id)")
            }
        }
    }

    @Test("enabledRules in the configuration turns on opt-in rules; naming patterns reach AKS972")
    func configuration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try directory.write(#"{"enabledRules": ["reliability", "AKS972"], "naming": {"cluster": "aks-*"}}"#, to: ".akslint.json")
        let report = try JSON(akslint("-f", "json", "--include-passed", "--config", config, "--as-of", "2026-11-24", Self.fixture).standardOutput)
        let ids = Set(report["findings"].array.map { $0["ruleId"].string })
        #expect(ids.contains("AKS907") && ids.contains("AKS972"))
        #expect(report["findings"].array.first { $0["ruleId"].string == "AKS972" }?["message"].string.contains("does not match the team's convention \"aks-*\"") == true)
    }

    @Test("--framework runs only the rules that evidence it and summarises by control in text, Markdown and JSON")
    func framework() throws {
        let cisRules = Set(BuiltinRules.all.map(\.metadata).filter { $0.controls.contains { $0.framework == .cis } }.map(\.id))
        let ran = try evaluated("--framework", "cis")
        #expect(!ran.isEmpty && ran.isSubset(of: cisRules))
        let text = akslint("--framework", "mcsb", "--no-config", "--as-of", "2026-11-24", Self.fixture).standardOutput
        #expect(text.contains("Microsoft cloud security benchmark v1:\n"))
        #expect(text.contains("  MCSB NS-2: 0 of 4 checks pass (not passing: AKS201, AKS202, AKS206, AKS211)"), "\(text)")
        let markdown = akslint("-f", "markdown", "--framework", "cis", "--no-config", "--as-of", "2026-11-24", Self.fixture).standardOutput
        #expect(markdown.contains("### CIS Azure Kubernetes Service Benchmark 1\\.8\\.0\n\n| Control | Checks passing | Rules not passing |"))
        #expect(markdown.contains("| CIS AKS 5\\.4\\.3 Ensure clusters are created with private nodes | 0 of 1 | AKS206 |"), "\(markdown)")
        let json = try JSON(akslint("-f", "json", "--framework", "cis", "--no-config", "--as-of", "2026-11-24", Self.fixture).standardOutput)
        let row = try #require(json["controls"]["controls"].array.first { $0["id"].string == "5.4.3" })
        #expect(json["controls"]["framework"].string == "cis" && row["passed"].int == 0 && row["total"].int == 1)
        #expect(try JSON(akslint("-f", "json", "--no-config", Self.fixture).standardOutput)["controls"].isNull, "no summary without --framework")
    }

    @Test("controls are in the JSON report's rules, in SARIF tags, and in the rule list")
    func controlsEverywhere() throws {
        let report = try JSON(akslint("-f", "json", "--no-config", Self.fixture).standardOutput)
        let finding = try #require(report["findings"].array.first { $0["ruleId"].string == "AKS201" })
        #expect(report.rule(of: finding)["controls"].array.map(\.string) == ["CIS-AKS-5.4.1", "CIS-AKS-5.4.2", "MCSB-NS-2"])
        let sarif = try JSON(akslint("-f", "sarif", "--no-config", Self.fixture).standardOutput)
        let rule = try #require(sarif["runs"][0]["tool"]["driver"]["rules"].array.first { $0["id"].string == "AKS201" })
        #expect(rule["properties"]["tags"].array.map(\.string) == ["security", "aks", "network", "CIS-AKS-5.4.1", "CIS-AKS-5.4.2", "MCSB-NS-2"])
        let list = try JSON(akslint("rules", "--format", "json").standardOutput).array
        #expect(list.count == BuiltinRules.all.count)
        let entry = try #require(list.first { $0["id"].string == "AKS103" })
        #expect(entry["runsByDefault"].bool == true && entry["controls"].array.count == 3)
        #expect(entry["peers"].array.contains { $0["tool"].string == "checkov" && $0["id"].string == "CKV_AZURE_141" })
        #expect(list.first { $0["id"].string == "AKS901" }?["runsByDefault"].bool == false)
    }
}
