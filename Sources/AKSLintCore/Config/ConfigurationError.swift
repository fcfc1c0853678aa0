/// Why a configuration or baseline file cannot be used, with its position.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let position: SourcePosition?
    public let message: String

    /// An error in the file at `path`, at `position` when known.
    public init(path: String, position: SourcePosition?, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): \(message)"
    }
}

extension ConfigurationError {
    /// The JSON (with comments) of a configuration or baseline file, or an error naming its position.
    static func document(of bytes: [UInt8], path: String) throws(ConfigurationError) -> JSONDocument {
        do {
            return try JSONParser.parse(try SourceDecoder.decode(bytes).text)
        } catch let error as JSONParseError {
            throw ConfigurationError(path: path, position: error.position, message: error.message)
        } catch {
            throw ConfigurationError(path: path, position: nil, message: String(describing: error))
        }
    }
}
