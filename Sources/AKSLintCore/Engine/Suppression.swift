/// Why a finding does not count: a justified suppression, or membership in a baseline.
/// Suppressed findings stay in JSON and in every summary; they are left out of the gate.
/// (A class: the findings one suppression accepts share it.)
public final class Suppression: Sendable, Equatable {
    /// Where the decision was made.
    public enum Kind: String, Sendable, Equatable {
        /// In the template, on the resource (`metadata.akslint.suppress`): SARIF `inSource`.
        case inSource
        /// In the configuration file: SARIF `external`.
        case external
        /// In a baseline of accepted findings: SARIF `external`.
        case baseline

        /// The SARIF `suppression.kind`.
        public var sarifKind: String { self == .inSource ? "inSource" : "external" }
    }

    public let kind: Kind
    /// The reason given (for a baseline: that the finding was accepted when the baseline was written).
    public let justification: String
    /// Where the suppression is written.
    public let source: SourceReference
    /// When the suppression stops applying, if it does.
    public let expires: CalendarDay?

    /// Creates a suppression.
    package init(kind: Kind, justification: String, source: SourceReference, expires: CalendarDay? = nil) {
        self.kind = kind
        self.justification = justification
        self.source = source
        self.expires = expires
    }

    public static func == (left: Suppression, right: Suppression) -> Bool {
        (left.kind, left.justification, left.source, left.expires) == (right.kind, right.justification, right.source, right.expires)
    }
}
