import AKSLintCore

/// Finds and reads `.akslint.json` and baselines for `akslint check`.
struct ConfigurationLoader {
    /// The configuration file's name.
    static let fileName = ".akslint.json"

    /// The rules configuration entries are checked against.
    let catalogue: [RuleMetadata]

    /// The configuration to use: `--config FILE`, else the nearest `.akslint.json` above the
    /// inputs (see ``discover(forInputs:workingDirectory:)``), else none (an empty configuration).
    func load(explicitPath: String?, inputs: [String], workingDirectory: String) throws(Diagnostic) -> LintConfiguration {
        let discovered = explicitPath == nil ? try Self.discover(forInputs: inputs, workingDirectory: workingDirectory) : nil
        guard let path = explicitPath ?? discovered else { return LintConfiguration() }
        return try ConfigurationParser.parse(Self.read(path, limit: InputLimits.maximumConfigurationBytes, as: "the configuration"), path: path, catalogue: catalogue)
    }

    /// The configuration of a run over `inputs` (the paths given; `-` is standard input), as
    /// ESLint and ruff find theirs: the nearest `.akslint.json` in or above each input's folder (a
    /// folder given is searched from itself), else the nearest above `workingDirectory`. One run
    /// has one configuration, so inputs whose nearest configurations differ are refused rather
    /// than linted with the wrong one.
    static func discover(forInputs inputs: [String], workingDirectory: String) throws(Diagnostic) -> String? {
        var found: [(input: String, configuration: String)] = []
        for input in inputs where input != "-" {
            let absolute = FilePath.absolute(input, in: workingDirectory)
            let folder = FileSystem.kind(of: absolute) == .directory ? absolute : FilePath.directory(of: absolute)
            guard let configuration = discover(from: folder) else { continue }
            if let other = found.first(where: { $0.configuration != configuration }) {
                throw Diagnostic(path: configuration, position: nil, message: "the inputs have different configurations (\(other.configuration) for \(other.input), \(configuration) for \(input)): lint them in separate runs, or choose one with --config")
            }
            found.append((input, configuration))
        }
        return found.first?.configuration ?? discover(from: workingDirectory)
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

    /// A settings file's bytes, or why it cannot be read, naming what it is (`the baseline`).
    private static func read(_ path: String, limit: Int, as what: String) throws(Diagnostic) -> [UInt8] {
        do {
            return try FileSystem.read(path, limit: limit)
        } catch {
            let reason = if case .unreadable(let reason) = error { reason } else { error.description }
            throw Diagnostic(path: path, position: nil, message: "\(what) cannot be read: \(reason)")
        }
    }

    /// Reads a Kubernetes support calendar (`--k8s-calendar`).
    func kubernetesCalendar(at path: String) throws(Diagnostic) -> KubernetesCalendar {
        try KubernetesCalendarFile.parse(Self.read(path, limit: InputLimits.maximumConfigurationBytes, as: "the Kubernetes calendar"), path: path)
    }

    /// Reads a baseline written by `--write-baseline`.
    func baseline(at path: String) throws(Diagnostic) -> Baseline {
        try Baseline.parse(Self.read(path, limit: InputLimits.maximumBaselineBytes, as: "the baseline"), path: path)
    }
}
