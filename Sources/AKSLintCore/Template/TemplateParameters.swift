/// Values for a template's parameters, read from an ARM parameters file
/// (`{"parameters": {"name": {"value": ...}}}`). A Key Vault reference stays unresolved: its
/// secret is known only at deployment (and is never a literal in the file).
public struct TemplateParameters: Sendable {
    /// The file's path, as given, for messages.
    public let path: String
    /// Values by parameter name.
    let values: [String: JSONNode]

    /// Parameter values from the bytes of a parameters file.
    public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> TemplateParameters {
        guard bytes.count <= InputLimits.maximumParametersBytes else { throw .tooLarge(bytes: bytes.count, limit: InputLimits.maximumParametersBytes) }
        let decoded: (text: [UInt8], encoding: SourceEncoding)
        do { decoded = try SourceDecoder.decode(bytes) } catch { throw .encoding(error) }
        let document: JSONDocument
        do { document = try JSONParser.parse(decoded.text) } catch { throw .syntax(error) }
        guard let entries = document.root.object?["parameters"]?.object else {
            throw .unreadable(reason: "not an ARM parameters file (no \"parameters\" object)")
        }
        var values: [String: JSONNode] = [:]
        for member in entries.members {
            guard let entry = member.value.object else { continue }
            if let value = entry["value"] {
                values[member.key] = value
            } else if let reference = entry["reference"] {
                let secret = reference.object?["secretName"]?.string ?? "a secret"
                values[member.key] = JSONNode(.unresolved(UnresolvedExpression(
                    expression: "Key Vault reference to \(secret)",
                    reason: "the parameter is a Key Vault secret reference, resolved only at deployment")), span: reference.span)
            }
        }
        return TemplateParameters(path: path, values: values)
    }
}
