/// A result's message. Rules write messages as string literals with interpolations
/// (`"Node pool \(name) allows SSH (\(setting.describedValue))"`); as a `MessageText`, each piece
/// of one is copied into one byte buffer and the text is made once, where a `String`
/// interpolation costs a few hundred instructions a piece (every shown finding's message has
/// several).
public struct MessageText: Sendable, ExpressibleByStringInterpolation {
    /// The message.
    public let text: String

    /// A message that is already written.
    public init(_ text: String) {
        self.text = text
    }

    public init(stringLiteral text: String) {
        self.text = text
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text.text
    }

    /// The pieces of a message literal, appended as bytes.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text: TextBuilder

        public init(literalCapacity: Int, interpolationCount: Int) {
            text = TextBuilder(capacity: literalCapacity + 24 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text.append(literal)
        }

        public mutating func appendInterpolation(_ piece: String) {
            text.append(piece)
        }

        /// A number, a day or another value, as it describes itself.
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            text.append(value.description)
        }
    }
}
