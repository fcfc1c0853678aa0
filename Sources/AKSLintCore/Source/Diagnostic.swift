/// A problem with a file and where it is: why an input, a configuration or a baseline cannot be
/// used, or a note about an input that did not stop it from being linted.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// The file, as named on the command line.
    public let path: String
    /// The 1-based line and column, when the problem is at a place in the file.
    public let position: SourcePosition?
    /// One line, without the path or position.
    public let message: String
    /// Whether the problem is a bug in akslint rather than in the file (exit status 3).
    public let isInternalError: Bool
    /// For a warning: whether part of the input was not checked (see ``InputWarning/leavesUnchecked``).
    public let leavesUnchecked: Bool

    /// A diagnostic about `path`, at `position` when known.
    public init(path: String, position: SourcePosition?, message: String, isInternalError: Bool = false, leavesUnchecked: Bool = false) {
        self.path = path
        self.position = position
        self.message = message
        self.isInternalError = isInternalError
        self.leavesUnchecked = leavesUnchecked
    }

    /// `path:line:column: message`, or `path: message`.
    public var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): \(message)"
    }
}
