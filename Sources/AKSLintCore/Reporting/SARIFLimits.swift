/// What GitHub code scanning accepts in one SARIF upload, and how akslint stays within it.
///
/// GitHub rejects a file with more than 25,000 results in a run (and more than 1,000 locations in
/// a result, or more than 10 MB gzipped). akslint writes one location per result, and 25,000
/// results come to about 3 MB gzipped, so the result count is the limit that binds: past it the
/// most severe results are kept, failures before indeterminate ones, and a notification in the
/// file (and a note on stderr) says how many were left out.
public enum SARIFLimits {
    /// Results GitHub accepts in one run.
    public static let maximumResults = 25_000

    /// The results a SARIF run lists, in report order: failures and indeterminate results (and
    /// suppressed ones when asked), the most severe `maximumResults` of them when there are more.
    package static func listed(_ report: LintReport, includeSuppressed: Bool, limit: Int = maximumResults) -> (results: [Finding], leftOut: Int) {
        let all = report.inputs.flatMap { input in input.results.filter { isListed($0, includeSuppressed: includeSuppressed) } }
        guard all.count > limit else { return (all, 0) }
        let kept = all.indices.sorted { left, right in
            let (a, b) = (all[left], all[right])
            if (a.state == .fail) != (b.state == .fail) { return a.state == .fail }
            if a.severity != b.severity { return a.severity > b.severity }
            return left < right
        }.prefix(limit).sorted()
        return (kept.map { all[$0] }, all.count - limit)
    }

    /// How many results a SARIF run of `report` leaves out (0 within the limit).
    package static func leftOut(of report: LintReport, includeSuppressed: Bool, limit: Int = maximumResults) -> Int {
        let count = report.inputs.reduce(0) { $0 + $1.results.count { isListed($0, includeSuppressed: includeSuppressed) } }
        return max(0, count - limit)
    }

    private static func isListed(_ finding: Finding, includeSuppressed: Bool) -> Bool {
        (finding.state == .fail || finding.state == .indeterminate) && (includeSuppressed || finding.suppression == nil)
    }

    /// The sentence that says what was left out, for the file's notification and stderr.
    package static func leftOutMessage(_ count: Int, limit: Int = maximumResults) -> String {
        "\(count) \(count == 1 ? "result was" : "results were") left out of the SARIF report to stay within GitHub's limit of \(limit) results per run: it keeps the most severe, failures first. The JSON report lists every finding."
    }

    /// Each result's `partialFingerprints` value, unique within the run. A finding's fingerprint
    /// names its rule, cluster and property; the same cluster in two files (or twice in one)
    /// would give several results one fingerprint, and GitHub keeps one alert for them. The first
    /// keeps the plain fingerprint, so its alert is the same as before; each repeat gets one made
    /// from it, its file and how many came before it in that file.
    package static func uniqueFingerprints(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let plain = finding.fingerprint
            let occurrence = seen[plain, default: 0]
            seen[plain] = occurrence + 1
            guard occurrence > 0 else { return plain }
            return Fingerprint.hex(of: [plain, finding.location.file, String(occurrence)])
        }
    }
}
