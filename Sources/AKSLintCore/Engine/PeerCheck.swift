/// A check of another tool that looks at the same setting, so a user moving from that tool finds
/// the akslint rule by the id they know (`akslint explain CKV_AZURE_141`) and can carry their
/// suppressions over.
public struct PeerCheck: Sendable, Hashable {
    /// The tools akslint maps its rules to.
    public enum Tool: String, Sendable, CaseIterable {
        case psrule = "PSRule for Azure"
        case checkov = "checkov"
        case trivy = "trivy"
        case kics = "KICS"
        case prowler = "Prowler"
        case azurePolicy = "Azure Policy"
    }

    public let tool: Tool
    /// The tool's id: `Azure.AKS.LocalAccounts`, `CKV_AZURE_141`, `AVD-AZU-0042`, a KICS query or
    /// Azure Policy definition id (its first 8 hex digits, which identify it), a Prowler check name.
    public let id: String
    /// Other ids of the same check (PSRule's `AZR-000031` reference).
    public let aliases: [String]
    /// The check's own title, when its id does not say what it checks.
    public let title: String?
    /// What differs: "Terraform only", "retired", or a mistake of the peer that akslint does not repeat.
    public let note: String?

    /// Creates a peer check.
    public init(_ tool: Tool, _ id: String, aliases: [String] = [], title: String? = nil, note: String? = nil) {
        self.tool = tool
        self.id = id
        self.aliases = aliases
        self.title = title
        self.note = note
    }

    /// A PSRule for Azure rule, by name and `AZR-` reference.
    public static func psrule(_ name: String, _ reference: String? = nil, note: String? = nil) -> PeerCheck {
        PeerCheck(.psrule, name, aliases: reference.map { [$0] } ?? [], note: note)
    }

    /// A checkov check (the same id covers ARM, Bicep and Terraform unless the note says otherwise).
    public static func checkov(_ id: String, note: String? = nil) -> PeerCheck { PeerCheck(.checkov, id, note: note) }

    /// A trivy (trivy-checks / tfsec) check; `AZU-00xx` is accepted too.
    public static func trivy(_ id: String, note: String? = nil) -> PeerCheck {
        PeerCheck(.trivy, id, aliases: id.hasPrefix("AVD-") ? [String(id.dropFirst(4))] : [], note: note)
    }

    /// A KICS query, by the first 8 hex digits of its id, and its title.
    public static func kics(_ id: String, _ title: String, note: String? = nil) -> PeerCheck { PeerCheck(.kics, id, title: title, note: note) }

    /// A Prowler check.
    public static func prowler(_ name: String, note: String? = nil) -> PeerCheck { PeerCheck(.prowler, name, note: note) }

    /// An Azure Policy built-in definition, by the first 8 hex digits of its id, and its display name.
    public static func azurePolicy(_ id: String, _ title: String, note: String? = nil) -> PeerCheck { PeerCheck(.azurePolicy, id, title: title, note: note) }

    /// Whether `query` names this check: its id or an alias, without case; for the hex ids of KICS
    /// and Azure Policy, also a full id that starts with the stored digits.
    public func isNamed(_ query: String) -> Bool {
        let candidates = [id] + aliases
        if candidates.contains(where: { $0.equalsIgnoringASCIICase(query) }) { return true }
        guard tool == .kics || tool == .azurePolicy, query.utf8.count > id.utf8.count else { return false }
        return query.asciiLowercased().hasPrefix(id.asciiLowercased())
    }

    /// `checkov CKV_AZURE_141`, `PSRule for Azure Azure.AKS.LocalAccounts (AZR-000031)`, with title and note.
    public var description: String {
        var text = "\(tool.rawValue) \(id)"
        if !aliases.isEmpty { text += " (\(aliases.joined(separator: ", ")))" }
        if let title { text += " \u{201C}\(title)\u{201D}" }
        if let note { text += " — \(note)" }
        return text
    }
}
