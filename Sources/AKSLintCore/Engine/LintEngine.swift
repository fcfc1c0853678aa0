/// Runs a set of rules over the clusters of an input and turns their results into findings.
///
/// The engine knows nothing of the built-in catalogue: the CLI passes `BuiltinRules.all`, a test
/// or an embedder passes any rules it likes.
public struct LintEngine: Sendable {
    /// The rules to run, in report order.
    public let rules: [any Rule]
    public let context: RuleContext

    /// The rules in the order a cluster's results are reported: more severe first, then by rule
    /// id. Judging them in this order makes every cluster's results come out sorted.
    private let rulesInReportOrder: [any Rule]

    /// Creates an engine.
    public init(rules: [any Rule], context: RuleContext = RuleContext()) {
        self.rules = rules
        self.context = context
        // A stable sort: rules that neither precedes keep their order, as their results would.
        rulesInReportOrder = rules.enumerated().sorted { left, right in
            let (first, second) = (left.element.metadata, right.element.metadata)
            if first.severity != second.severity { return first.severity > second.severity }
            if first.id != second.id { return first.id < second.id }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// Every result of every rule on every cluster of `input`, resolved against `path`, in report
    /// order: clusters as in the input, and each cluster's results most severe first, then by rule
    /// id (so reports need not sort them again). Throws when a rule breaks its contract (it
    /// returned no result), which is a bug in that rule.
    ///
    /// With `parallelism` above 1, a file of many clusters (a fleet export) is judged on that many
    /// threads, a batch of clusters at a time; the results are the same, in the same order. Call
    /// it from a ``WorkerThreads`` thread, as the command line does.
    public func evaluate(_ input: LoadedInput, path: String, parallelism: Int = 1) throws(RuleContractViolation) -> [Finding] {
        try evaluate(input, path: path, parallelism: parallelism, keepingPasses: true).findings
    }

    /// What ``evaluate(_:path:parallelism:keepingPasses:)`` found.
    public struct Evaluation: Sendable {
        /// The results kept, in report order.
        public var findings: [Finding] = []
        /// The passes and not-applicable results that were only counted.
        public var omitted = OmittedResults()
        /// The clusters judged, in input order, as findings refer to them.
        public var clusters: [ClusterReference] = []
    }

    /// As ``evaluate(_:path:parallelism:)``; without `keepingPasses`, passes and not-applicable
    /// results are only counted, for a run whose reports do not list them (see ``OmittedResults``).
    public func evaluate(_ input: LoadedInput, path: String, parallelism: Int = 1, keepingPasses: Bool) throws(RuleContractViolation) -> Evaluation {
        try evaluate(taking: input.clusters, of: input, path: path, parallelism: parallelism, keepingPasses: keepingPasses)
    }

    /// As ``evaluate(_:path:parallelism:keepingPasses:)``, for clusters moved out of `input` (see
    /// ``LoadedInput/takeClusters()``). Each cluster is let go as soon as it is judged, and the
    /// findings hold none of its values (see ``Finding``), so a fleet's parse tree is freed while
    /// the rules run instead of after the report, unless passes are kept.
    package func evaluate(
        taking clusters: consuming [ClusterResource], of input: LoadedInput, path: String, parallelism: Int = 1, keepingPasses: Bool
    ) throws(RuleContractViolation) -> Evaluation {
        let count = clusters.count
        let perBatch = parallelism > 1 ? Self.clustersPerBatch : max(1, count)
        // Each batch is reversed, so that judging it can give up one cluster at a time (popLast).
        var batches = stride(from: 0, to: count, by: perBatch).map { Array(clusters[$0..<min($0 + perBatch, count)].reversed()) }
        _ = consume clusters
        guard batches.count > 1 else { return try evaluate(reversed: batches.popLast() ?? [], of: input, path: path, keepingPasses: keepingPasses) }
        let outcomes = WorkerThreads.map(taking: consume batches, parallelism: parallelism) { batch in
            Result { () throws(RuleContractViolation) in try evaluate(reversed: batch, of: input, path: path, keepingPasses: keepingPasses) }
        }
        var evaluation = Evaluation()
        evaluation.findings.reserveCapacity(outcomes.reduce(0) { $0 + ((try? $1.get())?.findings.count ?? 0) })
        for outcome in outcomes {
            let batch = try outcome.get()
            evaluation.findings += batch.findings
            evaluation.omitted.add(batch.omitted)
            evaluation.clusters += batch.clusters
        }
        return evaluation
    }

    /// Clusters judged by one thread at a time: enough that starting a batch costs nothing next
    /// to it, few enough that two threads share a fleet evenly.
    static let clustersPerBatch = 64

    /// Judges a batch of clusters, given last first, letting each go once judged.
    private func evaluate(reversed batch: consuming [ClusterResource], of input: LoadedInput, path: String, keepingPasses: Bool) throws(RuleContractViolation) -> Evaluation {
        var evaluation = Evaluation()
        evaluation.findings.reserveCapacity(batch.count * rules.count * (keepingPasses ? 3 : 1) / 2)
        evaluation.clusters.reserveCapacity(batch.count)
        while let cluster = batch.popLast() {
            let reference = ClusterReference(cluster, deployedBy: input.deployment(of: cluster, inputPath: path))
            evaluation.clusters.append(reference)
            let poolsHaveConditions = cluster.agentPools.contains { $0.deploymentCondition != nil }
            for rule in rulesInReportOrder where !cluster.isPoolsOnly || rule.metadata.judgesNodePools {
                let metadata = rule.metadata
                let results = results(of: rule, on: cluster)
                guard !results.isEmpty else { throw RuleContractViolation(ruleId: metadata.id, cluster: cluster.displayName) }
                // Results are read in place: most are passes that are only counted, and copying
                // one costs a reference count per field.
                for index in results.indices {
                    let condition = deploymentCondition(of: results[index].subject, on: cluster, poolsHaveConditions: poolsHaveConditions)
                    let state = results[index].state(conditionedOn: condition)
                    if !keepingPasses && (state == .pass || state == .notApplicable) {
                        evaluation.omitted.count(state, at: metadata.severity)
                        continue
                    }
                    let result = results[index].conditioned(on: condition, failureRisk: metadata.risk)
                    evaluation.findings.append(Finding(
                        rule: metadata,
                        state: result.state,
                        cluster: reference,
                        subject: result.subject,
                        message: result.makeMessage,
                        location: location(of: result, in: input.sources, inputPath: path),
                        property: result.propertyPath,
                        unresolvedExpression: result.unresolvedExpression))
                }
            }
        }
        return evaluation
    }

    /// The rule's results on the cluster, with results left indeterminate by a parameter that
    /// has no value settled by its allowed values (see ``AllowedValueVerdicts``).
    private func results(of rule: any Rule, on cluster: ClusterResource) -> [RuleResult] {
        let base = rule.evaluate(cluster, context: context)
        guard !cluster.variants.isEmpty, base.contains(where: { $0.state == .indeterminate }) else { return base }
        let variantResults = cluster.variants.map { rule.evaluate($0.cluster, context: context) }
        return AllowedValueVerdicts.settle(base, variants: cluster.variants, variantResults: variantResults)
    }

    /// The deployment condition, if one cannot be evaluated, of what a result is about: the
    /// cluster's, else its node pool's. A result under such a condition becomes indeterminate
    /// (see ``RuleResult/conditioned(on:)``).
    private func deploymentCondition(of subject: ResultSubject, on cluster: ClusterResource, poolsHaveConditions: Bool) -> UnresolvedExpression? {
        if let condition = cluster.deploymentCondition { return condition }
        guard poolsHaveConditions, let pool = subject.poolName else { return nil }
        return cluster.agentPools.first(where: { $0.displayName == pool })?.deploymentCondition
    }

    /// Where a result points: the file its value was read from, and the value, or only the opening
    /// brace of the object that lacks the setting (a one-line region annotates a pull request; a
    /// whole object rarely does).
    private func location(of result: RuleResult, in sources: SourceSet, inputPath: String) -> FindingLocation {
        var span = result.location.node.span
        if result.pointsAtEnclosingObject { span.end = span.start + 1 }
        return FindingLocation(
            file: sources.path(of: span.file, inputPath: inputPath),
            region: sources.region(of: span),
            path: result.location.path)
    }
}

/// A rule that broke its contract: it returned no result for a cluster, so it would pass by not
/// looking. This is a bug in the rule, reported as an internal error (exit status 3).
public struct RuleContractViolation: Error, Sendable, Equatable {
    public let ruleId: String
    /// The cluster it was judging.
    public let cluster: String

    public var description: String {
        "internal error: rule \(ruleId) returned no result for cluster \(ValueDescription.quote(cluster)), so it cannot be trusted on this input (a bug in akslint: please report it at \(AKSLintInfo.informationURI)/issues)"
    }
}
