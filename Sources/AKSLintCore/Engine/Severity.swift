/// How much a failing rule matters. Decides the CI gate (`--fail-on`) and SARIF levels.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case critical, high, medium, low, info

    /// Higher is more severe.
    public var rank: Int {
        switch self {
        case .critical: return 4
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        case .info: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The name as a heading writes it: "Critical", "High".
    public var title: String {
        switch self {
        case .critical: return "Critical"
        case .high: return "High"
        case .medium: return "Medium"
        case .low: return "Low"
        case .info: return "Info"
        }
    }

    /// The SARIF `level` for results of this severity.
    public var sarifLevel: String {
        switch self {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub's `security-severity` score; nil for `info`, which has no security severity.
    public var securitySeverity: String? {
        switch self {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return nil
        }
    }
}

/// The family a rule belongs to: for security posture, the hundreds digit of its id (1 to 8);
/// rules beyond security posture (reliability, cost, naming) are the 9xx family and do not run
/// unless asked for (`--rules all`, `--rules reliability`, or `enabledRules` in `.akslint.json`).
public enum RuleCategory: String, Sendable, CaseIterable {
    case identity = "identity-and-access"
    case network = "network"
    case dataProtection = "secrets-and-data-protection"
    case threatProtection = "threat-protection-and-governance"
    case monitoring = "logging-and-monitoring"
    case lifecycle = "lifecycle"
    case nodePools = "node-pools"
    case relatedResources = "related-resources"
    case reliability = "reliability"
    case cost = "cost"
    case naming = "naming"

    /// Whether the family is about security posture (and so runs by default).
    public var isSecurityPosture: Bool {
        switch self {
        case .reliability, .cost, .naming: return false
        default: return true
        }
    }

    /// The heading used in the catalogue.
    public var title: String {
        switch self {
        case .identity: return "Identity and access"
        case .network: return "Network"
        case .dataProtection: return "Secrets and data protection"
        case .threatProtection: return "Threat protection and governance"
        case .monitoring: return "Logging and monitoring"
        case .lifecycle: return "Lifecycle"
        case .nodePools: return "Node pools"
        case .relatedResources: return "Related resources"
        case .reliability: return "Reliability"
        case .cost: return "Cost"
        case .naming: return "Naming"
        }
    }
}
