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
        #expect(outcome.standardOutput.contains("\"ruleId\": \"AKS103\""))
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
        (["--format", "sarf", "x.json"], "invalid value 'sarf' for --format; expected one of: text, json, sarif, junit, markdown, github, azure-devops; did you mean 'sarif'?"),
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
        #expect(piped.standardOutput.contains("prod.json:1:"))
    }
}
