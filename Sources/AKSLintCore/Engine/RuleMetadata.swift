/// Everything akslint says about a rule besides its logic: the text of `akslint explain`, the SARIF
/// rule descriptor and the catalogue table all come from this one value.
///
/// An immutable class, so every finding of a rule refers to the rule's one copy of its texts
/// instead of carrying them.
public final class RuleMetadata: Sendable {
    /// Permanent id, such as `AKS103`.
    public let id: String
    /// Kebab-case name, such as `local-accounts-disabled`.
    public let name: String
    /// One line saying what a compliant cluster does.
    public let title: String
    /// How serious a failure is (a configuration may override it: see ``withSeverity(_:)``).
    public let severity: Severity
    public let category: RuleCategory
    /// The settings read, in REST/ARM spelling.
    public let checks: String
    /// What a missing or `null` setting means (the platform default the rule assumes).
    public let absentMeans: String
    /// Why it matters: two to five sentences.
    public let rationale: String
    /// What a failing cluster is exposed to, in one clause ("anyone holding the cluster-admin
    /// kubeconfig bypasses Entra ID."). Every failed result of a rule with a risk states it after
    /// its message and a colon; nil for a rule whose failures each say their own.
    public let risk: String?
    public let remediation: Remediation
    /// Microsoft documentation and other sources.
    public let references: [Reference]
    /// The same check in other tools (PSRule for Azure, checkov, trivy, KICS, Prowler, Azure Policy).
    public let peers: [PeerCheck]
    /// The framework controls the rule's result is evidence for (CIS AKS, MCSB).
    public let controls: [ComplianceControl]
    /// Inputs that must fail and inputs that must pass; the test suite runs all of them.
    public let examples: [RuleExample]
    /// Whether the rule judges node pools one by one, so it also runs on node pools read without
    /// their cluster (`az aks nodepool list`, a template's child `agentPools` of an existing cluster).
    public let judgesNodePools: Bool
    /// What a setting that cannot be resolved offline gives: indeterminate for every rule except
    /// those where an unresolved value is itself the secure case (AKS306: a credential supplied
    /// at deployment is not written in the file).
    public let unresolvedMeans: ResultState

    /// Creates rule metadata.
    public init(
        id: String, name: String, title: String, severity: Severity, category: RuleCategory,
        checks: String, absentMeans: String, rationale: String, risk: String? = nil, remediation: Remediation,
        references: [Reference], peers: [PeerCheck] = [], controls: [ComplianceControl] = [], judgesNodePools: Bool = false,
        examples: [RuleExample], unresolvedMeans: ResultState = .indeterminate
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.severity = severity
        self.category = category
        self.checks = checks
        self.absentMeans = absentMeans
        self.rationale = rationale
        self.risk = risk
        self.remediation = remediation
        self.references = references
        self.peers = peers
        self.controls = controls.sorted()
        self.judgesNodePools = judgesNodePools
        self.examples = examples
        self.unresolvedMeans = unresolvedMeans
    }

    /// The same rule at another severity (a `severityOverrides` entry of `.akslint.json`).
    public func withSeverity(_ severity: Severity) -> RuleMetadata {
        RuleMetadata(
            id: id, name: name, title: title, severity: severity, category: category, checks: checks, absentMeans: absentMeans,
            rationale: rationale, risk: risk, remediation: remediation, references: references, peers: peers, controls: controls,
            judgesNodePools: judgesNodePools, examples: examples, unresolvedMeans: unresolvedMeans)
    }

    /// Whether the rule runs unless asked for: every security-posture rule does; reliability,
    /// cost and naming rules do not.
    public var runsByDefault: Bool { category.isSecurityPosture }

    /// Whether `query` names this rule: its id, its name, or a peer check's id (without case).
    public func isNamed(_ query: String) -> Bool {
        id.equalsIgnoringASCIICase(query) || name.equalsIgnoringASCIICase(query) || peers.contains { $0.isNamed(query) }
    }
}

