/// The gate: the least severe open finding that fails the run (`--fail-on`, `failOn`).
public enum FailThreshold: Sendable, Equatable {
    case severity(Severity)
    case never

    /// Parses `critical`...`info` or `never`, in any case.
    public init?(_ text: String) {
        if text.lowercased() == "never" {
            self = .never
        } else if let severity = Severity(rawValue: text.lowercased()) {
            self = .severity(severity)
        } else {
            return nil
        }
    }

    /// Whether a finding of this severity trips the gate.
    public func isTripped(by severity: Severity) -> Bool {
        if case .severity(let threshold) = self { return severity >= threshold }
        return false
    }
}
