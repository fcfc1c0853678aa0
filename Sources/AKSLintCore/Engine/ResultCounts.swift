/// How many results of each kind a report's inputs hold, counted in one pass that reads every
/// result in place: a fleet has hundreds of thousands, and the summary and the CI gate both need
/// these counts after the parallel work is done, on one thread.
public struct ResultCounts: Sendable, Equatable {
    public private(set) var pass = 0
    public private(set) var notApplicable = 0
    /// Failing and indeterminate results accepted in the configuration or the template.
    public private(set) var suppressed = 0
    /// Failing and indeterminate results accepted in the baseline.
    public private(set) var baselined = 0
    /// Open (not accepted) failing results, by severity rank (see ``Severity/rank``).
    private var openFailures = [Int](repeating: 0, count: Severity.allCases.count)
    /// Open indeterminate results, by severity rank.
    private var openIndeterminate = [Int](repeating: 0, count: Severity.allCases.count)

    /// Counts the results of `inputs`, with the passes and not-applicable results they only counted.
    package init(_ inputs: [InputReport]) {
        for index in inputs.indices {
            pass += inputs[index].omitted.passCount
            notApplicable += inputs[index].omitted.notApplicableCount
            inputs[index].results.withUnsafeBufferPointer { results in
                for result in results.indices { count(results[result]) }
            }
        }
    }

    private mutating func count(_ result: Finding) {
        let state = result.state
        if state == .pass { pass += 1; return }
        if state == .notApplicable { notApplicable += 1; return }
        if let suppression = result.suppression {
            if suppression.kind == .baseline { baselined += 1 } else { suppressed += 1 }
        } else if state == .fail {
            openFailures[result.severity.rank] += 1
        } else {
            openIndeterminate[result.severity.rank] += 1
        }
    }

    /// Open failing results.
    public var fail: Int { openFailures.reduce(0, +) }

    /// Open indeterminate results.
    public var indeterminate: Int { openIndeterminate.reduce(0, +) }

    /// Open failing results at `severity`.
    public func failures(at severity: Severity) -> Int { openFailures[severity.rank] }

    /// Open results that trip `threshold`: failures, and with `countingIndeterminate` (`--strict`)
    /// indeterminate results, at or above it.
    public func tripping(_ threshold: FailThreshold, countingIndeterminate: Bool) -> Int {
        Severity.allCases.reduce(0) { total, severity in
            guard threshold.isTripped(by: severity) else { return total }
            return total + openFailures[severity.rank] + (countingIndeterminate ? openIndeterminate[severity.rank] : 0)
        }
    }
}
