@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("Report formats", .serialized)
struct OutputTests {
    @Test("text: grouped by cluster, the path once in the heading then line:column, message with the actual value, and the filled-in fix")
    func text() throws {
        let outcome = akslint("--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        let output = outcome.standardOutput
        let counts = try jsonSummary("--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        let (failed, passed) = (counts["fail"].int, counts["pass"].int)
        #expect(failed > 30 && passed > 10, "the insecure fixture fails most rules")
        #expect(output.hasPrefix("Fixtures/az/prod-insecure.json — cluster prod-aks (resource group prod-rg): \(failed) failed, 0 indeterminate, \(passed) passed\n"))
        #expect(output.contains("\n  98:27  HIGH  AKS103 local-accounts-disabled\n    Local accounts are enabled (disableLocalAccounts is false)"))
        #expect(output.components(separatedBy: "Fixtures/az/prod-insecure.json").count == 2, "the path is shown once, in the heading")
        #expect(output.contains("    fix: az aks update -g prod-rg -n prod-aks --disable-local-accounts\n"))
        #expect(output.contains("AKS206 no-node-public-ip [pool edge]"))
        #expect(output.contains("the authorized range \"0.0.0.0/0\", a /0, admits every IPv4 address"))
        #expect(output.contains("Local accounts are enabled (disableLocalAccounts is false): anyone holding the cluster-admin kubeconfig bypasses Entra ID.\n"), "the rule's risk follows the message")
        let bySeverity = Severity.allCases.compactMap { severity -> String? in
            let count = counts["bySeverity"][severity.rawValue].int
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }.joined(separator: ", ")
        #expect(outcome.standardError == "akslint: 1 file, 1 cluster, \(defaultRules.count) rules: \(failed) failed (\(bySeverity)), 0 indeterminate, \(passed) passed.\n")
        #expect(!output.contains("\u{1B}"), "no colour when not on a terminal")
    }

    @Test("colour only on a terminal, never with NO_COLOR or --color never")
    func color() {
        #expect(akslint("Fixtures/az/prod-insecure.json", stdoutIsTerminal: true).standardOutput.contains("\u{1B}[1;31mHIGH\u{1B}[0m"))
        #expect(!(akslint("Fixtures/az/prod-insecure.json", variables: ["NO_COLOR": "1"], stdoutIsTerminal: true).standardOutput.contains("\u{1B}")))
        #expect(!(akslint("--color", "never", "Fixtures/az/prod-insecure.json", stdoutIsTerminal: true).standardOutput.contains("\u{1B}")))
        #expect(akslint("--color", "always", "Fixtures/az/prod-insecure.json").standardOutput.contains("\u{1B}["))
    }

    @Test("escape sequences and bidi overrides from the input never reach the terminal", arguments: ["text", "json", "sarif", "junit", "markdown", "github"])
    func hostileInput(format: String) {
        let outcome = akslint("-f", format, "Fixtures/hostile/escape-sequences.json", "--fail-on", "never")
        for text in [outcome.standardOutput, outcome.standardError] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(format)")
        }
        if format == "text" {
            #expect(outcome.standardOutput.contains("evil\\u{1b}[31mRED\\u{1b}[0m\\u{202e}txt.exe"))
            #expect(outcome.standardOutput.contains("-g 'rg\\u{1b}]0;pwned\\u{7}'"), "the fix quotes the hostile resource group for the shell")
        }
    }

    @Test("quiet: findings only, no summary and no clean clusters")
    func quiet() {
        let outcome = akslint("-q", "Fixtures/az/aks-list.json")
        #expect(outcome.standardError.isEmpty)
        #expect(outcome.standardOutput.contains("cluster prod-aks"))
        #expect(!outcome.standardOutput.contains("platform-aks"), "the hardened cluster passes every default rule")
    }

    @Test("--rule and --skip-rule choose the rules; --min-severity hides lower ones")
    func ruleSelection() throws {
        let only = try JSON(akslint("-f", "json", "--rule", "AKS103,aks104", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(only["summary"]["rulesEvaluated"].int == 2)
        #expect(only["findings"].array.map { $0["ruleId"].string } == ["AKS103"])
        let skipped = try JSON(akslint("-f", "json", "--skip-rule", "AKS103", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(!skipped["findings"].array.contains { $0["ruleId"].string == "AKS103" })
        let high = try JSON(akslint("-f", "json", "--as-of", "2026-11-24", "--min-severity", "high", "Fixtures/az/prod-insecure.json").standardOutput)
        #expect(high["findings"].array.allSatisfy { ["high", "critical"].contains($0["severity"].string) })
        #expect(high["findings"].array.count == 8)
    }

    @Test("a directory is searched recursively; JSON files that are not AKS are skipped with one note")
    func directories() throws {
        let outcome = akslint("-f", "json", "Fixtures/az", "Fixtures/resource-graph")
        let report = try JSON(outcome.standardOutput)
        #expect(report["inputs"].array.map { $0["path"].string } == ["Fixtures/az/aks-list.json", "Fixtures/az/hardened.json", "Fixtures/az/nodepool-list.json", "Fixtures/az/prod-insecure.json", "Fixtures/resource-graph/clusters.json"])
        #expect(report["summary"]["clusters"].int == 7, "six clusters, and the node pools of one on their own")
    }

    @Test("a folder of REST API examples: the files without a cluster are skipped with one note", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func corpusDirectory() {
        let corpus = akslint("-f", "json", "--fail-on", "never", "../shared/corpus/rest-api-examples")
        #expect(corpus.exitCode == .success)
        #expect(corpus.standardError.contains("skipped 3 files with no AKS cluster"))
    }

    @Test("--output writes the report to a file and nothing to standard output")
    func outputFile() throws {
        let path = "/tmp/akslint-test-\(UInt32.random(in: 0...UInt32.max)).sarif"
        let outcome = akslint("-f", "sarif", "-o", path, "Fixtures/az/prod-insecure.json")
        #expect(outcome.standardOutput.isEmpty)
        let written = try JSON(String(decoding: readBytes(path), as: UTF8.self))
        #expect(written["version"].string == "2.1.0")
        unlink(path)
        let unwritable = akslint("-o", "/nonexistent-dir/report.txt", "Fixtures/az/prod-insecure.json")
        #expect(unwritable.exitCode == .inputOrUsageError)
        #expect(unwritable.standardError.contains("cannot write /nonexistent-dir/report.txt"))
    }

    /// Without a report that lists passes, the engine only counts them (`OmittedResults`): the
    /// counts must be those of a run whose text report needs every pass as a finding.
    @Test("JSON counts the passes it does not keep as a run that keeps them does", arguments: [[], ["--min-severity", "medium"], ["--min-severity", "critical"]])
    func omittedPassesAreCounted(filter: [String]) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let inputs = ["--rules", "all", "--as-of", "2026-11-24", "Fixtures/az", "Fixtures/arm"] + filter
        let alone = akslint(arguments: ["-f", "json"] + inputs)
        let besideText = akslint(arguments: ["-f", "json", "-o", folder.path + "/report.json", "-f", "text", "-o", folder.path + "/report.txt"] + inputs)
        let summary = try JSON(alone.standardOutput)["summary"]
        let keptSummary = try JSON(try folder.read("report.json"))["summary"]
        for count in ["pass", "notApplicable", "fail", "indeterminate", "suppressed", "clusters"] {
            #expect(summary[count].int == keptSummary[count].int, "\(count)")
        }
        #expect(summary["pass"].int > 0)
        if filter.isEmpty { #expect(summary["notApplicable"].int > 0) }
        let aloneResults = try #require(alone.report).inputs.flatMap(\.results)
        #expect(!aloneResults.isEmpty && !aloneResults.contains { $0.state == .pass || $0.state == .notApplicable }, "the JSON-only run kept no pass")
        #expect(try #require(besideText.report).inputs.allSatisfy { $0.omitted == OmittedResults() }, "the text report needs every pass")
    }

    @Test("JSON: the documented shape, with the remediation filled in and input errors listed")
    func json() throws {
        let report = try JSON(akslint("-f", "json", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json", "Fixtures/invalid/bad-literal.json").standardOutput)
        #expect(report["evaluationDate"].string == "2026-11-24")
        #expect(report["schemaVersion"].int == 3)
        #expect(report["tool"]["name"].string == "akslint")
        #expect(report["inputs"][0]["format"].string == "az-aks-show")
        let finding = try #require(report["findings"].array.first { $0["ruleId"].string == "AKS103" })
        #expect(report.rule(of: finding)["name"].string == "local-accounts-disabled")
        #expect(finding["state"].string == "fail")
        #expect(report.cluster(of: finding)["resourceGroup"].string == "prod-rg" && report.cluster(of: finding)["name"].string == "prod-aks")
        #expect(finding["location"]["line"].int == 98 && finding["location"]["column"].int == 27)
        #expect(finding["location"]["jsonPath"].string == "$.disableLocalAccounts")
        #expect(finding["property"].string == "properties.disableLocalAccounts")
        #expect(finding["command"].string == "az aks update -g prod-rg -n prod-aks --disable-local-accounts")
        #expect(finding["suppressed"].isAbsent, "only an accepted finding has `suppressed`")
        // The message says what was found; the risk it runs is the rule's, written once in `rules`.
        #expect(finding["message"].string == "Local accounts are enabled (disableLocalAccounts is false)")
        #expect(report.rule(of: finding)["risk"].string == "anyone holding the cluster-admin kubeconfig bypasses Entra ID.")
        let ownRisk = try #require(report["findings"].array.first { $0["ruleId"].string == "AKS101" })
        #expect(report.rule(of: ownRisk)["risk"].isNull && ownRisk["message"].string.contains("): users authenticate with Kubernetes client certificates"), "a rule whose failures differ in what they risk says it in each message")
        #expect(report["errors"][0]["path"].string == "Fixtures/invalid/bad-literal.json")
        #expect(report["errors"][0]["line"].int == 1 && report["errors"][0]["column"].int == 44)
        #expect(report["summary"]["bySeverity"]["high"].int == 8)
        let withPasses = try JSON(akslint("-f", "json", "--as-of", "2026-11-24", "--include-passed", "Fixtures/az/hardened.json").standardOutput)
        #expect(withPasses["findings"].array.count == withPasses["summary"]["pass"].int && withPasses["findings"].array.allSatisfy { $0["state"].string == "pass" })
        #expect(withPasses["summary"]["fail"].int == 0 && withPasses["summary"]["indeterminate"].int == 0, "the hardened fixture passes every default rule")
        #expect(withPasses["summary"]["notApplicable"].int == 10, "AKS406, AKS502, AKS504 and AKS801-804 on an export, AKS109 with Azure RBAC, AKS703/704 on the user pool")
    }

    @Test("SARIF: GitHub's requirements on every result and rule")
    func sarif() throws {
        let log = try JSON(akslint("-f", "sarif", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json", "Fixtures/invalid/truncated.json").standardOutput)
        #expect(log["$schema"].string == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = log["runs"][0]
        #expect(log["runs"].array.count == 1)
        #expect(run["columnKind"].string == "utf16CodeUnits")
        #expect(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].string == "file://" + Paths.repositoryRoot + "/")
        let rules = run["tool"]["driver"]["rules"].array
        #expect(rules.count == defaultRules.count)
        for rule in rules {
            #expect(!rule["shortDescription"]["text"].string.isEmpty && !rule["help"]["markdown"].string.isEmpty)
            #expect(rule["helpUri"].string.hasPrefix("https://"))
            #expect(rule["properties"]["tags"].array.contains { $0.string == "security" })
        }
        #expect(rules.first { $0["id"].string == "AKS104" }?["properties"]["security-severity"].string == "9.5")
        let results = run["results"].array
        #expect(results.count == (try jsonSummary("--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")["fail"].int))
        for result in results {
            let location = result["locations"][0]["physicalLocation"]
            #expect(location["artifactLocation"]["uri"].string == "Fixtures/az/prod-insecure.json")
            #expect(location["artifactLocation"]["uriBaseId"].string == "%SRCROOT%")
            #expect(location["region"]["startLine"].int >= 1 && location["region"]["startColumn"].int >= 1)
            #expect(result["partialFingerprints"]["akslint/v1"].string.count == 16)
            #expect(result["partialFingerprints"]["primaryLocationLineHash"].isNull)
            #expect(rules[result["ruleIndex"].int]["id"].string == result["ruleId"].string)
        }
        let invocation = run["invocations"][0]
        #expect(invocation["executionSuccessful"].bool == false)
        #expect(invocation["toolExecutionNotifications"][0]["message"]["text"].string.contains("unexpected end of input"))
    }

    @Test("SARIF from standard input uses --stdin-filename as the artifact")
    func sarifStdin() throws {
        let log = try JSON(akslint("-f", "sarif", "--stdin-filename", "clusters/prod.json", "-", stdin: #"{"name": "p", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": false}"#).standardOutput)
        #expect(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].string == "clusters/prod.json")
    }

    @Test("the same input gives byte-identical reports from two runs of the binary")
    func determinism() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for format in ["text", "json", "sarif", "junit", "markdown", "github"] {
            var outputs: [String] = []
            for run in 0..<2 {
                let path = try directory.write("", to: "\(format)-\(run).out")
                let result = try runBuiltAkslint(["-f", format, "--fail-on", "never", Paths.fixture("az"), Paths.fixture("resource-graph")], standardOutput: .file(path))
                #expect(result.exitStatus == 0, "\(format): \(result.standardError)")
                // JUnit stamps each suite with the run's start time; nothing else may differ.
                outputs.append(try directory.read("\(format)-\(run).out").replacing(/timestamp="[^"]*"/, with: "timestamp=\"\""))
            }
            #expect(!outputs[0].isEmpty && outputs[0] == outputs[1], "\(format)")
        }
    }
}

/// What a person sees on a terminal: wrapped messages, progress on long runs, a table of rules.
@Suite("On a terminal")
struct TerminalTests {
    final class Lines: @unchecked Sendable {
        var shown: [String] = []
    }

    @Test("progress appears only after its delay, is cleared at the end, and never when nothing was shown")
    func progress() {
        let lines = Lines()
        let meter = ProgressMeter(total: 3, delay: .zero, interval: .zero) { lines.shown.append($0) }
        for _ in 0..<3 { meter.fileDone() }
        meter.finish()
        #expect(lines.shown == ["\rakslint: 1 of 3 files linted\u{1B}[K", "\rakslint: 2 of 3 files linted\u{1B}[K", "\rakslint: 3 of 3 files linted\u{1B}[K", "\r\u{1B}[K"])
        let quiet = Lines()
        let slow = ProgressMeter(total: 3) { quiet.shown.append($0) }
        slow.fileDone()
        slow.finish()
        #expect(quiet.shown.isEmpty, "a run shorter than a second shows nothing")
    }

    @Test("on a terminal, messages wrap to its width under their indent; commands never wrap; a file or pipe gets one line each")
    func wrapping() {
        let terminal = akslint(arguments: ["--no-config", "--as-of", "2026-11-24", "--color", "never", "Fixtures/az/prod-insecure.json"], stdoutIsTerminal: true)
        let lines = terminal.standardOutput.split(separator: "\n")
        let messageLines = lines.filter { $0.hasPrefix("    ") && !$0.hasPrefix("    fix") && !$0.hasPrefix("    ARM:") }
        #expect(messageLines.allSatisfy { $0.count <= 80 }, "\(messageLines.filter { $0.count > 80 })")
        #expect(lines.contains { $0.hasPrefix("    fix: az aks update -g prod-rg -n prod-aks --enable-aad --aad-admin-group-object-ids") }, "a command stays whole")
        let piped = akslint("--no-config", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        #expect(piped.standardOutput.contains("    Local accounts are enabled (disableLocalAccounts is false): anyone holding the cluster-admin kubeconfig bypasses Entra ID.\n"))
        #expect(piped.standardOutput.split(separator: "\n").contains { $0.count > 120 }, "no wrapping off a terminal")
    }

    /// The ids of the rules that fail on prod-insecure.json (what aks-list.json fails too).
    private func akslintFailedRules() -> [String] {
        (try? JSON(akslint("--no-config", "--as-of", "2026-11-24", "-f", "json", "Fixtures/az/prod-insecure.json").standardOutput)["findings"].array.map { $0["ruleId"].string }) ?? []
    }

    @Test("a run over several clusters ends with the failed rules and how many clusters each fails on")
    func ruleTable() throws {
        let output = akslint("--no-config", "--as-of", "2026-11-24", "Fixtures/az/aks-list.json", "Fixtures/az/prod-insecure.json").standardOutput
        let table = try #require(output.components(separatedBy: "\nFailed rules (").last)
        #expect(table.hasPrefix("\(Set(akslintFailedRules()).count) of 53, by the clusters they fail on):\n"))
        #expect(table.contains("\n  AKS103 local-accounts-disabled       2 of 3 clusters\n"), "prod-aks is in both files; platform-aks passes")
        #expect(!akslint("--no-config", "Fixtures/az/prod-insecure.json").standardOutput.contains("Failed rules"), "not for one cluster")
        #expect(!akslint("--no-config", "-q", "Fixtures/az/aks-list.json", "Fixtures/az/prod-insecure.json").standardOutput.contains("Failed rules"), "not under --quiet")
    }
}
