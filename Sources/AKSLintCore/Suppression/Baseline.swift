/// Findings accepted at a point in time. A finding is in the baseline when its fingerprint is: rule,
/// cluster identity, subject and canonical property, never a line number, so reformatting an input
/// or moving a setting does not make old findings new.
public struct Baseline: Sendable {
    /// The baseline file's format version.
    public static let formatVersion = 1

    /// One accepted finding (the fields besides the fingerprint are for people reading the file).
    public struct Entry: Sendable, Equatable {
        public let fingerprint: String
        public let ruleId: String
        public let cluster: String
        public let property: String
    }

    public let entries: [Entry]
    /// The file it was read from.
    public let path: String
    /// The entries' fingerprints as numbers (one that is not 16 hex digits matches nothing).
    private let fingerprints: Set<UInt64>

    /// A baseline of these entries.
    public init(entries: [Entry], path: String) {
        self.entries = entries
        self.path = path
        self.fingerprints = Set(entries.compactMap { $0.fingerprint.utf8.count == 16 ? UInt64($0.fingerprint, radix: 16) : nil })
    }

    /// A baseline of the findings of a report that are open or already baselined (findings
    /// suppressed in the configuration or the template keep their own, reasoned suppression).
    public init(recording report: LintReport, path: String) {
        let entries = report.findings.filter { $0.suppression == nil || $0.suppression?.kind == .baseline }.map {
            Entry(fingerprint: $0.fingerprint, ruleId: $0.ruleId, cluster: $0.cluster.displayName, property: $0.property)
        }
        var seen = Set<String>()
        self.init(entries: entries.filter { seen.insert($0.fingerprint).inserted }, path: path)
    }

    /// Whether a finding was accepted.
    public func contains(_ finding: Finding) -> Bool { fingerprints.contains(finding.fingerprintValue) }

    /// How many distinct findings the baseline accepts.
    public var fingerprintCount: Int { fingerprints.count }

    /// The file's text: a versioned JSON object, entries sorted so the file diffs cleanly.
    public func serialized() -> String {
        JSONOutput.object([
            ("akslintBaseline", .int(Self.formatVersion)),
            ("findings", .array(entries.sorted { ($0.ruleId, $0.cluster, $0.property, $0.fingerprint) < ($1.ruleId, $1.cluster, $1.property, $1.fingerprint) }.map { entry in
                .object([
                    ("fingerprint", .string(entry.fingerprint)),
                    ("ruleId", .string(entry.ruleId)),
                    ("cluster", .string(entry.cluster)),
                    ("property", .string(entry.property)),
                ])
            })),
        ]).serialized()
    }

    /// Reads a baseline file.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Baseline {
        guard bytes.count <= InputLimits.maximumBaselineBytes else {
            throw Diagnostic(path: path, position: nil, message: "the baseline is \(bytes.count) bytes, above the limit of \(InputLimits.maximumBaselineBytes) bytes")
        }
        let document = try ConfigurationDocument.parse(bytes, path: path)
        guard case .number(let version)? = document.root.object?["akslintBaseline"]?.value, version == Double(formatVersion),
              let findings = document.root.object?["findings"]?.array else {
            throw Diagnostic(path: path, position: document.position(of: 0), message: "not an akslint baseline (expected {\"akslintBaseline\": 1, \"findings\": [...]}); write one with --write-baseline")
        }
        var entries: [Entry] = []
        for finding in findings {
            guard let object = finding.object, let fingerprint = object["fingerprint"]?.string else {
                throw Diagnostic(path: path, position: document.position(of: Int(finding.span.start)), message: "a baseline entry needs a \"fingerprint\"")
            }
            entries.append(Entry(fingerprint: fingerprint, ruleId: object["ruleId"]?.string ?? "", cluster: object["cluster"]?.string ?? "", property: object["property"]?.string ?? ""))
        }
        return Baseline(entries: entries, path: path)
    }
}
