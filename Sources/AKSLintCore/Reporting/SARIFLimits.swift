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
        // Results rank by their group (failures first, then by severity), and within a group by
        // report order. Counting each group finds the last group kept and how many of it fit, so
        // one pass in report order keeps exactly the first `limit` of that ranking, without
        // sorting a fleet's findings.
        var perGroup = [Int](repeating: 0, count: rankGroupCount)
        for finding in all { perGroup[rankGroup(of: finding)] += 1 }
        var room = limit
        var roomInGroup = [Int](repeating: 0, count: rankGroupCount)
        for group in perGroup.indices {
            roomInGroup[group] = min(room, perGroup[group])
            room -= roomInGroup[group]
        }
        var kept: [Finding] = []
        kept.reserveCapacity(limit)
        for finding in all {
            let group = rankGroup(of: finding)
            guard roomInGroup[group] > 0 else { continue }
            roomInGroup[group] -= 1
            kept.append(finding)
        }
        return (kept, all.count - limit)
    }

    /// Groups of results in the order they are kept: failures before the others, each from the
    /// most severe down.
    private static let rankGroupCount = 2 * Severity.allCases.count

    private static func rankGroup(of finding: Finding) -> Int {
        let fromMostSevere = Severity.allCases.count - 1 - finding.severity.rank
        return (finding.state == .fail ? 0 : Severity.allCases.count) + fromMostSevere
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

    /// Each result's `partialFingerprints` value (its hash, written as 16 hex digits), unique
    /// within the run. A finding's fingerprint names its rule, cluster and property; the same
    /// cluster in two files (or twice in one) would give several results one fingerprint, and
    /// GitHub keeps one alert for them. The first keeps the plain fingerprint, so its alert is the
    /// same as before; each repeat gets one made from it, its file and how many came before it in
    /// that file.
    package static func uniqueFingerprints(_ findings: [Finding]) -> [UInt64] {
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(findings.count)
        return findings.map { finding in
            let plain = finding.fingerprintValue
            let occurrence = seen[plain, default: 0]
            seen[plain] = occurrence + 1
            guard occurrence > 0 else { return plain }
            return Fingerprint.hash(of: [Fingerprint.hex(plain), finding.location.file, String(occurrence)])
        }
    }
}
