/// A rule's result made reportable: positions resolved and the cluster named. The rule's texts
/// and the cluster's names are shared with every other finding of that rule and cluster (both are
/// classes), and the message and remediation are made when a report asks for them, so a fleet's
/// hundreds of thousands of findings stay small. What a rule judged is kept in one shared,
/// immutable box, so moving a finding into a report or a list costs two reference counts, not one
/// per field.
public struct Finding: Sendable {
    /// What the rule judged; never changes.
    private let judgement: Judgement
    /// Set when the finding is accepted (configuration, template metadata or baseline): it is
    /// still reported, and it does not count for the gate.
    public var suppression: Suppression?

    private final class Judgement: Sendable {
        let rule: RuleMetadata
        /// The rule's severity, kept here too: counting a fleet's results by severity then reads
        /// no other object.
        let severity: Severity
        let state: ResultState
        let cluster: ClusterReference
        let subject: ResultSubject
        let message: Message
        let location: FindingLocation
        let property: PropertyPath
        let unresolvedExpression: String?

        init(rule: RuleMetadata, state: ResultState, cluster: ClusterReference, subject: ResultSubject, message: Message,
             location: FindingLocation, property: PropertyPath, unresolvedExpression: String?) {
            self.rule = rule
            self.severity = rule.severity
            self.state = state
            self.cluster = cluster
            self.subject = subject
            self.message = message
            self.location = location
            self.property = property
            self.unresolvedExpression = unresolvedExpression
        }
    }

    /// A finding's message: written when the finding is made, or made when a report asks.
    ///
    /// A failing or indeterminate result is shown by every report, so its message is written at
    /// once: a deferred message holds the values it names, and through them the input's parse
    /// tree, which would then live as long as the finding. A pass's message is deferred, as most
    /// reports never show it.
    private enum Message: Sendable {
        case written(String)
        case deferred(DeferredMessage)

        /// The message for a result in `state`: written for the states reports show.
        init(for state: ResultState, _ makeMessage: @escaping DeferredMessage) {
            self = state == .fail || state == .indeterminate ? .written(makeMessage().text) : .deferred(makeMessage)
        }
    }

    /// Creates a finding.
    package init(
        rule: RuleMetadata, state: ResultState, cluster: ClusterReference, subject: ResultSubject, message: @escaping DeferredMessage,
        location: FindingLocation, property: PropertyPath, unresolvedExpression: String?
    ) {
        judgement = Judgement(
            rule: rule, state: state, cluster: cluster, subject: subject, message: Message(for: state, message), location: location, property: property,
            unresolvedExpression: unresolvedExpression.map { BoundedText.bounded($0, to: BoundedText.textLimit) })
    }

    /// The rule that judged (at the severity the configuration gives it).
    public var rule: RuleMetadata { judgement.rule }
    public var state: ResultState { judgement.state }
    public var cluster: ClusterReference { judgement.cluster }
    public var subject: ResultSubject { judgement.subject }
    /// The whole sentence people read: the ``statement`` and, for a failure of a rule with a
    /// ``RuleMetadata/risk``, that risk after a colon.
    public var message: String {
        RuleResult.sentence(statement, risk: statedRisk)
    }
    /// What the rule found: starts with the verdict and names the actual value.
    public var statement: String {
        switch judgement.message {
        case .written(let text): return text
        case .deferred(let makeMessage): return makeMessage().text
        }
    }
    /// The rule's risk when this finding states it: every failure of a rule that has one.
    public var statedRisk: String? { state == .fail ? rule.risk : nil }
    public var location: FindingLocation { judgement.location }
    /// The canonical property path, such as `properties.disableLocalAccounts`.
    public var property: String { judgement.property.text }
    /// ``property`` in pieces, for a writer that copies them out without joining them.
    var propertyPath: PropertyPath { judgement.property }
    /// For indeterminate results: the expression that could not be evaluated.
    public var unresolvedExpression: String? { judgement.unresolvedExpression }

