import AKSLintCore

/// Reads a parameters file of either kind: an ARM `*.parameters.json`, or a `.bicepparam`.
enum ParametersFile {
    static func read(_ path: String, requireRegular: Bool = false) throws(InputError) -> TemplateParameters {
        let bytes = try FileSystem.read(path, limit: InputLimits.maximumParametersBytes, requireRegular: requireRegular)
        if isBicepParameters(path) { return try BicepParametersFile.parse(bytes, path: path).parameters }
        return try TemplateParameters.parse(bytes, path: path)
    }

    static func isBicepParameters(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".bicepparam")
    }
}
