/// Everything one run of akslint found, ready for any reporter.
public struct LintReport: Sendable {
    /// One entry per input, in the order they were given.
    public let inputs: [InputReport]
    /// The rules that ran, in catalogue order.
    public let rules: [RuleMetadata]
    /// The day date-dependent rules were evaluated at.
    public let evaluationDay: CalendarDay
    /// The configuration and baseline used, and their expired or unused suppressions.
    public let suppressionReview: SuppressionReview
    /// The framework the run was asked to evidence (`--framework`): reports then summarise by its controls.
    public let framework: ComplianceControl.Framework?

    /// Creates a report.
    package init(
        inputs: [InputReport], rules: [RuleMetadata], evaluationDay: CalendarDay = .today,
        suppressionReview: SuppressionReview = SuppressionReview(), framework: ComplianceControl.Framework? = nil
    ) {
        self.inputs = inputs
        self.rules = rules
        self.evaluationDay = evaluationDay
        self.suppressionReview = suppressionReview
        self.framework = framework
    }

    /// The same report with each input transformed.
    public func mappingInputs(_ transform: (InputReport) -> InputReport) -> LintReport {
        LintReport(inputs: inputs.map(transform), rules: rules, evaluationDay: evaluationDay, suppressionReview: suppressionReview, framework: framework)
    }

    /// Failing and indeterminate results: what reports list.
    public var findings: [Finding] { inputs.flatMap(\.findings) }

    /// Every result, passes and not-applicable ones included.
    public var allResults: [Finding] { inputs.flatMap(\.results) }

    /// Inputs that could not be read.
    public var errors: [Diagnostic] { inputs.compactMap(\.error) }

    /// Notes about inputs that were read.
    public var warnings: [Diagnostic] { inputs.flatMap(\.warnings) }

    /// Counts for summaries.
    public var summary: Summary { Summary(self) }

    /// When every input was read and none held a cluster (none linted, none destroyed by a plan),
    /// the sentence every report says it with: a wrong path, `{}` from a failed `az` command or a
    /// folder of other files would otherwise pass in silence. Nil when some cluster was found or
    /// an input could not be read (which is an error of its own).
    public var noClusterWarning: String? {
        guard inputs.allSatisfy({ $0.clusters.isEmpty && $0.destroyedClusters.isEmpty && $0.error == nil }) else { return nil }
        let scope = switch inputs.count {
        case 0: "the paths given (no input file was found)"
        case 1: "the input"
        default: "any of the \(inputs.count) inputs"
        }
        return "no AKS cluster was found in \(scope), so nothing was checked: check the paths, and that the files are cluster exports, templates or plans (a failed az command may have written {} or [])"
    }
}

/// What one input produced.
public struct InputReport: Sendable {
    /// The path as given (or the stdin name).
    public let path: String
    /// What the document was; nil when it could not be read.
    public let format: InputFormat?
    public let encoding: SourceEncoding?
    /// The clusters found.
    public let clusters: [ClusterReference]
    /// Every result, sorted by cluster, then most severe first, then rule id; passes and
    /// not-applicable results only when the run's reports list them (else see ``omitted``).
    public private(set) var results: [Finding]
    /// The passes and not-applicable results only counted (see ``OmittedResults``).
    public private(set) var omitted = OmittedResults()
    /// Why the input could not be read, if it could not.
    public let error: Diagnostic?
    /// Notes about the input.
    public private(set) var warnings: [Diagnostic]
    /// The parameters file applied to a template.
    public let parametersPath: String?
    /// The suppressions written in the input, as its reader found them.
    public let suppressionSites: [SuppressionSite]
    /// The path of each file of the input's source set, by identity (the input's own first).
    public let sourcePaths: [String]
    /// For a Terraform plan: the addresses of the clusters it destroys (not linted).
    public private(set) var destroyedClusters: [String] = []

    /// A report for an input that was read and linted; `results` are the engine's (see
    /// ``LintEngine/evaluate(_:path:parallelism:keepingPasses:)``), in its order.
    package init(path: String, loaded: LoadedInput, results: [Finding], omitted: OmittedResults = OmittedResults()) {
        let clusters = loaded.clusters.map { ClusterReference($0, deployedBy: loaded.deployment(of: $0, inputPath: path)) }
        self.init(path: path, loaded: loaded, clusters: clusters, results: results, omitted: omitted)
    }

    /// A report for an input whose clusters the engine took (see
    /// ``LintEngine/evaluate(taking:of:path:parallelism:keepingPasses:)``): they are those it judged.
    package init(path: String, loaded: LoadedInput, evaluation: LintEngine.Evaluation) {
        self.init(path: path, loaded: loaded, clusters: evaluation.clusters, results: evaluation.findings, omitted: evaluation.omitted)
    }

