@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import AKSLintRules
import FoundationEssentials
import FoundationXML
import Testing

/// JUnit, Markdown, GitHub workflow-command and Azure Pipelines logging-command reports, and
/// several reports from one run.
@Suite("CI report formats", .serialized)
struct CIReportTests {
    private func xml(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: text)
        return try #require(document.rootElement())
    }

    private func int(_ element: XMLElement, _ attribute: String) -> Int? {
        element.attribute(forName: attribute)?.stringValue.flatMap { Int($0) }
    }

    @Test("JUnit: a testsuite per input, a testcase per cluster and rule, counts that add up")
    func junitStructure() throws {
        let outcome = akslint("-f", "junit", "--no-config", "--as-of", "2026-11-24", "Fixtures/az/aks-list.json", "Fixtures/invalid/truncated.json", "Fixtures/arm/symbolic-resources.json")
        let root = try xml(outcome.standardOutput)
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["Fixtures/az/aks-list.json", "Fixtures/invalid/truncated.json", "Fixtures/arm/symbolic-resources.json"])
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failures = cases.count { !$0.elements(forName: "failure").isEmpty }
            let errors = cases.count { !$0.elements(forName: "error").isEmpty }
            let skipped = cases.count { !$0.elements(forName: "skipped").isEmpty }
            #expect(int(suite, "tests") == cases.count)
            #expect(int(suite, "failures") == failures)
            #expect(int(suite, "errors") == errors)
            #expect(int(suite, "skipped") == skipped)
            #expect(suite.attribute(forName: "timestamp")?.stringValue == "2026-11-24T08:00:00")
            totals = (totals.tests + cases.count, totals.failures + failures, totals.errors + errors, totals.skipped + skipped)
        }
        #expect(int(root, "tests") == totals.tests && int(root, "failures") == totals.failures && int(root, "errors") == totals.errors)

        let list = suites[0].elements(forName: "testcase")
        #expect(list.count == 2 * defaultRules.count, "two clusters, every default rule on each")
        #expect(Set(list.compactMap { $0.attribute(forName: "classname")?.stringValue }) == ["prod-aks", "platform-aks"])
        let local = try #require(list.first { $0.attribute(forName: "classname")?.stringValue == "prod-aks" && $0.attribute(forName: "name")?.stringValue == "AKS103 local-accounts-disabled" })
        let failure = try #require(local.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "high")
        #expect(failure.attribute(forName: "message")?.stringValue?.hasPrefix("Local accounts are enabled") == true)
        let details = failure.stringValue ?? ""
        #expect(details.contains("fix: az aks update -g prod-rg -n prod-aks --disable-local-accounts"))
        #expect(details.contains("Fixtures/az/aks-list.json:"))

        let perPool = try #require(list.first { $0.attribute(forName: "classname")?.stringValue == "prod-aks" && $0.attribute(forName: "name")?.stringValue == "AKS304 encryption-at-host" })
        #expect(perPool.elements(forName: "failure").first?.stringValue?.contains("[pool edge]") == true, "one testcase holds every failing pool")

        let unreadable = try #require(suites[1].elements(forName: "testcase").first?.elements(forName: "error").first)
        #expect(unreadable.attribute(forName: "message")?.stringValue?.contains("unexpected end of input") == true)

        let templateCases = suites[2].elements(forName: "testcase")
        #expect(templateCases.contains { $0.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue?.hasPrefix("indeterminate: ") == true })
    }

    @Test("JUnit under --strict: indeterminate results are failures")
    func junitStrict() throws {
        let relaxed = try xml(akslint("-f", "junit", "--no-config", "Fixtures/arm/symbolic-resources.json").standardOutput)
        let strict = try xml(akslint("-f", "junit", "--no-config", "--strict", "Fixtures/arm/symbolic-resources.json").standardOutput)
        let relaxedSkipped = try #require(int(relaxed, "skipped")), strictSkipped = try #require(int(strict, "skipped"))
        let relaxedFailures = try #require(int(relaxed, "failures")), strictFailures = try #require(int(strict, "failures"))
        #expect(strictFailures > relaxedFailures)
        #expect(strictFailures - relaxedFailures == relaxedSkipped - strictSkipped)
    }

    @Test("Markdown: verdict, a table per cluster, findings by severity, suppressed ones folded")
    func markdown() throws {
        let outcome = akslint("-f", "markdown", "--config", "Fixtures/config/adoption.akslint.json", "--as-of", "2026-11-24", "Fixtures/az/aks-list.json")
        let text = outcome.standardOutput
        #expect(text.hasPrefix("## akslint: AKS security posture\n\n**1 file, 2 clusters, \(defaultRules.count - 1) rules: "), "the default rules but AKS702, which the configuration disables")
        #expect(text.contains("| `prod-aks` | `Fixtures/az/aks-list.json` | 0 | 8 | 12 | 7 | 5 | 0 | 2 | 14 |"))
        #expect(text.contains("| `platform-aks` | `Fixtures/az/aks-list.json` |"))
        let high = try #require(text.range(of: "### High ("))
        let medium = try #require(text.range(of: "### Medium ("))
        #expect(high.lowerBound < medium.lowerBound, "most severe first")
        #expect(text.contains("- **AKS103 local-accounts-disabled** on `prod-aks` at `Fixtures/az/aks-list.json:"))
        #expect(text.contains("  Fix: `az aks update -g prod-rg -n prod-aks --disable-local-accounts`"))
        #expect(text.contains("<details><summary>Suppressed or in the baseline (2)</summary>"))
        #expect(text.contains("- **AKS201 private-cluster** on `prod-aks`, suppressed in `Fixtures/config/adoption.akslint.json:7`: Private cluster migration planned with the network team (NET-118). (until 2027-03-31)\n"))
        #expect(text.contains("### Suppressions to review\n\n- `Fixtures/config/adoption.akslint.json:18`: the suppression of AKS103 for prod-aks expired on 2026-06-30"))
    }

    @Test("Markdown stays under its size limit and says how many findings it left out")
    func markdownLimit() throws {
        let engine = LintEngine(rules: BuiltinRules.all, context: RuleContext(evaluationDay: CalendarDay("2026-11-24")!))
        let loaded = try InputLoader.load(readBytes(Paths.fixture("az/aks-list.json")))
        let report = LintReport(inputs: [InputReport(path: "aks-list.json", loaded: loaded, results: try engine.evaluate(loaded, path: "aks-list.json"))], rules: BuiltinRules.all.map(\.metadata))
        let full = MarkdownReporter().render(report)
        let limited = MarkdownReporter(maximumBytes: 8_000).render(report)
        #expect(full.utf8.count > 8_000)
        #expect(limited.utf8.count <= 8_000)
        #expect(limited.contains(" more entries are not listed, to keep this summary under GitHub's 1 MiB limit"))
        #expect(limited.contains("| `prod-aks` |"), "the table is always kept")
    }

    @Test("Markdown at fleet size: the most exposed clusters first, and every section says what it left out")
    func markdownFleet() throws {
        let engine = LintEngine(rules: BuiltinRules.all, context: RuleContext(evaluationDay: CalendarDay("2026-11-24")!))
        let inputs = try ["az/hardened.json", "az/prod-insecure.json"].map { name in
            let loaded = try InputLoader.load(readBytes(Paths.fixture(name)))
            return InputReport(path: name, loaded: loaded, results: try engine.evaluate(loaded, path: name))
        }
        let report = LintReport(inputs: inputs, rules: BuiltinRules.all.map(\.metadata))
        let inOrder = MarkdownReporter().render(report)
        #expect(try #require(inOrder.range(of: "| `platform-aks` |")).lowerBound < #require(inOrder.range(of: "| `prod-aks` |")).lowerBound, "all fit: input order")
        let limited = MarkdownReporter(maximumBytes: 600).render(report)
        #expect(limited.contains("| `prod-aks` | `az/prod-insecure.json` | 0 | 8 | 13 |"), "the exposed cluster is listed")
        #expect(!limited.contains("| `platform-aks` |"))
        #expect(limited.contains("_The 1 clusters with the most severe findings are listed; 1 more is not."))
        #expect(limited.contains("### High (8)\n\n_None of these 8 findings are listed: the summary is at its size limit._\n"))
    }

    @Test("GitHub: one workflow command per open finding, errors first, paths relative to the workspace")
    func github() throws {
        let outcome = akslint("-f", "github", "--no-config", "--as-of", "2026-11-24", Paths.fixture("az/prod-insecure.json"), "Fixtures/invalid/truncated.json")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        let failed = try jsonSummary("--no-config", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")["fail"].int
        #expect(lines.count == failed + 1, "every finding and 1 unreadable input")
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines[0].hasPrefix("::error file=Fixtures/invalid/truncated.json,line=6,col=1,title=akslint%3A input could not be read::unexpected end of input"))
        let levels = lines.dropFirst().map { $0.prefix { $0 != " " } }
        #expect(levels == levels.sorted { ($0 == "::error" ? 0 : $0 == "::warning" ? 1 : 2) < ($1 == "::error" ? 0 : $1 == "::warning" ? 1 : 2) }, "errors, then warnings, then notices")
        let local = try #require(lines.first { $0.contains("AKS103") })
        #expect(local.hasPrefix("::error file=Fixtures/az/prod-insecure.json,line=98,col=27,endColumn=32,title=AKS103 local-accounts-disabled (high) on prod-aks::"))
        #expect(local.contains("%0Afix: az aks update -g prod-rg -n prod-aks --disable-local-accounts"))
        #expect(lines.filter { $0.hasPrefix("::warning") }.count == 13, "13 medium findings")
    }

    @Test("Azure Pipelines: one logissue command per open finding, errors first, with the rule as its code")
    func azureDevOps() throws {
        let outcome = akslint("-f", "azure-devops", "--no-config", "--as-of", "2026-11-24", Paths.fixture("az/prod-insecure.json"), "Fixtures/invalid/truncated.json")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        let summary = try jsonSummary("--no-config", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        #expect(lines.count == summary["fail"].int + summary["indeterminate"].int + 1, "every open finding and 1 unreadable input")
        #expect(lines.allSatisfy { $0.hasPrefix("##vso[task.logissue type=error;") || $0.hasPrefix("##vso[task.logissue type=warning;") })
        #expect(lines[0].hasPrefix("##vso[task.logissue type=error;sourcepath=Fixtures/invalid/truncated.json;linenumber=6;columnnumber=1;code=akslint-input;]akslint: input could not be read: unexpected end of input"))
        let levels = lines.dropFirst().map { $0.hasPrefix("##vso[task.logissue type=error;") }
        #expect(levels == levels.sorted { $0 && !$1 }, "errors, then warnings")
        #expect(levels.filter { $0 }.count == summary["bySeverity"]["critical"].int + summary["bySeverity"]["high"].int, "critical and high failures are errors")
        let local = try #require(lines.first { $0.contains("code=AKS103;") })
        #expect(local.hasPrefix("##vso[task.logissue type=error;sourcepath=Fixtures/az/prod-insecure.json;linenumber=98;columnnumber=27;code=AKS103;]AKS103 local-accounts-disabled (high) on prod-aks: Local accounts are enabled"))
        #expect(local.contains("%0Afix: az aks update -g prod-rg -n prod-aks --disable-local-accounts"))
    }

    @Test("Azure Pipelines: input text cannot end a property, add a line or start a logging command of its own")
    func azureDevOpsEscaping() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(###"{"type": "Microsoft.ContainerService/managedClusters", "name": "##vso[task.setvariable variable=PATH]/tmp/evil ##[error]", "properties": {"disableLocalAccounts": false}}"###, to: "x;y].json")
        for format in ["azure-devops", "text", "github"] {
            let outcome = akslint("-f", format, "--no-config", path)
            #expect(!outcome.standardOutput.isEmpty)
            for (stream, text) in [("stdout", outcome.standardOutput), ("stderr", outcome.standardError)] {
                for line in text.split(separator: "\n") {
                    let commands = line.ranges(of: "##vso[").count + line.ranges(of: "##[").count
                    #expect(commands == (format == "azure-devops" && stream == "stdout" ? 1 : 0), "\(format) \(stream): \(line)")
                }
            }
            #expect(outcome.standardOutput.contains("##vso\\u{5b}task.setvariable"), "the name is still shown, harmlessly")
        }
        let lines = akslint("-f", "azure-devops", "--no-config", path).standardOutput.split(separator: "\n")
        #expect(lines.allSatisfy { $0.contains(";sourcepath=" + directory.path + "/x%3By%5D.json;") })
    }

    @Test("HTML: with a baseline the summary says what is new, remaining and fixed; --repository-url links locations")
    func htmlBaselineAndLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let baseline = directory.path + "/baseline.json"
        _ = akslint("--no-config", "--as-of", "2026-11-24", "--write-baseline", baseline, "Fixtures/az/prod-insecure.json")
        let outcome = akslint("--no-config", "--as-of", "2026-11-24", "--baseline", baseline, "-f", "html", "--repository-url", "https://github.com/org/infra/blob/main",
                              "Fixtures/az/prod-insecure.json", "Fixtures/arm/public-cluster.json")
        let page = outcome.standardOutput
        let summary = try JSON(akslint("--no-config", "--as-of", "2026-11-24", "--baseline", baseline, "-f", "json", "Fixtures/az/prod-insecure.json", "Fixtures/arm/public-cluster.json").standardOutput)["summary"]
        let new = summary["fail"].int + summary["indeterminate"].int
        #expect(page.contains("<h3>Since the baseline</h3><p class=\"baseline\">Compared with \(baseline): <strong>\(new) new</strong>, \(summary["baselined"].int) remaining (accepted in the baseline), 0 fixed"), "public-cluster.json is new")
        #expect(page.contains(#""repository":"https://github.com/org/infra/blob/main""#))
        #expect(akslint("--repository-url", "javascript:alert(1)", "Fixtures/az/prod-insecure.json").exitCode == .inputOrUsageError, "only http and https links")
        let fixed = akslint("--no-config", "--as-of", "2026-11-24", "--baseline", baseline, "-f", "html", "Fixtures/az/hardened.json").standardOutput
        #expect(fixed.contains("<strong>0 new</strong>, 0 remaining (accepted in the baseline), 36 fixed (in the baseline, no longer found)"), "none of the baseline's findings is in the hardened cluster")
    }

    @Test("several --format/--output pairs write several reports from one evaluation")
    func severalReports() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = akslint(
            "--no-config", "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json",
            "-f", "sarif", "-o", directory.path + "/akslint.sarif",
            "-f", "junit", "-o", directory.path + "/akslint.xml",
            "--format=markdown", "--output=-",
            "-f", "json", "-o", directory.path + "/akslint.json",
            "-f", "html", "-o", directory.path + "/akslint.html")
        #expect(outcome.exitCode == .findings)
        #expect(outcome.standardOutput.hasPrefix("## akslint: AKS security posture"))
        let failed = try JSON(directory.read("akslint.json"))["summary"]["fail"].int
        #expect(failed > 30)
        #expect(try JSON(directory.read("akslint.sarif"))["runs"][0]["results"].array.count == failed)
        #expect(int(try xml(directory.read("akslint.xml")), "tests") == defaultRules.count)
        #expect(try directory.read("akslint.html").contains("<p class=\"verdict\">1 file, 1 cluster, \(defaultRules.count) rules: \(failed) failed"))
    }

    @Test("--format and --output must pair up", arguments: [
        (["-f", "sarif", "-f", "junit", "-o", "a.sarif"], "2 --format and 1 --output given"),
        (["-f", "sarif", "-o", "-", "-f", "json", "-o", "-"], "only one report can go to standard output"),
        (["-f", "sarif", "-o", "x.out", "-f", "json", "-o", "./x.out"], "two reports would be written to ./x.out"),
        (["-f", "xml"], "invalid value 'xml' for -f; expected one of: text, json, sarif, junit, markdown, github, azure-devops, html"),
    ])
    func pairing(arguments: [String], message: String) {
        let outcome = akslint(arguments: arguments + ["Fixtures/az/prod-insecure.json"])
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
