/// The report for scripts: a versioned object with stable field names (see the README's
/// "JSON report" section). Version 1 fields are only ever added to, never renamed or removed.
public struct JSONReporter: Reporter {
    /// The report format's version.
    public static let schemaVersion = 1

    /// Whether passing results are listed too (with state `pass`).
    public let includePassed: Bool

    /// Creates a JSON reporter.
    public init(includePassed: Bool = false) {
        self.includePassed = includePassed
    }

    /// Writes the report as pretty-printed JSON, one finding at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let includePassed = self.includePassed
        let listed = report.inputs.lazy.flatMap(\.results).filter { $0.state == .fail || $0.state == .indeterminate || (includePassed && $0.state == .pass) }
        let summary = report.summary
        let document = JSONOutput.object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string(AKSLintInfo.name)), ("version", .string(AKSLintInfo.version))])),
            ("evaluationDate", .string(report.evaluationDay.description)),
            ("inputs", .array(report.inputs.map(input))),
            ("findings", .lazy(listed.map(finding))),
            ("errors", .array(report.errors.map(diagnostic))),
            ("warnings", .array(report.warnings.map(diagnostic))),
            ("suppressions", review(report.suppressionReview)),
            ("controls", report.controlSummary.map(controls) ?? .null),
            ("summary", .object([
                ("files", .int(summary.files)),
                ("clusters", .int(summary.clusters)),
                ("rulesEvaluated", .int(summary.rulesEvaluated)),
                ("pass", .int(summary.pass)),
                ("fail", .int(summary.fail)),
                ("indeterminate", .int(summary.indeterminate)),
                ("notApplicable", .int(summary.notApplicable)),
                ("suppressed", .int(summary.suppressed)),
                ("baselined", .int(summary.baselined)),
                ("errors", .int(summary.errors)),
                ("bySeverity", .object(Severity.allCases.map { ($0.rawValue, .int(summary.failuresBySeverity[$0] ?? 0)) })),
                ("planActions", .object(summary.planActions.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])),
        ])
        document.write(to: &output)
    }

    /// The per-control summary of a `--framework` run.
    private func controls(_ summary: ControlSummary) -> JSONOutput {
        .object([
            ("framework", .string(summary.framework.rawValue)),
            ("controls", .array(summary.rows.map { row in
                .object([
                    ("id", .string(row.control.id)), ("tag", .string(row.control.tag)), ("title", .string(row.control.title)),
                    ("passed", .int(row.passed)), ("total", .int(row.total)), ("failingRules", .array(row.failingRules.map { .string($0) })),
                ])
            })),
        ])
    }

    private func input(_ input: InputReport) -> JSONOutput {
        .object([
            ("path", .string(input.path)),
            ("format", .string(input.format?.rawValue)),
            ("encoding", .string(input.encoding?.rawValue)),
            ("parameters", .string(input.parametersPath)),
            ("clusters", .array(input.clusters.map { .string($0.displayName) })),
        ])
    }

    private func finding(_ finding: Finding) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(finding.ruleId)),
            ("ruleName", .string(finding.ruleName)),
            ("severity", .string(finding.severity.rawValue)),
            ("state", .string(finding.state.rawValue)),
            ("cluster", .object([
                ("name", .string(finding.cluster.displayName)),
                ("resourceId", .string(finding.cluster.resourceId)),
                ("resourceGroup", .string(finding.cluster.resourceGroup)),
                ("deployedBy", .string(finding.cluster.deployedBy)),
                ("terraformAddress", .string(finding.cluster.terraform?.address)),
                ("planAction", .string(finding.cluster.terraform?.action)),
            ])),
        ]
        if let pool = finding.subject.poolName { members.append(("agentPool", .string(pool))) }
        if case .relatedResource(let type, let name) = finding.subject {
            members.append(("relatedResource", .object([("type", .string(type)), ("name", .string(name))])))
        }
        members += [
            ("message", .string(finding.message)),
            ("location", .object([
                ("path", .string(finding.location.file)),
                ("line", .int(finding.location.region.start.line)),
                ("column", .int(finding.location.region.start.column)),
                ("endLine", .int(finding.location.region.end.line)),
                ("endColumn", .int(finding.location.region.end.column)),
                ("jsonPath", .string(finding.location.jsonPath)),
            ])),
            ("property", .string(finding.property)),
            ("controls", .array(finding.rule.controls.map { .string($0.tag) })),
        ]
        if finding.state == .indeterminate { members.append(("unresolved", .string(finding.unresolvedExpression))) }
        let remediation = finding.remediation
        members += [
            ("remediation", .object([
                ("command", .string(remediation.command)),
                ("template", .string(remediation.template)),
                ("bicep", .string(remediation.bicep)),
                ("terraform", .string(remediation.terraform)),
                ("disruption", .string(remediation.disruption.rawValue)),
            ])),
            ("fingerprint", .string(finding.fingerprint)),
            ("suppressed", finding.suppression.map(suppression) ?? .null),
        ]
        return .object(members)
    }

    private func suppression(_ suppression: Suppression) -> JSONOutput {
        .object([
            ("kind", .string(suppression.kind.rawValue)),
            ("justification", .string(suppression.justification)),
            ("source", .string(suppression.source.description)),
            ("expires", .string(suppression.expires?.description)),
        ])
    }

    private func review(_ review: SuppressionReview) -> JSONOutput {
        .object([
            ("configuration", .string(review.configurationPath)),
            ("baseline", .string(review.baselinePath)),
            ("expired", .array(review.expired.map { entry in
                .object([
                    ("rule", .string(entry.rule)),
                    ("cluster", .string(entry.cluster?.pattern)),
                    ("reason", .string(entry.reason)),
                    ("expires", .string(entry.expires?.description)),
                    ("source", .string(entry.source.description)),
                ])
            })),
            ("unused", .array(review.unused.map { unused in
                .object([
                    ("rule", .string(unused.rule)), ("kind", .string(unused.kind.rawValue)),
                    ("unknownRule", .bool(unused.unknownRule)), ("source", .string(unused.source.description)),
                ])
            })),
        ])
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONOutput {
        .object([
            ("path", .string(diagnostic.path)),
            ("line", diagnostic.position.map { .int($0.line) } ?? .null),
            ("column", diagnostic.position.map { .int($0.column) } ?? .null),
            ("message", .string(diagnostic.message)),
            ("leavesUnchecked", .bool(diagnostic.leavesUnchecked)),
        ])
    }
}