    private init(path: String, loaded: LoadedInput, clusters: [ClusterReference], results: [Finding], omitted: OmittedResults) {
        self.path = path
        self.omitted = omitted
        self.parametersPath = loaded.parametersPath
        self.format = loaded.format
        self.encoding = loaded.encoding
        self.clusters = clusters
        self.suppressionSites = loaded.suppressionSites
        self.destroyedClusters = loaded.destroyedClusters
        let sourcePaths = loaded.sources.paths(inputPath: path)
        self.sourcePaths = sourcePaths
        let group = Self.groups(of: self.clusters)
        func groupOf(_ finding: Finding) -> Int { finding.cluster.ordinal < group.count ? group[finding.cluster.ordinal] : finding.cluster.ordinal }
        // The engine emits each cluster's results together and in report order, so only results
        // of a cluster listed twice (one identity, two positions) move.
        let everyClusterOnce = group.indices.allSatisfy { group[$0] == $0 }
        self.results = everyClusterOnce ? results : results.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if groupOf(a) != groupOf(b) { return groupOf(a) < groupOf(b) }
            if Finding.precedes(a, b) || Finding.precedes(b, a) { return Finding.precedes(a, b) }
            return left.offset < right.offset
        }.map(\.element)
        func diagnostic(_ note: InputWarning) -> Diagnostic {
            Diagnostic(path: Self.path(of: note.file, in: sourcePaths, inputPath: path), position: note.position, message: note.message, leavesUnchecked: note.leavesUnchecked)
        }
        // The first error makes the input invalid (exit status 2); the others are listed with the warnings.
        self.error = loaded.errors.first.map(diagnostic)
        self.warnings = loaded.errors.dropFirst().map { diagnostic(InputWarning("also invalid: " + $0.message, position: $0.position, file: $0.file)) }
            + loaded.warnings.map(diagnostic)
    }

    /// A report with every field given.
    package init(
        path: String, format: InputFormat?, encoding: SourceEncoding?, clusters: [ClusterReference], results: [Finding],
        error: Diagnostic?, warnings: [Diagnostic], parametersPath: String? = nil, suppressionSites: [SuppressionSite] = [],
        sourcePaths: [String]? = nil
    ) {
        self.path = path
        self.parametersPath = parametersPath
        self.format = format
        self.encoding = encoding
        self.clusters = clusters
        self.results = results
        self.error = error
        self.warnings = warnings
        self.suppressionSites = suppressionSites
        self.sourcePaths = sourcePaths ?? [path]
    }

    /// The path of `file` of this input's source set.
    public func path(of file: SourceFileID) -> String {
        Self.path(of: file, in: sourcePaths, inputPath: path)
    }

    private static func path(of file: SourceFileID, in paths: [String], inputPath: String) -> String {
        Int(file.rawValue) < paths.count ? paths[Int(file.rawValue)] : inputPath
    }

    /// A report for an input that could not be read.
    package init(path: String, error: Diagnostic) {
        self.init(path: path, format: nil, encoding: nil, clusters: [], results: [], error: error, warnings: [])
    }

    /// The same report with only the results at `severity` or above (omitted ones included).
    package func filteringResults(atLeast severity: Severity) -> InputReport {
        var copy = self
        copy.results = results.filter { $0.severity >= severity }
        copy.omitted = omitted.atLeast(severity)
        return copy
    }

    /// The same report with each result transformed.
    package func mappingResults(_ transform: (Finding) -> Finding) -> InputReport {
        var copy = self
        copy.results = results.map(transform)
        return copy
    }

    /// The same report without warnings.
    package func droppingWarnings() -> InputReport {
        var copy = self
        copy.warnings = []
        return copy
    }

    /// The same report with more warnings.
    package func addingWarnings(_ more: [Diagnostic]) -> InputReport {
        var copy = self
        copy.warnings += more
        return copy
    }

    /// Failing and indeterminate results, suppressed ones included.
    public var findings: [Finding] { results.filter { $0.state == .fail || $0.state == .indeterminate } }

    /// Each cluster with its results, in cluster order (one pass over the results). Clusters with
    /// the same identity (the same cluster listed twice) form one group, under the first.
    public var resultsByCluster: [(cluster: ClusterReference, results: [Finding])] {
        let group = Self.groups(of: clusters)
        var grouped = [[Finding]](repeating: [], count: clusters.count)
        for result in results where result.cluster.ordinal < group.count { grouped[group[result.cluster.ordinal]].append(result) }
        return clusters.indices.compactMap { index in group[index] == index ? (clusters[index], grouped[index]) : nil }
    }

    /// For each cluster position, the position of the first cluster with its identity: each
    /// identity is hashed once per input, not once per comparison.
    private static func groups(of clusters: [ClusterReference]) -> [Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(clusters.count)
        return clusters.enumerated().map { index, cluster in
            if let earlier = first[cluster.identity] { return earlier }
            first[cluster.identity] = index
            return index
        }
    }
}

/// Counts over a report.
public struct Summary: Sendable {
    public let files: Int
    public let clusters: Int
    public let rulesEvaluated: Int
    public let errors: Int
    /// The results by kind, and open failures by severity.
    public let counts: ResultCounts
    public var pass: Int { counts.pass }
    public var fail: Int { counts.fail }
    public var indeterminate: Int { counts.indeterminate }
    public var notApplicable: Int { counts.notApplicable }
    /// Findings accepted in the configuration or the template (not counted in `fail`/`indeterminate`).
    public var suppressed: Int { counts.suppressed }
    /// Findings accepted in the baseline (not counted in `fail`/`indeterminate`).
    public var baselined: Int { counts.baselined }
    /// Clusters of Terraform plans by what the plan does to them (`create`, `update`, `replace`,
    /// `no-op`, and `delete` for those it destroys, which are not linted); empty without plans.
    public let planActions: [String: Int]

    init(_ report: LintReport) {
        counts = ResultCounts(report.inputs)
        files = report.inputs.count
        clusters = report.inputs.reduce(0) { $0 + $1.clusters.count }
        rulesEvaluated = report.rules.count
        errors = report.errors.count
        var actions: [String: Int] = [:]
        for input in report.inputs {
            for cluster in input.clusters {
                if let action = cluster.terraform?.action { actions[action, default: 0] += 1 }
            }
            if !input.destroyedClusters.isEmpty { actions["delete", default: 0] += input.destroyedClusters.count }
        }
        planActions = actions
    }
}