    public var ruleId: String { rule.id }
    public var ruleName: String { rule.name }
    /// The rule's severity, or the configuration's override of it.
    public var severity: Severity { judgement.severity }
    /// The rule's remediation with this finding's cluster, pool and resource filled in.
    public var remediation: AppliedRemediation { rule.remediation.applied(to: cluster, subject: subject) }
    /// The `az` command of the remediation, filled in.
    public var fixCommand: String? { Remediation.command(rule.remediation.commandText, for: cluster, subject: subject) }
    /// Identifies the finding across runs and reformatting: rule, cluster identity, subject,
    /// property (16 hex digits).
    public var fingerprint: String { Fingerprint.hex(fingerprintValue) }
    /// The fingerprint's hash, computed when asked: most results are passes that no report or
    /// baseline looks up.
    var fingerprintValue: UInt64 {
        // The hash of ["akslint/v1", rule id, cluster identity, subject, property], made without
        // joining any of them.
        var builder = Fingerprint.Builder()
        builder.startPart()
        builder.add("akslint/v1")
        builder.startPart()
        builder.add(rule.id)
        builder.startPart()
        builder.add(folded: cluster.identity)
        builder.startPart()
        subject.addFingerprintComponent(to: &builder)
        builder.startPart()
        judgement.property.forEachPiece { builder.add($0) }
        return builder.value
    }

    /// Whether `first` comes before `second` among one cluster's results: more severe first, then
    /// by rule id.
    static func precedes(_ first: Finding, _ second: Finding) -> Bool {
        if first.severity != second.severity { return first.severity > second.severity }
        return first.ruleId < second.ruleId
    }
}

/// The cluster a finding is about: one shared reference per cluster.
public final class ClusterReference: Sendable {
    /// The cluster's name or, for unnamed clusters, its position.
    public let displayName: String
    public let name: String?
    public let resourceId: String?
    public let resourceGroup: String?
    /// Stable identity used in fingerprints (see ``ClusterResource/identity``).
    public let identity: String
    /// The cluster's 0-based position among the clusters of its input.
    public let ordinal: Int
    /// For a cluster deployed through a nested deployment or a Bicep module: the innermost call,
    /// as "NAME at FILE:LINE".
    public let deployedBy: String?
    /// For a cluster of a Terraform plan or state: its resource address and the plan's action.
    public let terraform: TerraformResourceInfo?
    /// The resource group and name as the words of an `az` command (made once: every shown
    /// finding's command has them).
    let commandWords: (resourceGroup: (word: String, note: String?), name: (word: String, note: String?))

    /// A reference to `cluster`; names and ids are cut when very long (see ``BoundedText``).
    package init(_ cluster: ClusterResource, deployedBy: String? = nil) {
        self.deployedBy = deployedBy.map { BoundedText.bounded($0, to: BoundedText.textLimit) }
        self.terraform = cluster.terraform.map { TerraformResourceInfo(address: BoundedText.bounded($0.address, to: BoundedText.textLimit), action: $0.action) }
        self.displayName = cluster.displayName
        self.name = cluster.name.map { BoundedText.bounded($0) }
        self.resourceId = cluster.resourceId.map { BoundedText.bounded($0, to: BoundedText.textLimit) }
        self.resourceGroup = cluster.resourceGroup.map { BoundedText.bounded($0) }
        self.identity = cluster.identity
        self.ordinal = cluster.ordinal
        self.commandWords = (Remediation.word(resourceGroup, or: "<resource-group>"), Remediation.word(name, or: "<cluster-name>"))
    }
}

/// Where a finding points.
public struct FindingLocation: Sendable, Hashable {
    /// The input's path as given on the command line (or the stdin name).
    public let file: String
    public let region: SourceRegion
    /// Where the value is in the input document.
    public let path: JSONPath
    /// JSONPath of the value in the input document, written out only when a report asks (most
    /// results are passes nobody prints).
    public var jsonPath: String { path.description }

    /// Creates a location.
    package init(file: String, region: SourceRegion, path: JSONPath) {
        self.file = file
        self.region = region
        self.path = path
    }
}

/// A remediation with the cluster's resource group, name and pool filled in.
public struct AppliedRemediation: Sendable {
    /// The `az` command, ready to run when the resource group and name are known.
    public let command: String?
    /// The ARM/REST property change.
    public let template: String
    /// The Bicep change.
    public let bicep: String
    /// The Terraform change.
    public let terraform: String
    public let disruption: Disruption
}

extension ResultSubject {
    /// The pool name, for node-pool results.
    public var poolName: String? {
        if case .agentPool(let name) = self { return name }
        return nil
    }

    /// The other resource's name, for results about related resources.
    public var relatedResourceName: String? {
        if case .relatedResource(_, let name) = self { return name }
        return nil
    }

    /// The subject's part of a fingerprint: `cluster`, `pool:NAME` or `resource:TYPE/NAME`.
    func addFingerprintComponent(to builder: inout Fingerprint.Builder) {
        switch self {
        case .cluster: builder.add("cluster")
        case .agentPool(let name): builder.add("pool:"); builder.add(name)
        case .relatedResource(let type, let name): builder.add("resource:"); builder.add(type); builder.add("/"); builder.add(name)
        }
    }
}

