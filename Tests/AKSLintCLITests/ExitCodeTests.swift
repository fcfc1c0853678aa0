@testable import AKSLintCLI
import AKSLintCore
import Testing

@Suite("Exit codes and the gate", .serialized)
struct ExitCodeTests {
    @Test("a hardened cluster exits 0; the insecure one exits 1 at the default gate (high)")
    func gate() {
        #expect(akslint("--as-of", "2026-11-24", "Fixtures/az/hardened.json").exitCode == .success)
        #expect(akslint("Fixtures/az/prod-insecure.json").exitCode == .findings)
        #expect(akslint("check", "Fixtures/az/prod-insecure.json").exitCode == .findings)
    }

    @Test("--fail-on moves the gate; never never fails")
    func failOn() {
        #expect(akslint("--fail-on", "never", "Fixtures/az/prod-insecure.json").exitCode == .success)
        #expect(akslint("--fail-on=critical", "Fixtures/az/prod-insecure.json").exitCode == .success)
        #expect(akslint("--fail-on", "medium", "--rule", "AKS205", "Fixtures/az/prod-insecure.json").exitCode == .findings)
        #expect(akslint("--fail-on", "high", "--rule", "AKS205", "Fixtures/az/prod-insecure.json").exitCode == .success)
    }

    @Test("--min-severity hides findings from the reports, never from the gate, and says what it hid")
    func minimumSeverityKeepsTheGate() throws {
        let hidden = akslint("--no-config", "--as-of", "2026-11-24", "--min-severity", "critical", "-f", "json", "Fixtures/az/prod-insecure.json")
        #expect(hidden.exitCode == .findings, "8 high findings are open, shown or not")
        #expect(try JSON(hidden.standardOutput)["summary"]["fail"].int == 0)
        #expect(hidden.standardError.contains("akslint: note: 8 open findings at or above high are hidden by --min-severity critical and still fail the run"))
        let shown = akslint("--no-config", "--as-of", "2026-11-24", "--min-severity", "high", "Fixtures/az/prod-insecure.json")
        #expect(shown.exitCode == .findings)
        #expect(!shown.standardError.contains("hidden by --min-severity"), "nothing that trips the gate is hidden")
        #expect(akslint("--no-config", "--min-severity", "critical", "--fail-on", "critical", "Fixtures/az/prod-insecure.json").exitCode == .success)
    }

    @Test("a run that finds no cluster says so on stderr and in every report; --strict makes it exit 2", arguments: [
        ["-"], ["Fixtures/config"],
    ])
    func noClusterFound(inputs: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = akslint(arguments: ["--no-config", "-f", "json", "-o", directory.path + "/r.json", "-f", "sarif", "-o", directory.path + "/r.sarif",
                                          "-f", "junit", "-o", directory.path + "/r.xml", "-f", "markdown", "-o", directory.path + "/r.md",
                                          "-f", "github", "-o", directory.path + "/r.github", "-f", "azure-devops", "-o", directory.path + "/r.azure"] + inputs, stdin: Array("{}".utf8))
        #expect(outcome.exitCode == .success)
        #expect(outcome.standardError.contains("akslint: warning: no AKS cluster was found in "), "\(outcome.standardError)")
        #expect(try JSON(directory.read("r.json"))["summary"]["noClusterFound"].bool == true)
        let notifications = try JSON(directory.read("r.sarif"))["runs"][0]["invocations"][0]["toolExecutionNotifications"].array
        #expect(notifications.contains { $0["message"]["text"].string.hasPrefix("no AKS cluster was found") })
        #expect(try directory.read("r.xml").contains(#"<testcase name="AKS clusters found" classname="akslint" time="0">"#))
        #expect(try directory.read("r.md").contains("> **Warning:** no AKS cluster was found"))
        #expect(try directory.read("r.github").hasPrefix("::warning title=akslint%3A no cluster found::no AKS cluster was found"))
        #expect(try directory.read("r.azure").hasPrefix("##vso[task.logissue type=warning;code=akslint-no-cluster;]akslint: no AKS cluster was found"))
        #expect(akslint(arguments: ["--no-config", "--strict"] + inputs, stdin: Array("{}".utf8)).exitCode == .inputOrUsageError)
    }

