/// The report for scripts: a versioned object with stable field names (see the README's
/// "JSON report" section). Version 1 fields are only ever added to, never renamed or removed.
public struct JSONReporter: Reporter {
    /// The report format's version.
    public static let schemaVersion = 1

    /// Whether passing results are listed too (with state `pass`).
    public let includePassed: Bool

    /// Threads that write findings (the text is the same with any number).
    public let parallelism: Int

    /// Creates a JSON reporter.
    public init(includePassed: Bool = false, parallelism: Int = 1) {
        self.includePassed = includePassed
        self.parallelism = parallelism
    }

    /// Writes the report as pretty-printed JSON, one finding at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let summary = report.summary
        JSONWriter.write(to: &output) { json in
            json.beginObject()
            json.member("schemaVersion", Self.schemaVersion)
            json.member("tool", .object([("name", .string(AKSLintInfo.name)), ("version", .string(AKSLintInfo.version))]))
            json.member("evaluationDate", report.evaluationDay.description)
            json.member("inputs", .array(report.inputs.map(input)))
            json.key("findings")
            json.beginArray()
            let listed = report.inputs.flatMap { input in
                input.results.filter { $0.state == .fail || $0.state == .indeterminate || (includePassed && $0.state == .pass) }
            }
            json.elements(of: listed, parallelism: parallelism) { finding, json in write(finding, to: &json) }
            json.endArray()
            json.member("errors", .array(report.errors.map(diagnostic)))
            json.member("warnings", .array(report.warnings.map(diagnostic)))
            json.member("suppressions", review(report.suppressionReview))
            json.member("controls", report.controlSummary.map(controls) ?? .null)
            json.member("summary", .object([
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
                ("noClusterFound", .bool(report.noClusterWarning != nil)),
            ]))
            json.endObject()
        }
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

    /// One finding, written as it is read: nothing of it is built as a tree.
    private func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.member("ruleId", finding.ruleId)
        json.member("ruleName", finding.ruleName)
        json.member("severity", finding.severity.rawValue)
        json.member("state", finding.state.rawValue)
        json.key("cluster")
        json.beginObject()
        json.member("name", finding.cluster.displayName)
        json.member("resourceId", finding.cluster.resourceId)
        json.member("resourceGroup", finding.cluster.resourceGroup)
        json.member("deployedBy", finding.cluster.deployedBy)
        json.member("terraformAddress", finding.cluster.terraform?.address)
        json.member("planAction", finding.cluster.terraform?.action)
        json.endObject()
        if let pool = finding.subject.poolName { json.member("agentPool", pool) }
        if case .relatedResource(let type, let name) = finding.subject {
            json.key("relatedResource")
            json.beginObject()
            json.member("type", type)
            json.member("name", name)
            json.endObject()
        }
        json.member("message", finding.message)
        json.key("location")
        json.beginObject()
        json.member("path", finding.location.file)
        json.member("line", finding.location.region.start.line)
        json.member("column", finding.location.region.start.column)
        json.member("endLine", finding.location.region.end.line)
        json.member("endColumn", finding.location.region.end.column)
        json.member("jsonPath", finding.location.jsonPath)
        json.endObject()
        json.member("property", finding.property)
        json.key("controls")
        json.beginArray()
        for control in finding.rule.controls { json.value(control.tag) }
        json.endArray()
        if finding.state == .indeterminate { json.member("unresolved", finding.unresolvedExpression) }
        let remediation = finding.remediation
        json.key("remediation")
        json.beginObject()
        json.member("command", remediation.command)
        json.member("template", remediation.template)
        json.member("bicep", remediation.bicep)
        json.member("terraform", remediation.terraform)
        json.member("disruption", remediation.disruption.rawValue)
        json.endObject()
        json.member("fingerprint", finding.fingerprint)
        json.member("suppressed", finding.suppression.map(suppression) ?? .null)
        json.endObject()
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
