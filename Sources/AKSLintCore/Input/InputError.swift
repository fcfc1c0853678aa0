/// Why an input could not be read into a document.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(reason: String)
    /// The input is larger than the limit of its kind (see ``InputLimits``).
    case tooLarge(bytes: Int, limit: Int)
    /// The bytes are not text in a supported encoding.
    case encoding(SourceDecodingError)
    /// The text is not valid JSON(C).
    case syntax(JSONParseError)
    /// The text is not valid in its language (Bicep), at this position.
    case invalid(message: String, position: SourcePosition)
    /// A template that cannot be evaluated (Resource Manager would reject it, or it exhausts the
    /// evaluation budget), with the position of the expression responsible.
    case evaluation(TemplateEvaluationError, position: SourcePosition)

    /// The 1-based line and column of the problem, when there is one.
    public var position: SourcePosition? {
        switch self {
        case .syntax(let error): return error.position
        case .invalid(_, let position): return position
        case .evaluation(_, let position): return position
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .tooLarge(let bytes, let limit): return "the file is \(bytes) bytes or more, above the limit of \(limit) bytes for a file of its kind"
        case .encoding(let error): return error.description
        case .syntax(let error): return error.message
        case .invalid(let message, _): return message
        case .evaluation(let error, _): return error.description
        }
    }
}

/// A note about an input that did not stop it from being linted, with its position.
public struct InputWarning: Sendable {
    /// A one-line explanation.
    public let message: String
    /// Where it applies, when it applies to a place in the input.
    public let position: SourcePosition?
    /// The file of the input's source set that `position` is in.
    public let file: SourceFileID
    /// Whether part of the input was not checked (a registry module that is not cached, a linked
    /// template): clusters may hide there, so `--strict` counts it for the gate.
    public let leavesUnchecked: Bool

    /// Creates a warning about `position` of `file`.
    package init(_ message: String, position: SourcePosition?, file: SourceFileID = .primary, leavesUnchecked: Bool = false) {
        self.message = message
        self.position = position
        self.file = file
        self.leavesUnchecked = leavesUnchecked
    }
}
