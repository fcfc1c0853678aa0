import AKSLintCore

/// Finds and reads `.akslint.json` and baselines for `akslint check`.
struct ConfigurationLoader {
    /// The configuration file's name.
    static let fileName = ".akslint.json"

    /// The rules configuration entries are checked against.
    let catalogue: [RuleMetadata]

    /// The configuration to use: `--config FILE`, else the nearest `.akslint.json` from
    /// `workingDirectory` up to the root, else none (an empty configuration).
    func load(explicitPath: String?, workingDirectory: String) throws(Diagnostic) -> LintConfiguration {
        guard let path = explicitPath ?? Self.discover(from: workingDirectory) else { return LintConfiguration() }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: InputLimits.maximumConfigurationBytes)
        } catch {
            throw Diagnostic(path: path, position: nil, message: "the configuration \(Self.phrase(error))")
        }
        return try ConfigurationParser.parse(bytes, path: path, catalogue: catalogue)
    }

    /// The nearest `.akslint.json` in `directory` or a parent.
    static func discover(from directory: String) -> String? {
        var current = FilePath.normalize(directory)
        while true {
            let candidate = current == "/" ? "/" + fileName : current + "/" + fileName
            if FileSystem.kind(of: candidate) == .file { return candidate }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Why a file cannot be read, to follow "the configuration" or "the baseline".
    private static func phrase(_ error: InputError) -> String {
        if case .unreadable(let reason) = error { return "cannot be read: \(reason)" }
        return "cannot be read: \(error.description)"
    }

    /// Reads a baseline written by `--write-baseline`.
    func baseline(at path: String) throws(Diagnostic) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: InputLimits.maximumBaselineBytes)
        } catch {
            throw Diagnostic(path: path, position: nil, message: "the baseline \(Self.phrase(error))")
        }
        return try Baseline.parse(bytes, path: path)
    }
}
