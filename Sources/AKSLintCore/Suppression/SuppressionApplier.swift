/// Marks the findings of a report that are accepted, from the most specific decision to the
/// least: the template's own `metadata.akslint.suppress`, then `.akslint.json` suppressions, then
/// the baseline. Nothing is removed: suppressed findings stay in the report and its counts.
/// Expired suppressions stop applying and are reported, as are suppressions that matched nothing.
public struct SuppressionApplier: Sendable {
    public let configuration: LintConfiguration
    public let baseline: Baseline?
    /// The day expiry dates are compared with: a suppression applies through its `expires` day.
    public let today: CalendarDay
    /// Every rule id there is (run or not), so an inline suppression of a mistyped id is reported.
    public let knownRules: Set<String>

    /// Creates an applier.
    public init(configuration: LintConfiguration, baseline: Baseline?, today: CalendarDay, knownRules: Set<String>) {
        self.configuration = configuration
        self.baseline = baseline
        self.today = today
        self.knownRules = knownRules
    }

    /// The report with accepted findings marked, and its ``LintReport/suppressionReview`` filled in.
    public func apply(to report: LintReport) -> LintReport {
        let active = configuration.suppressions.filter { entry in entry.expires.map { $0 >= today } ?? true }
        var usedConfiguration = Set<SourceReference>()
        var usedInline = Set<SourceReference>()

        let nothingToApply = active.isEmpty && baseline == nil && report.inputs.allSatisfy { $0.clusters.allSatisfy(\.inlineSuppressions.isEmpty) }
        let inputs = nothingToApply ? report.inputs : report.inputs.map { input in
            input.mappingResults { finding in
                guard finding.state == .fail || finding.state == .indeterminate else { return finding }
                var marked = finding
                if let inline = finding.cluster.inlineSuppressions.first(where: { $0.rule.equalsIgnoringASCIICase(finding.ruleId) }) {
                    let source = SourceReference(path: input.path, line: inline.line)
                    usedInline.insert(source)
                    marked.suppression = Suppression(kind: .inSource, justification: inline.reason, source: source)
                } else if let entry = active.first(where: { $0.matches(ruleId: finding.ruleId, cluster: finding.cluster) }) {
                    usedConfiguration.insert(entry.source)
                    marked.suppression = Suppression(kind: .external, justification: entry.reason, source: entry.source, expires: entry.expires)
                } else if let baseline, baseline.contains(finding) {
                    marked.suppression = Suppression(kind: .baseline, justification: "accepted in the baseline \(baseline.path)", source: SourceReference(path: baseline.path))
                }
                return marked
            }
        }

        let ranRules = Set(report.rules.map(\.id))
        var review = SuppressionReview(configurationPath: configuration.path, baselinePath: baseline?.path)
        review.expired = configuration.suppressions.filter { entry in entry.expires.map { $0 < today } ?? false }
        review.unused = active
            .filter { !usedConfiguration.contains($0.source) && ranRules.contains($0.rule) }
            .map { UnusedSuppression(rule: $0.rule, source: $0.source, kind: .external) }
        for input in report.inputs {
            var seen = Set<SourceReference>()
            for inline in input.clusters.flatMap(\.inlineSuppressions) {
                let source = SourceReference(path: input.path, line: inline.line)
                let known = knownRules.contains { $0.equalsIgnoringASCIICase(inline.rule) }
                let ran = ranRules.contains { $0.equalsIgnoringASCIICase(inline.rule) }
                if (ran || !known), !usedInline.contains(source), seen.insert(source).inserted {
                    review.unused.append(UnusedSuppression(rule: inline.rule, source: source, kind: .inSource, unknownRule: !known))
                }
            }
        }
        return LintReport(inputs: inputs, rules: report.rules, evaluationDay: report.evaluationDay, suppressionReview: review, framework: report.framework)
    }
}
