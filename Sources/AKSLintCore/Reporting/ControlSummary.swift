/// A report read by control: for each control of a framework, how many of the checks that
/// evidence it pass ("MCSB NS-2: 3 of 4 checks pass").
///
/// A check is one rule on one cluster. It passes when none of its results fails or is
/// indeterminate; it does not count when every result is not applicable. An accepted
/// (suppressed or baselined) failure is still not a pass: the control is not met, by choice.
public struct ControlSummary: Sendable {
    /// One control's tally.
    public struct Row: Sendable {
        public let control: ComplianceControl
        /// Checks that pass.
        public let passed: Int
        /// Checks that count (pass, fail or indeterminate).
        public let total: Int
        /// Ids of the rules with a check that does not pass.
        public let failingRules: [String]
    }

    public let framework: ComplianceControl.Framework
    /// The controls the run's rules evidence, in framework order.
    public let rows: [Row]

    /// Tallies `report` by the controls of `framework`.
    package init(_ report: LintReport, framework: ComplianceControl.Framework) {
        self.framework = framework
        struct Check: Hashable {
            let ruleID: String
            let input: Int
            let cluster: Int
        }
        var outcomes: [Check: ResultState] = [:]
        for (inputIndex, input) in report.inputs.enumerated() {
            for result in input.results {
                let check = Check(ruleID: result.ruleId, input: inputIndex, cluster: result.cluster.ordinal)
                outcomes[check] = Self.combine(outcomes[check], result.state)
            }
        }
        let controls = Set(report.rules.flatMap { $0.controls.filter { $0.framework == framework } }).sorted()
        rows = controls.map { control in
            let ruleIDs = Set(report.rules.filter { $0.controls.contains(control) }.map(\.id))
            let counted = outcomes.filter { ruleIDs.contains($0.key.ruleID) && $0.value != .notApplicable }
            let failing = Set(counted.filter { $0.value != .pass }.map(\.key.ruleID)).sorted()
            return Row(control: control, passed: counted.count { $0.value == .pass }, total: counted.count, failingRules: failing)
        }
    }

    /// A check's outcome so far, with one more result: fail over indeterminate over pass over
    /// not applicable.
    private static func combine(_ current: ResultState?, _ next: ResultState) -> ResultState {
        let rank: [ResultState: Int] = [.notApplicable: 0, .pass: 1, .indeterminate: 2, .fail: 3]
        guard let current else { return next }
        return rank[next, default: 0] > rank[current, default: 0] ? next : current
    }

    /// `MCSB NS-2: 3 of 4 checks pass`, or `…: no check applies` for a control with none.
    public static func sentence(_ row: Row) -> String {
        guard row.total > 0 else { return "\(row.control.label): no check applies" }
        return "\(row.control.label): \(row.passed) of \(row.total) \(row.total == 1 ? "check passes" : "checks pass")"
    }
}

extension LintReport {
    /// The per-control summary, when the run evidences a framework (`--framework`).
    public var controlSummary: ControlSummary? { framework.map { ControlSummary(self, framework: $0) } }
}
