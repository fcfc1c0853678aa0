/// Passes and not-applicable results the engine counted but did not keep as findings, by severity.
///
/// Most results of a fleet are passes, and most reports only count them: the JSON report without
/// `--include-passed`, SARIF, and the CI annotations list failing and indeterminate results only.
/// When no report of a run lists passes, the engine keeps these counts instead of a finding each
/// (see ``LintEngine/evaluate(_:path:parallelism:keepingPasses:)``), and ``Summary`` adds them in.
public struct OmittedResults: Sendable, Equatable {
    /// Counts by ``Severity/rank``.
    private var passes = [Int](repeating: 0, count: Severity.allCases.count)
    private var notApplicable = [Int](repeating: 0, count: Severity.allCases.count)

    /// No result omitted.
    public init() {}

    /// How many passes were omitted.
    public var passCount: Int { passes.reduce(0, +) }
    /// How many not-applicable results were omitted.
    public var notApplicableCount: Int { notApplicable.reduce(0, +) }

    /// Counts a result of `state` (a pass or not applicable) at `severity`.
    mutating func count(_ state: ResultState, at severity: Severity) {
        if state == .pass { passes[severity.rank] += 1 } else { notApplicable[severity.rank] += 1 }
    }

    /// Adds the counts of `other`.
    mutating func add(_ other: OmittedResults) {
        for rank in passes.indices {
            passes[rank] += other.passes[rank]
            notApplicable[rank] += other.notApplicable[rank]
        }
    }

    /// Only the results at `severity` or above (as `--min-severity` shows them).
    func atLeast(_ severity: Severity) -> OmittedResults {
        var kept = self
        for rank in 0..<severity.rank {
            kept.passes[rank] = 0
            kept.notApplicable[rank] = 0
        }
        return kept
    }
}
