/// The report for scripts: a versioned object with stable field names (see the README's
/// "JSON report" section). Within a version, fields are only ever added, never renamed or removed.
///
/// Version 2 keeps what is the same for many findings once: each rule's texts in `rules`, each
/// cluster's names in `clusters`; a finding names its rule by id and its cluster by position in
/// `clusters`, and is written on one line. Version 3 keeps each rule's risk there too (a finding's
/// `message` is its ``Finding/statement``), writes `suppressed` only for accepted findings, and
/// starts each finding's line unindented. A 10,000-cluster fleet's report is then twice the size
/// of its export, not six times.
public struct JSONReporter: Reporter {
    /// The report format's version.
    public static let schemaVersion = 3

    /// Whether passing results are listed too (with state `pass`).
    public let includePassed: Bool

    /// Threads that write findings (the text is the same with any number).
    public let parallelism: Int

    /// Creates a JSON reporter.
    public init(includePassed: Bool = false, parallelism: Int = 1) {
        self.includePassed = includePassed
        self.parallelism = parallelism
    }

    /// Writes the report as pretty-printed JSON, one finding per line.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let summary = report.summary
        // A cluster's position in `clusters`: its input's first position plus its ordinal there.
        let firstPositions = report.inputs.reduce(into: [0]) { $0.append($0.last! + $1.clusters.count) }
        JSONWriter.write(to: &output) { json in
            json.beginObject()
            json.member("schemaVersion", Self.schemaVersion)
            json.member("tool", .object([("name", .string(AKSLintInfo.name)), ("version", .string(AKSLintInfo.version))]))
            json.member("evaluationDate", report.evaluationDay.description)
            json.key("inputs")
            json.beginArray()
            for (input, first) in zip(report.inputs, firstPositions) { write(input, firstPosition: first, to: &json) }
            json.endArray()
            json.member("rules", .array(report.rules.map(rule)))
            json.key("clusters")
            json.beginArray(elementsAtLineStart: true)
            for cluster in report.inputs.flatMap(\.clusters) { write(cluster, to: &json) }
            json.endArray()
            json.key("findings")
            json.beginArray(elementsAtLineStart: true)
            // Each listed finding by its input and its place there: plain integers, which cost
            // nothing to let go on this thread once the findings are written (a fleet lists 200,000).
            let results = report.inputs.map(\.results)
            var listed: [(input: Int, result: Int)] = []
            for input in results.indices {
                for result in results[input].indices where isListed(results[input][result].state) { listed.append((input, result)) }
            }
            json.elements(of: listed, parallelism: parallelism) { item, json in
                let finding = results[item.input][item.result]
                write(finding, cluster: firstPositions[item.input] + finding.cluster.ordinal, to: &json)
            }
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
                ("bySeverity", .object(Severity.allCases.map { ($0.rawValue, .int(summary.counts.failures(at: $0))) })),
                ("planActions", .object(summary.planActions.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("noClusterFound", .bool(report.noClusterWarning != nil)),
            ]))
            json.endObject()
        }
    }

    /// Whether the report lists a result in `state`.
    private func isListed(_ state: ResultState) -> Bool {
        state == .fail || state == .indeterminate || (includePassed && state == .pass)
    }

    /// A rule's texts, which its findings refer to by `ruleId`. The remediation's `command` has
    /// `{resourceGroup}`, `{name}`, `{pool}` and `{resource}` where each finding's `command` has
    /// names; its `bicep` and `terraform` say `<pool-name>` where a pool's finding means its
    /// `agentPool`.
    private func rule(_ rule: RuleMetadata) -> JSONOutput {
        let remediation = rule.remediation
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("title", .string(rule.title)),
            ("severity", .string(rule.severity.rawValue)),
            ("category", .string(rule.category.rawValue)),
            ("controls", .array(rule.controls.map { .string($0.tag) })),
            ("rationale", .string(rule.rationale)),
            ("risk", rule.risk.map { .string($0) } ?? .null),
            ("remediation", .object([
                ("command", .string(remediation.azCommand)),
                ("template", .string(remediation.template)),
                ("bicep", .string(remediation.bicepForAnyPool)),
                ("terraform", .string(remediation.terraformForAnyPool)),
                ("disruption", .string(remediation.disruption.rawValue)),
            ])),
            ("helpUri", .string(RuleDocumentation.helpURI(rule))),
        ])
    }

    private func write(_ cluster: ClusterReference, to json: inout JSONWriter) {
        json.beginObject(onOneLine: true)
        json.member("name", cluster.displayName)
        json.member("resourceId", cluster.resourceId)
        json.member("resourceGroup", cluster.resourceGroup)
        json.member("deployedBy", cluster.deployedBy)
        json.member("terraformAddress", cluster.terraform?.address)
        json.member("planAction", cluster.terraform?.action)
        json.endObject()
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

    /// An input, with its clusters as positions in `clusters` (on one line: a fleet export has
    /// thousands).
    private func write(_ input: InputReport, firstPosition: Int, to json: inout JSONWriter) {
        json.beginObject()
        json.member("path", input.path)
        json.member("format", input.format?.rawValue)
        json.member("encoding", input.encoding?.rawValue)
        json.member("parameters", input.parametersPath)
        json.key("clusters")
        json.beginArray(onOneLine: true)
        for position in firstPosition..<(firstPosition + input.clusters.count) { json.value(position) }
        json.endArray()
        json.endObject()
    }

    /// One finding, on one line, written as it is read: nothing of it is built as a tree.
    private func write(_ finding: Finding, cluster: Int, to json: inout JSONWriter) {
        json.beginObject(onOneLine: true)
        json.member("ruleId", finding.ruleId)
        json.member("severity", finding.severity.rawValue)
        json.member("state", finding.state.rawValue)
        json.member("cluster", cluster)
        if let pool = finding.subject.poolName { json.member("agentPool", pool) }
        if case .relatedResource(let type, let name) = finding.subject {
            json.key("relatedResource")
            json.beginObject()
            json.member("type", type)
            json.member("name", name)
            json.endObject()
        }
        json.member("message", finding.statement)
        json.key("location")
        json.beginObject()
        json.member("path", finding.location.file)
        json.member("line", finding.location.region.start.line)
        json.member("column", finding.location.region.start.column)
        json.member("endLine", finding.location.region.end.line)
        json.member("endColumn", finding.location.region.end.column)
        json.member("jsonPath", finding.location.path)
        json.endObject()
        json.member("property", joining: finding.propertyPath.forEachPiece)
        if finding.state == .indeterminate { json.member("unresolved", finding.unresolvedExpression) }
        if let commandText = finding.rule.remediation.commandText {
            let (cluster, subject) = (finding.cluster, finding.subject)
            json.member("command", joining: { Remediation.forEachPiece(ofCommand: commandText, for: cluster, subject: subject, $0) })
        } else {
            json.member("command", nil as String?)
        }
        json.member("fingerprint", hex: finding.fingerprintValue)
        if let accepted = finding.suppression { json.member("suppressed", suppression(accepted)) }
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
