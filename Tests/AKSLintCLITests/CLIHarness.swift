@testable import AKSLintCLI
import AKSLintCore

/// Runs the akslint command line in-process from the repository root.
func akslint(_ arguments: String..., stdin: String? = nil, variables: [String: String] = [:], stdoutIsTerminal: Bool = false) async -> CommandOutcome {
    await akslint(arguments: arguments, stdin: stdin.map { Array($0.utf8) }, variables: variables, stdoutIsTerminal: stdoutIsTerminal)
}

func akslint(arguments: [String], stdin: [UInt8]? = nil, variables: [String: String] = [:], stdoutIsTerminal: Bool = false) async -> CommandOutcome {
    let environment = ProcessEnvironment(
        arguments: arguments,
        variables: variables,
        workingDirectory: Paths.repositoryRoot,
        stdinIsTerminal: stdin == nil,
        stdoutIsTerminal: stdoutIsTerminal,
        readStandardInput: { () throws(InputError) -> [UInt8] in stdin ?? [] })
    return await withWorkingDirectory(Paths.repositoryRoot) {
        await AKSLintCommand.run(environment)
    }
}

/// Runs `body` with the process's working directory set to `path` (fixtures are given relative to the root).
func withWorkingDirectory<T>(_ path: String, _ body: () async -> T) async -> T {
    chdir(path)
    return await body()
}

#if canImport(Glibc)
import Glibc
#endif
