/// The JSON (with comments) of a configuration or baseline file.
enum ConfigurationDocument {
    /// The document of `bytes`, or a diagnostic naming the position that stops it being read.
    static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> JSONDocument {
        do {
            return try JSONParser.parse(try SourceDecoder.decode(bytes).text)
        } catch let error as JSONParseError {
            throw Diagnostic(path: path, position: error.position, message: error.message)
        } catch {
            throw Diagnostic(path: path, position: nil, message: String(describing: error))
        }
    }
}
