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

    /// The report with accepted findings marked, and its ``LintReport/suppressionReview`` filled
    /// in. Suppression sites without a rule or a reason are warned about in their input's report.
    public func apply(to report: LintReport) -> LintReport {
        let active = configuration.suppressions.filter { entry in entry.expires.map { $0 >= today } ?? true }
        var usedConfiguration = Set<SourceReference>()
        var usedInline = Set<SourceReference>()
        var matchedBaseline = Set<UInt64>()
        let checked = report.inputs.map { InlineSuppression.checking($0.suppressionSites) }

        let nothingToApply = active.isEmpty && baseline == nil && checked.allSatisfy { $0.suppressions.isEmpty && $0.warnings.isEmpty }
        let inputs = nothingToApply ? report.inputs : zip(report.inputs, checked).map { input, inline in
            input.addingWarnings(inline.warnings.map { Diagnostic(path: input.path(of: $0.file), position: $0.position, message: $0.message) }).mappingResults { finding in
                guard finding.state == .fail || finding.state == .indeterminate else { return finding }
                var marked = finding
                if let baseline, baseline.contains(finding) { matchedBaseline.insert(finding.fingerprintValue) }
                if let suppression = inline.suppressions.first(where: { $0.clusterOrdinal == finding.cluster.ordinal && $0.rule.equalsIgnoringASCIICase(finding.ruleId) }) {
                    let source = SourceReference(path: input.path(of: suppression.file), line: suppression.line)
                    usedInline.insert(source)
                    marked.suppression = Suppression(kind: .inSource, justification: suppression.reason, source: source)
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
        review.baselineEntriesNotFound = baseline.map { $0.fingerprintCount - matchedBaseline.count } ?? 0
        review.expired = configuration.suppressions.filter { entry in entry.expires.map { $0 < today } ?? false }
        review.unused = active
            .filter { !usedConfiguration.contains($0.source) && ranRules.contains($0.rule) }
            .map { UnusedSuppression(rule: $0.rule, source: $0.source, kind: .external) }
        for (input, inline) in zip(report.inputs, checked) {
            var seen = Set<SourceReference>()
            for suppression in inline.suppressions {
                let source = SourceReference(path: input.path(of: suppression.file), line: suppression.line)
                let known = knownRules.contains { $0.equalsIgnoringASCIICase(suppression.rule) }
                let ran = ranRules.contains { $0.equalsIgnoringASCIICase(suppression.rule) }
                if (ran || !known), !usedInline.contains(source), seen.insert(source).inserted {
                    review.unused.append(UnusedSuppression(rule: suppression.rule, source: source, kind: .inSource, unknownRule: !known))
                }
            }
        }
        return LintReport(inputs: inputs, rules: report.rules, evaluationDay: report.evaluationDay, suppressionReview: review, framework: report.framework)
    }
}
