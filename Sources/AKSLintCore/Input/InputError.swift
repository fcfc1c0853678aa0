/// Why an input could not be read into a document.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(reason: String)
    /// The input is larger than ``InputLimits/maximumBytes``.
    case tooLarge(bytes: Int)
    /// The bytes are not text in a supported encoding.
    case encoding(SourceDecodingError)
    /// The text is not valid JSON(C).
    case syntax(JSONParseError)

    /// The 1-based line and column of the problem, when there is one.
    public var position: SourcePosition? {
        if case .syntax(let error) = self { return error.position }
        return nil
    }

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .tooLarge(let bytes): return "the file is \(bytes) bytes, more than the \(InputLimits.maximumBytes)-byte limit"
        case .encoding(let error): return error.description
        case .syntax(let error): return error.message
        }
    }
}

/// A note about an input that did not stop it from being linted, with its position.
public struct InputWarning: Sendable {
    /// A one-line explanation.
    public let message: String
    /// Where it applies, when it applies to a place in the input.
    public let position: SourcePosition?

    /// Creates a warning.
    public init(_ message: String, position: SourcePosition?) {
        self.message = message
        self.position = position
    }
}
