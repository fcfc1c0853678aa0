/// How the run's suppressions fared: the files they came from, the configuration entries past
/// their expiry date, and the suppressions that matched no finding (stale, or mistyped).
public struct SuppressionReview: Sendable {
    /// The `.akslint.json` that was read, if any.
    public var configurationPath: String?
    /// The baseline given with `--baseline`, if any.
    public var baselinePath: String?
    /// Configuration suppressions past their expiry date: they no longer apply.
    public var expired: [SuppressionEntry] = []
    /// Suppressions of rules that ran which matched no finding, and inline suppressions of ids
    /// that are no akslint rule.
    public var unused: [UnusedSuppression] = []
    /// With a baseline: how many of its findings this run no longer has (fixed, or gone).
    public var baselineEntriesNotFound = 0

    /// A review with nothing to say.
    package init(configurationPath: String? = nil, baselinePath: String? = nil) {
        self.configurationPath = configurationPath
        self.baselinePath = baselinePath
    }

    /// One note per expired or unused suppression, for standard error and report warnings.
    public var notes: [(source: SourceReference, message: String)] {
        expired.map { entry in
            (entry.source, "the suppression of \(entry.rule)\(entry.cluster.map { " for \($0)" } ?? "") expired on \(entry.expires.map(\.description) ?? "?"); its findings are reported again")
        } + unused.map { suppression in
            suppression.unknownRule
                ? (suppression.source, "the suppression names \(ValueDescription.quote(suppression.rule)), which is no akslint rule (run 'akslint rules' for the list)")
                : (suppression.source, "the suppression of \(suppression.rule) matched no finding; remove it if the finding is fixed")
        }
    }
}

/// A suppression that matched no finding.
public struct UnusedSuppression: Sendable, Equatable {
    public let rule: String
    /// Where it is written.
    public let source: SourceReference
    public let kind: Suppression.Kind
    /// Whether `rule` is no akslint rule at all (a typo, or a rule of another tool).
    public let unknownRule: Bool

    /// Creates an entry.
    package init(rule: String, source: SourceReference, kind: Suppression.Kind, unknownRule: Bool = false) {
        self.rule = rule
        self.source = source
        self.kind = kind
        self.unknownRule = unknownRule
    }
}
