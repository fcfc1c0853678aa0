import AKSLintCore

/// One input to lint.
enum InputSource: Sendable {
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
/// recursively for `*.json` (hidden entries skipped, each directory visited once), `-` as stdin.
struct InputDiscovery {
    /// What discovery found: the inputs, and the paths that could not be used.
    struct Result {
        var sources: [InputSource] = []
        var problems: [InputReport] = []
        var notes: [String] = []
    }

    static let extensions = [".json", ".jsonc"]

    func discover(_ paths: [String], stdinName: String) -> Result {
        var result = Result()
        var visitedDirectories = Set<String>()
        for path in paths {
            if path == "-" {
                result.sources.append(.standardInput(name: stdinName))
                continue
            }
            switch FileSystem.kind(of: path) {
            case .file:
                result.sources.append(.file(path: path, explicit: true))
            case .directory:
                let before = result.sources.count
                walk(path, into: &result, visited: &visitedDirectories)
                if result.sources.count == before {
                    result.notes.append("no *.json files under \(path)")
                }
            case .other:
                result.problems.append(problem(path, "not a regular file or directory"))
            case .missing:
                result.problems.append(problem(path, "no such file or directory"))
            }
        }
        return result
    }

    private func walk(_ directory: String, into result: inout Result, visited: inout Set<String>) {
        guard let identity = FileSystem.identity(of: directory), visited.insert(identity).inserted else { return }
        guard let names = FileSystem.entries(of: directory) else {
            result.problems.append(problem(directory, "cannot list the directory"))
            return
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names where !name.hasPrefix(".") {
            let path = prefix + name
            switch FileSystem.kind(of: path) {
            case .directory:
                walk(path, into: &result, visited: &visited)
            case .file where Self.extensions.contains(where: { name.lowercased().hasSuffix($0) }):
                result.sources.append(.file(path: path, explicit: false))
            default:
                continue
            }
        }
    }

    private func problem(_ path: String, _ message: String) -> InputReport {
        InputReport(path: path, error: InputDiagnostic(path: path, position: nil, message: message))
    }
}
