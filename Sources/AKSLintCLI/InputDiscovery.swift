import AKSLintCore

/// One input to lint.
enum InputSource: Sendable {
    /// The file's path; nil for standard input.
    var filePath: String? {
        if case .file(let path, _) = self { return path }
        return nil
    }

    /// A file; `explicit` when it was named on the command line rather than found in a directory.
    case file(path: String, explicit: Bool)
    /// Standard input, reported under `name`.
    case standardInput(name: String)

    var displayPath: String {
        switch self {
        case .file(let path, _): return path
        case .standardInput(let name): return name
        }
    }

    var isExplicit: Bool {
        if case .file(_, let explicit) = self { return explicit }
        return true
    }
}

/// Expands the paths of the command line into inputs: files as given, directories searched
/// recursively for `*.json`, `*.jsonc`, `*.bicep` and `*.bicepparam` (hidden entries skipped, each
/// directory visited once; `node_modules` and paths matching `--exclude` left out and counted),
/// `-` as stdin.
/// A file reached twice (named twice, or named and found in a directory given too) is linted
/// once. Entries that cannot be used are reported, never skipped silently: a file name that is
/// not UTF-8, a `*.json` link that leads nowhere, a `*.json` that is not a regular file.
struct InputDiscovery {
    /// What discovery found: the inputs, and the paths that could not be used.
    struct Result {
        var sources: [InputSource] = []
        var problems: [InputReport] = []
        var notes: [String] = []
        /// The identity of every file source, in `sources` order (nil for standard input).
        var identities: [FileIdentity?] = []
        /// `node_modules` folders left out of directory scans.
        var skippedDependencyFolders = 0
        /// Files and folders left out because they match an `--exclude` pattern.
        var excluded = 0

        /// What was left out and why, for a note on standard error; nil when nothing was.
        var skippedSummary: String? {
            var parts: [String] = []
            if skippedDependencyFolders > 0 {
                parts.append("\(skippedDependencyFolders) node_modules \(skippedDependencyFolders == 1 ? "folder" : "folders") (package dependencies, never AKS configuration)")
            }
            if excluded > 0 { parts.append("\(excluded) \(excluded == 1 ? "path" : "paths") matching --exclude") }
            return parts.isEmpty ? nil : "left out of the scan: " + parts.joined(separator: " and ")
        }
    }

    /// `--exclude` patterns.
    var excludes: [PathPattern] = []
    /// Folders a scan never enters (hidden ones, such as `.git` and `.terraform`, are skipped too).
    static let dependencyFolders = ["node_modules"]

    static let extensions = [".json", ".jsonc", ".bicep", ".bicepparam"]
    /// Files of those kinds that are another tool's settings, never a cluster: not read in a
    /// directory scan (the Bicep loader reads `bicepconfig.json` for its module aliases).
    static let otherToolsSettings = ["bicepconfig.json"]

    func discover(_ paths: [String], stdinName: String) -> Result {
        var result = Result()
        var visitedDirectories = Set<FileIdentity>()
        var seenFiles = Set<FileIdentity>()
        for path in paths {
            if path == "-" {
                result.sources.append(.standardInput(name: stdinName))
                result.identities.append(nil)
                continue
            }
            switch FileSystem.kind(of: path) {
            case .file, .pipe:
                add(.file(path: path, explicit: true), identity: FileSystem.identity(of: path), to: &result, seen: &seenFiles)
            case .directory:
                let before = result.sources.count
                walk(path, relative: "", into: &result, visited: &visitedDirectories, seen: &seenFiles)
                if result.sources.count == before && !result.problems.contains(where: { $0.path.hasPrefix(path) }) {
                    result.notes.append("no *.json, *.bicep or *.bicepparam files under \(path)")
                }
            case .other:
                result.problems.append(problem(path, "not a regular file, a pipe or a directory"))
            case .missing:
                result.problems.append(problem(path, "no such file or directory"))
            }
        }
        dropBicepModules(from: &result)
        return result
    }

    /// Removes the `.bicep` files found in directories that another file found calls as a local
    /// module, or that a `.bicepparam` file found is `using`: they are linted through their
    /// callers and parameter files, with the values those give, rather than a second time alone
    /// with none. A file named on the command line is always linted.
    private func dropBicepModules(from result: inout Result) {
        var called = Set<String>()
        for source in result.sources {
            guard case .file(let path, _) = source, LintRunner.isBicep(path) || ParametersFile.isBicepParameters(path),
                  let bytes = try? FileSystem.read(path, limit: InputLimits.maximumBytes, requireRegular: true) else { continue }
            if LintRunner.isBicep(path) {
                called.formUnion(BicepLoader.localModulePaths(of: bytes, path: path))
            } else if let target = try? BicepParametersFile.parse(bytes, path: path).usingPath, !BicepRegistryCache.isExternal(target) {
                called.insert(FilePath.absolute(target, in: FilePath.directory(of: path)))
            }
        }
        guard !called.isEmpty else { return }
        let kept = result.sources.indices.filter { index in
            guard case .file(let path, let explicit) = result.sources[index], !explicit, LintRunner.isBicep(path) else { return true }
            return !called.contains(FilePath.normalize(path))
        }
        result.sources = kept.map { result.sources[$0] }
        result.identities = kept.map { result.identities[$0] }
    }

    private func add(_ source: InputSource, identity: FileIdentity?, to result: inout Result, seen: inout Set<FileIdentity>) {
        if let identity, !seen.insert(identity).inserted { return }
        result.sources.append(source)
        result.identities.append(identity)
    }

    /// Scans `directory`, which is `relative` below the directory named on the command line.
    private func walk(_ directory: String, relative: String, into result: inout Result, visited: inout Set<FileIdentity>, seen: inout Set<FileIdentity>) {
        guard let identity = FileSystem.identity(of: directory), visited.insert(identity).inserted else { return }
        guard let entries = FileSystem.entries(of: directory) else {
            result.problems.append(problem(directory, "cannot list the directory"))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for entry in entries where entry.nameBytes.first != UInt8(ascii: ".") {
            guard let name = entry.name else {
                result.problems.append(problem(prefix + entry.displayName, "the file name is not valid UTF-8; rename it to lint it"))
                continue
            }
            let path = prefix + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if excludes.contains(where: { $0.matches(relativePath) }) {
                result.excluded += 1
                continue
            }
            let lowered = name.lowercased()
            let matches = Self.extensions.contains { lowered.hasSuffix($0) } && !Self.otherToolsSettings.contains(lowered)
            switch FileSystem.kind(of: path) {
            case .directory where Self.dependencyFolders.contains(name):
                result.skippedDependencyFolders += 1
            case .directory:
                walk(path, relative: relativePath, into: &result, visited: &visited, seen: &seen)
            case .file where matches:
                add(.file(path: path, explicit: false), identity: FileSystem.identity(of: path), to: &result, seen: &seen)
            case .missing where matches:
                result.problems.append(problem(path, "cannot be read: a symbolic link to a file that does not exist"))
            case .pipe where matches, .other where matches:
                result.problems.append(problem(path, "not a regular file (a FIFO, socket or device); name it explicitly to read a pipe"))
            default:
                continue
            }
        }
    }

    private func problem(_ path: String, _ message: String) -> InputReport {
        InputReport(path: path, error: Diagnostic(path: path, position: nil, message: message))
    }
}