/// How to fix a failing cluster.
public struct Remediation: Sendable {
    /// The `az` command, with `{resourceGroup}`, `{name}` and `{pool}` placeholders.
    public let azCommand: String?
    /// The ARM/REST property to set, such as `properties.disableLocalAccounts: true`.
    public let template: String
    /// The same in Bicep.
    public let bicep: String
    /// The same in Terraform (azurerm 4.x attribute names, 3.x ones noted; an
    /// `azapi_update_resource` where azurerm cannot express the setting).
    public let terraform: String
    /// Whether the change can be made in place.
    public let disruption: Disruption
    /// Anything else a user must know (prerequisites, side effects).
    public let notes: String?
    /// `azCommand`, `bicep` and `terraform`, split into their text and placeholders once.
    let commandText: RemediationText?
    let bicepText: RemediationText
    let terraformText: RemediationText
    /// The Bicep and Terraform changes with `{pool}` filled in as `<pool-name>`, made once: they
    /// are what every finding not about a particular pool shows.
    let bicepForAnyPool: String
    let terraformForAnyPool: String
    /// Whether the Bicep or Terraform change names the pool, so a pool's finding fills it in.
    let namesPool: Bool

    /// Creates a remediation.
    public init(azCommand: String?, template: String, bicep: String, terraform: String, disruption: Disruption = .inPlace, notes: String? = nil) {
        self.azCommand = azCommand
        self.template = template
        self.bicep = bicep
        self.terraform = terraform
        self.disruption = disruption
        self.notes = notes
        self.commandText = azCommand.map(RemediationText.init)
        self.bicepText = RemediationText(bicep)
        self.terraformText = RemediationText(terraform)
        let anyPool: (RemediationPlaceholder) -> String? = { $0 == .pool ? "<pool-name>" : nil }
        self.bicepForAnyPool = bicepText.filled(anyPool)
        self.terraformForAnyPool = terraformText.filled(anyPool)
        self.namesPool = bicepText.contains(.pool) || terraformText.contains(.pool)
    }
}

/// What applying a fix costs.
public enum Disruption: String, Sendable {
    /// An update of the existing cluster.
    case inPlace = "in-place"
    /// A new node pool (existing pools cannot be changed).
    case newNodePool = "new-node-pool"
    /// A new cluster (the setting is fixed at creation).
    case newCluster = "new-cluster"

    /// The label before a fix command: `fix`, or what the fix needs.
    public var fixLabel: String {
        switch self {
        case .inPlace: return "fix"
        case .newCluster: return "fix (cannot be changed in place: create a new cluster)"
        case .newNodePool: return "fix (cannot be changed on a pool: add a new pool)"
        }
    }

    /// A sentence for documentation.
    public var explanation: String {
        switch self {
        case .inPlace: return "The change is made in place on the existing cluster."
        case .newNodePool: return "Existing node pools cannot be changed: add a new pool with the setting, move workloads, delete the old pool."
        case .newCluster: return "The setting is fixed when the cluster is created: the fix needs a new cluster."
        }
    }
}

/// A link to documentation.
public struct Reference: Sendable {
    public let title: String
    public let url: String

    /// Creates a reference.
    public init(_ title: String, _ url: String) {
        self.title = title
        self.url = url
    }
}

/// A small input and the result a rule must give on it.
public struct RuleExample: Sendable {
    /// What the example shows.
    public let title: String
    /// The input document (any shape akslint reads).
    public let input: String
    /// The expected outcome.
    public let expectation: Expectation
    /// The evaluation day the example assumes, for rules that depend on the date.
    public let asOf: CalendarDay?
    /// The naming conventions the example assumes, for the rule that checks them.
    public let naming: NamingConventions

    /// What a rule must say about an example.
    public enum Expectation: Sendable, Equatable {
        /// At least one failing result, the first at this JSONPath of the input.
        case fails(at: String)
        /// Every result passes (or does not apply).
        case passes
        /// At least one indeterminate result at this JSONPath, and no failure.
        case indeterminate(at: String)
    }

    /// Creates an example.
    public init(_ title: String, _ expectation: Expectation, asOf: CalendarDay? = nil, naming: NamingConventions = NamingConventions(), _ input: String) {
        self.title = title
        self.expectation = expectation
        self.asOf = asOf
        self.naming = naming
        self.input = input
    }

    /// The context the example is evaluated in.
    public var context: RuleContext { RuleContext(evaluationDay: asOf ?? .today, naming: naming) }
}