    @Test("a folder with no input file at all writes no report, exits 2 and says why")
    func noInputFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = akslint("--no-config", "-f", "json", "-o", directory.path + "/r.json", directory.directory("empty"))
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("akslint: warning: no AKS cluster was found in the paths given (no input file was found)"))
        #expect(throws: (any Error).self) { try directory.read("r.json") }
    }

    @Test("a run with a cluster does not warn that none was found")
    func clusterFound() throws {
        let outcome = akslint("--no-config", "-f", "json", "Fixtures/az/hardened.json", "Fixtures/config")
        #expect(!outcome.standardError.contains("no AKS cluster was found"))
        #expect(try JSON(outcome.standardOutput)["summary"]["noClusterFound"].bool == false)
        #expect(akslint("--no-config", "--strict", "--as-of", "2026-11-24", "Fixtures/az/hardened.json").exitCode == .success)
    }

    @Test("indeterminate results count for the gate only with --strict")
    func strict() {
        let input = #"{"type": "Microsoft.ContainerService/managedClusters", "name": "a", "properties": {"apiServerAccessProfile": {"authorizedIPRanges": ["corp-network"]}}}"#
        let lenient = akslint("--rule", "AKS202", "-", stdin: input)
        #expect(lenient.exitCode == .success)
        #expect(lenient.standardOutput.contains("indeterminate"))
        #expect(akslint("--rule", "AKS202", "--strict", "-", stdin: input).exitCode == .findings)
    }

    @Test("an unreadable input exits 2, and the other inputs are still linted and reported")
    func badInputDoesNotHideOthers() {
        let outcome = akslint("Fixtures/invalid/truncated.json", "Fixtures/az/prod-insecure.json", "missing.json", "-f", "json")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("Fixtures/invalid/truncated.json:6:1: error: unexpected end of input inside object started at line 4, column 17"))
        #expect(outcome.standardError.contains("missing.json: error: no such file or directory"))
        #expect(outcome.standardOutput.contains(#""ruleId":"AKS103""#))
        #expect(outcome.standardOutput.contains("\"path\": \"Fixtures/invalid/truncated.json\""))
    }

    @Test("usage errors exit 2 with one line naming the problem", arguments: [
        (["--format", "xml", "x.json"], "invalid value 'xml' for --format; expected one of: text, json, sarif"),
        (["--fail-on", "urgent", "x.json"], "invalid value 'urgent' for --fail-on"),
        (["--rule", "AKS999", "x.json"], "unknown rule or category 'AKS999' in --rule"),
        (["--rules", "reliabilty", "x.json"], "unknown rule or category 'reliabilty' in --rules"),
        (["--framework", "nist", "x.json"], "invalid value 'nist' for --framework; expected one of: cis, mcsb"),
        (["--frobnicate"], "unknown option '--frobnicate'"),
        (["--output"], "--output needs a value"),
        (["--strict=yes", "x.json"], "--strict takes no value"),
        (["--as-of", "2026-02-30", "x.json"], "invalid date '2026-02-30' for --as-of; expected YYYY-MM-DD"),
        (["explain"], "usage: akslint explain RULE"),
        (["explain", "AKS000"], "no rule is named 'AKS000'"),
        (["-", "-"], "standard input ('-') can be read only once"),
        (["--fail-onn", "high", "x.json"], "unknown option '--fail-onn'; did you mean '--fail-on'?"),
        (["--skiprule", "AKS101", "x.json"], "did you mean '--skip-rule'?"),
        (["explian", "AKS103"], "unknown command 'explian'; did you mean 'explain'?"),
        (["rule"], "unknown command 'rule'; did you mean 'rules'?"),
        (["--format", "sarf", "x.json"], "invalid value 'sarf' for --format; expected one of: text, json, sarif, junit, markdown, github, azure-devops, html; did you mean 'sarif'?"),
    ])
    func usageErrors(arguments: [String], message: String) {
        let outcome = akslint(arguments: arguments, stdin: [])
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains(message), "stderr: \(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("no input on a terminal is a usage error; piped input is read")
    func noPaths() {
        let terminal = akslint(arguments: [])
        #expect(terminal.exitCode == .inputOrUsageError)
        #expect(terminal.standardError.contains("no input"))
        let piped = akslint(arguments: ["--stdin-filename", "prod.json"], stdin: Array(#"{"name": "p", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": false}"#.utf8))
        #expect(piped.exitCode == .findings)
        #expect(piped.standardOutput.hasPrefix("prod.json — cluster p"))
        #expect(piped.standardOutput.contains("\n  1:"))
    }
}
