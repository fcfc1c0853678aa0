/// Plain-text pieces of a finding that several reporters print the same way. None of them is
/// sanitized: each reporter escapes them for its own medium (terminal, XML, Markdown, workflow command).
extension Finding {
    /// `file:line:column` of the finding.
    public var locationText: String {
        "\(location.file):\(location.region.start.line):\(location.region.start.column)"
    }

    /// What inside the cluster the finding is about: `pool NAME`, `maintenanceConfigurations NAME`;
    /// nil for the cluster itself.
    public var subjectText: String? {
        switch subject {
        case .cluster: return nil
        case .agentPool(let name): return "pool \(name)"
        case .relatedResource(let type, let name): return "\(type.split(separator: "/").last.map(String.init) ?? type) \(name)"
        }
    }

    /// The label before the fix command: `fix` or what the fix needs.
    public var fixLabel: String { rule.remediation.disruption.fixLabel }

    /// Whether the finding counts: failing or indeterminate, and not suppressed or baselined.
    public var isOpen: Bool { (state == .fail || state == .indeterminate) && suppression == nil }
}
