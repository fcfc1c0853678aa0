/// What a report prints after a finding's message: how to fix a failure, or what could not be
/// known about an indeterminate result. Each reporter labels and escapes the lines for its own
/// medium, and leaves out the kinds it has no room for.
public enum FindingFollowUp: Sendable, Equatable {
    /// The `az` command, after its label (``Finding/fixLabel``).
    case command(label: String, command: String)
    /// The ARM/REST property change.
    case template(String)
    /// The Bicep change.
    case bicep(String)
    /// The Terraform change.
    case terraform(String)
    /// The template expression whose value cannot be known offline.
    case unresolved(String)
}

extension FindingLocation {
    /// Whether the finding is in a `.bicep` file: reports with room for one change show the
    /// Bicep change there, and the ARM change elsewhere.
    public var isBicep: Bool {
        let suffix = file.utf8.suffix(6)
        return file.utf8.count > 6 && suffix.elementsEqual(".bicep".utf8) { $0 | 0x20 == $1 | 0x20 }
    }
}

extension Finding {
    /// The follow-up lines of this finding, in the order reports print them: the fix of a
    /// failure (the Terraform change for a cluster of a plan or state, the ARM and Bicep changes
    /// for the others), or the unresolved expression of an indeterminate result (none for the others).
    public var followUps: [FindingFollowUp] {
        switch state {
        case .fail:
            let remediation = self.remediation
            var lines: [FindingFollowUp] = []
            if let command = remediation.command { lines.append(.command(label: fixLabel, command: command)) }
            if cluster.terraform != nil {
                lines.append(.terraform(remediation.terraform))
            } else {
                lines.append(.template(remediation.template))
                lines.append(.bicep(remediation.bicep))
            }
            return lines
        case .indeterminate:
            return unresolvedExpression.map { [.unresolved(ValueDescription.expression($0))] } ?? []
        default:
            return []
        }
    }
}
