/// A control of a security framework that a rule's result is evidence for, so a compliance team
/// can read a report by control ("MCSB NS-2: 3 of 4 checks pass") and run only the rules that
/// evidence one framework (`--framework cis`).
public struct ComplianceControl: Sendable, Hashable, Comparable {
    /// The frameworks akslint maps its rules to.
    public enum Framework: String, Sendable, CaseIterable {
        /// CIS Azure Kubernetes Service (AKS) Benchmark 1.8.0 (the recommendations kube-bench carries).
        case cis
        /// Microsoft cloud security benchmark v1.
        case mcsb

        /// The framework's name for reports.
        public var title: String {
            switch self {
            case .cis: return "CIS Azure Kubernetes Service Benchmark 1.8.0"
            case .mcsb: return "Microsoft cloud security benchmark v1"
            }
        }

        /// The short prefix of its controls: `CIS AKS 5.4.2`, `MCSB NS-2`.
        public var prefix: String {
            switch self {
            case .cis: return "CIS AKS"
            case .mcsb: return "MCSB"
            }
        }
    }

    public let framework: Framework
    /// The control's number in its framework: `5.4.2`, `NS-2`.
    public let id: String

    /// Creates a reference to a control (the catalogue below must know it: a test checks).
    public init(_ framework: Framework, _ id: String) {
        self.framework = framework
        self.id = id
        self.label = "\(framework.prefix) \(id)"
        self.tag = label.replacing(" ", with: "-")
    }

    /// A CIS AKS Benchmark recommendation.
    public static func cis(_ id: String) -> ComplianceControl { ComplianceControl(.cis, id) }
    /// A Microsoft cloud security benchmark control.
    public static func mcsb(_ id: String) -> ComplianceControl { ComplianceControl(.mcsb, id) }

    /// `CIS AKS 5.4.2`, `MCSB NS-2`.
    public let label: String

    /// The control's title, from ``ComplianceCatalogue``.
    public var title: String { ComplianceCatalogue.title(of: self) ?? "(unknown control)" }

    /// The SARIF `properties.tags` entry code scanning filters by: `CIS-AKS-5.4.2`, `MCSB-NS-2`
    /// (made once: every finding's report lists its rule's tags).
    public let tag: String

    public static func < (left: ComplianceControl, right: ComplianceControl) -> Bool {
        if left.framework != right.framework { return left.framework == .cis }
        return left.id.compare(numerically: right.id)
    }
}

/// The titles of the controls akslint's rules evidence.
///
/// CIS: the AKS Benchmark 1.8.0 as kube-bench carries it (`cfg/aks-1.8.0`); only recommendations a
/// cluster's configuration can evidence are mapped (section 3's kubelet files and most of section
/// 4's in-cluster objects cannot be seen in an export or a template). MCSB: the v1 control list.
public enum ComplianceCatalogue {
    static let titles: [ComplianceControl: String] = [
        .cis("2.1.1"): "Enable audit logs",
        .cis("4.1.1"): "Ensure that the cluster-admin role is only used where required",
        .cis("4.2.1"): "Minimize the admission of privileged containers",
        .cis("4.4.2"): "Ensure that all namespaces have network policies defined",
        .cis("4.5.2"): "Consider external secret storage",
        .cis("5.1.1"): "Ensure image vulnerability scanning using Microsoft Defender for Cloud image scanning or a third-party provider",
        .cis("5.1.2"): "Minimize user access to Azure Container Registry (ACR)",
        .cis("5.1.4"): "Minimize container registries to only those approved",
        .cis("5.2.1"): "Prefer using dedicated AKS service accounts",
        .cis("5.3.1"): "Ensure Kubernetes Secrets are encrypted",
        .cis("5.4.1"): "Restrict access to the control plane endpoint",
        .cis("5.4.2"): "Ensure clusters are created with private endpoint enabled and public access disabled",
        .cis("5.4.3"): "Ensure clusters are created with private nodes",
        .cis("5.4.4"): "Ensure network policy is enabled and set as appropriate",
        .cis("5.5.1"): "Manage Kubernetes RBAC users with Azure AD",
        .cis("5.5.2"): "Use Azure RBAC for Kubernetes authorization",
        .mcsb("NS-1"): "Establish network segmentation boundaries",
        .mcsb("NS-2"): "Secure cloud native services with network controls",
        .mcsb("NS-3"): "Deploy firewall at the edge of enterprise network",
        .mcsb("IM-1"): "Use centralized identity and authentication system",
        .mcsb("IM-2"): "Protect identity and authentication systems",
        .mcsb("IM-3"): "Manage application identities securely and automatically",
        .mcsb("IM-8"): "Restrict the exposure of credentials and secrets",
        .mcsb("PA-1"): "Separate and limit highly privileged/administrative users",
        .mcsb("PA-7"): "Follow just enough administration (least privilege) principle",
        .mcsb("DP-3"): "Encrypt sensitive data in transit",
        .mcsb("DP-4"): "Enable data at rest encryption by default",
        .mcsb("DP-5"): "Use customer-managed key option in data at rest encryption when required",
        .mcsb("DP-6"): "Use a secure key management process",
        .mcsb("DP-7"): "Use a secure certificate management process",
        .mcsb("DP-8"): "Ensure security of key and certificate repository",
        .mcsb("AM-2"): "Use only approved services",
        .mcsb("LT-1"): "Enable threat detection capabilities",
        .mcsb("LT-3"): "Enable logging for security investigation",
        .mcsb("LT-4"): "Enable network logging for security investigation",
        .mcsb("LT-5"): "Centralize security log management and analysis",
        .mcsb("PV-2"): "Audit and enforce secure configurations",
        .mcsb("PV-4"): "Audit and enforce secure configurations for compute resources",
        .mcsb("PV-5"): "Perform vulnerability assessments",
        .mcsb("PV-6"): "Rapidly and automatically remediate vulnerabilities",
        .mcsb("ES-1"): "Use Endpoint Detection and Response (EDR)",
        .mcsb("BR-1"): "Ensure regular automated backups",
    ]

    /// The title of a control, if the catalogue knows it.
    public static func title(of control: ComplianceControl) -> String? { titles[control] }
}

extension String {
    /// Whether this dotted or dashed control number sorts before `other` (`5.4.2` < `5.4.10`, `NS-2` < `NS-10`).
    func compare(numerically other: String) -> Bool {
        let left = split(whereSeparator: { $0 == "." || $0 == "-" }), right = other.split(whereSeparator: { $0 == "." || $0 == "-" })
        for (a, b) in zip(left, right) where a != b {
            if let x = Int(a), let y = Int(b) { return x < y }
            return a < b
        }
        return left.count < right.count
    }
}
