@testable import AKSLintCore
import AKSLintRules
import AKSLintTestSupport
import Testing

/// SARIF files GitHub accepts: at most so many results, the most severe kept, and one
/// fingerprint per result even when one cluster is in several files.
@Suite("SARIF within GitHub's limits")
struct SARIFLimitsTests {
    private func report(_ paths: [String]) throws -> LintReport {
        let engine = LintEngine(rules: BuiltinRules.all)
        let inputs = try paths.map { path in
            let loaded = try InputLoader.load(try readBytes(path))
            return InputReport(path: path, loaded: loaded, results: try engine.evaluate(loaded, path: path))
        }
        return LintReport(inputs: inputs, rules: BuiltinRules.all.map(\.metadata))
    }

    /// The run of a SARIF log, read with akslint's own parser.
    private func run(_ text: String) throws -> JSONNode {
        try #require(try JSONParser.parse(text).root["runs"]?.array?.first)
    }

    @Test("past the limit the most severe results are kept, in report order, and a notification says how many were left out")
    func resultLimit() throws {
        let linted = try report([Paths.fixture("az/prod-insecure.json")])
        let all = linted.findings
        let run = try run(SARIFReporter(workingDirectory: ".", resultLimit: 10).render(linted))
        let kept = (run["results"]?.array ?? []).compactMap { $0["ruleId"]?.string }
        #expect(kept.count == 10)
        let severities = kept.compactMap { id in all.first { $0.ruleId == id }?.severity }
        let leftOutWorst = try #require(all.filter { !kept.contains($0.ruleId) }.map(\.severity).max())
        #expect(severities.allSatisfy { $0 >= leftOutWorst }, "no result left out is more severe than one kept")
        #expect(kept == all.map(\.ruleId).filter(kept.contains), "the kept results stay in report order")
        let notifications = run["invocations"]?.array?.first?["toolExecutionNotifications"]?.array ?? []
        let texts = notifications.compactMap { $0["message"]?["text"]?.string }
        #expect(texts.contains("\(all.count - 10) results were left out of the SARIF report to stay within GitHub's limit of 10 results per run: it keeps the most severe, failures first. The JSON report lists every finding."))
        #expect(SARIFLimits.leftOut(of: linted, includeSuppressed: false, limit: 10) == all.count - 10)
        #expect(SARIFLimits.leftOut(of: linted, includeSuppressed: false) == 0)
    }

    @Test("at every limit the run keeps exactly the first results of the ranking: failures first, then the most severe, then report order")
    func keptResultsFollowTheRanking() throws {
        // Failures and indeterminate results of every severity, from an export and two templates.
        let linted = try report([Paths.fixture("az/prod-insecure.json"), Paths.fixture("arm/symbolic-resources.json"), Paths.fixture("arm/nested-deployments.json")])
        let listed = linted.findings.filter { $0.state == .fail || $0.state == .indeterminate }
        #expect(Set(listed.map(\.state)).count == 2 && Set(listed.map(\.severity)).count == Severity.allCases.count)
        // The ranking written out as a stable sort, as the SARIF writer once made it.
        let ranked = listed.indices.sorted { left, right in
            let (a, b) = (listed[left], listed[right])
            if (a.state == .fail) != (b.state == .fail) { return a.state == .fail }
            if a.severity != b.severity { return a.severity > b.severity }
            return left < right
        }
        for limit in 1..<listed.count {
            let expected = ranked.prefix(limit).sorted().map { listed[$0].fingerprint }
            let (kept, leftOut) = SARIFLimits.listed(linted, includeSuppressed: false, limit: limit)
            #expect(kept.map(\.fingerprint) == expected, "limit \(limit)")
            #expect(leftOut == listed.count - limit)
        }
    }

    @Test("the same cluster in two files gives every result its own fingerprint; the first file keeps the plain ones")
    func uniqueFingerprints() throws {
        let path = Paths.fixture("az/prod-insecure.json")
        let linted = try report([path, path])
        let results = try run(SARIFReporter(workingDirectory: ".").render(linted))["results"]?.array ?? []
        let fingerprints = results.compactMap { $0["partialFingerprints"]?["akslint/v1"]?.string }
        #expect(fingerprints.count == linted.findings.count && !fingerprints.isEmpty)
        #expect(Set(fingerprints).count == fingerprints.count, "no two results share a fingerprint")
        let first = linted.inputs[0].findings.map(\.fingerprint)
        #expect(Array(fingerprints.prefix(first.count)) == first, "the first file's alerts keep their fingerprints")
        #expect(linted.inputs[1].findings.map(\.fingerprint) == first, "the finding's own fingerprint (for baselines) still names only rule, cluster and property")
    }
}

private extension JSONNode {
    subscript(key: String) -> JSONNode? { object?[key] }
}
