@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import AKSLintRules
import FoundationEssentials

/// When every test run "starts": 2026-11-24T08:00:00Z (JUnit timestamps).
let testStartTime = UnixTime(timeIntervalSince1970: 1_795_507_200)

/// Runs the akslint command line in-process from the repository root.
func akslint(_ arguments: String..., stdin: String? = nil, variables: [String: String] = [:], stdoutIsTerminal: Bool = false, workingDirectory: String = Paths.repositoryRoot) -> CommandOutcome {
    akslint(arguments: arguments, stdin: stdin.map { Array($0.utf8) }, variables: variables, stdoutIsTerminal: stdoutIsTerminal, workingDirectory: workingDirectory)
}

/// Runs akslint; `workingDirectory` is what akslint is told (where `.akslint.json` is looked for
/// and SARIF paths are relative to), while the process stays in the repository root so relative
/// fixture paths resolve the same in every test.
func akslint(arguments: [String], stdin: [UInt8]? = nil, variables: [String: String] = [:], stdoutIsTerminal: Bool = false, workingDirectory: String = Paths.repositoryRoot) -> CommandOutcome {
    let environment = ProcessEnvironment(
        arguments: arguments,
        variables: variables,
        workingDirectory: workingDirectory,
        stdinIsTerminal: stdin == nil,
        stdoutIsTerminal: stdoutIsTerminal,
        readStandardInput: { () throws(InputError) -> [UInt8] in stdin ?? [] },
        startTime: testStartTime)
    return withWorkingDirectory(Paths.repositoryRoot) {
        AKSLintCommand.run(environment)
    }
}

/// Runs `body` with the process's working directory set to `path` (fixtures are given relative to the root).
func withWorkingDirectory<T>(_ path: String, _ body: () -> T) -> T {
    chdir(path)
    return body()
}

#if canImport(Glibc)
import Glibc
#endif

/// The rules a run evaluates when none are named: every security-posture rule.
let defaultRules = BuiltinRules.all.map(\.metadata).filter(\.runsByDefault)

/// The `summary` object of the JSON report of a run, to check what other formats count against.
func jsonSummary(_ arguments: String...) throws -> JSON {
    try JSON(akslint(arguments: ["-f", "json"] + arguments).standardOutput)["summary"]
}