extension Remediation {
    /// This remediation for a cluster and the subject of a result; unknown names stay as
    /// `<resource-group>`-style placeholders.
    public func applied(to cluster: ClusterReference, subject: ResultSubject) -> AppliedRemediation {
        var (bicep, terraform) = (bicepForAnyPool, terraformForAnyPool)
        if namesPool, let pool = subject.poolName {
            let value: (RemediationPlaceholder) -> String? = { $0 == .pool ? pool : nil }
            (bicep, terraform) = (bicepText.filled(value), terraformText.filled(value))
        }
        return AppliedRemediation(command: Self.command(commandText, for: cluster, subject: subject), template: template, bicep: bicep, terraform: terraform, disruption: disruption)
    }

    /// Only the `az` command, filled in (what SARIF's message needs, without the other changes).
    /// A name that is a template expression (`[parameters('name')]`) is no name to paste: the
    /// command gets the placeholder, and a shell comment at its end says where the name comes from.
    /// (Given the command's text alone: a finding asks for it without copying the whole
    /// remediation, a reference count for each of its texts.)
    static func command(_ commandText: RemediationText?, for cluster: ClusterReference, subject: ResultSubject) -> String? {
        guard let commandText else { return nil }
        var pieces: [String] = []
        forEachPiece(ofCommand: commandText, for: cluster, subject: subject) { pieces.append($0) }
        return .concatenating(pieces)
    }

    /// The pieces of ``command(_:for:subject:)``'s text in order: the command's text and names,
    /// then the notes, for a writer that copies them out without joining them (every shown
    /// finding of a JSON report has a command).
    static func forEachPiece(ofCommand commandText: RemediationText, for cluster: ClusterReference, subject: ResultSubject, _ body: (String) -> Void) {
        var notes: [String] = []
        for part in commandText.parts {
            switch part {
            case .text(let text):
                body(text)
            case .placeholder(let placeholder):
                let filled = Self.word(for: placeholder, cluster: cluster, subject: subject)
                if let note = filled.note { notes.append(note) }
                body(filled.word)
            }
        }
        guard !notes.isEmpty else { return }
        body(Self.notesSeparator)
        body(notes.joined(separator: "; "))
    }

    /// What comes between a command and the notes on where its names come from.
    public static let notesSeparator = "   # "

    /// What a placeholder of the `az` command (`resourceGroup`, `name`, `pool`, `resource`)
    /// becomes for a cluster and subject: the name as a shell word, or the placeholder itself when
    /// the name is unknown, longer than any Azure name of these kinds (90 characters for a
    /// resource group, 63 for a cluster), or a template expression, with a note saying which.
    /// Nil for a key that is no placeholder.
    public static func word(for key: String, cluster: ClusterReference, subject: ResultSubject) -> (word: String, note: String?)? {
        RemediationPlaceholder(rawValue: key).map { word(for: $0, cluster: cluster, subject: subject) }
    }

    /// What `placeholder` becomes (see ``word(for:cluster:subject:)-(String,_,_)``).
    static func word(for placeholder: RemediationPlaceholder, cluster: ClusterReference, subject: ResultSubject) -> (word: String, note: String?) {
        switch placeholder {
        case .resourceGroup: return cluster.commandWords.resourceGroup
        case .name: return cluster.commandWords.name
        case .pool: return word(subject.poolName, or: "<pool-name>")
        case .resource:
            let resourceName = subject.relatedResourceName.map { String($0.split(separator: "/").last ?? Substring($0)) }
            return word(resourceName, or: "<resource-name>")
        }
    }

    /// A name as a shell word (see ``word(for:cluster:subject:)``).
    static func word(_ name: String?, or placeholder: String) -> (word: String, note: String?) {
        guard let name, name.utf8.count <= 90 else { return (placeholder, nil) }
        if isTemplateExpression(name) { return (placeholder, "\(placeholder) is \(name) in the template") }
        return (ShellQuoting.quoteIfNeeded(name), nil)
    }

    /// Whether a name is an ARM template expression (`[...]`, but not the `[[` that escapes a
    /// literal bracket): what a template's name is when it cannot be evaluated offline.
    static func isTemplateExpression(_ name: String) -> Bool {
        name.hasPrefix("[") && name.hasSuffix("]") && !name.hasPrefix("[[")
    }
}

/// Quoting of names pasted into shell commands, so a hostile name cannot become shell syntax.
public enum ShellQuoting {
    /// The name unchanged when it is made of safe characters, else single-quoted.
    public static func quoteIfNeeded(_ word: String) -> String {
        let safe = !word.isEmpty && word.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        return safe ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
