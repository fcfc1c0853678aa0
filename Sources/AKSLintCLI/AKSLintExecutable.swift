#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AKSLintCore
import FoundationEssentials

/// Connects ``AKSLintCommand`` to the real process: arguments, environment, terminals, streams.
public enum AKSLintExecutable {
    /// Runs akslint and exits with its status.
    public static func main() async -> Never {
        let environment = ProcessEnvironment(
            arguments: Array(CommandLine.arguments.dropFirst()),
            variables: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            stdinIsTerminal: isatty(0) == 1,
            stdoutIsTerminal: isatty(1) == 1,
            stderrIsTerminal: isatty(2) == 1,
            readStandardInput: { () throws(InputError) -> [UInt8] in try FileSystem.readAll(0) })
        let outcome = await AKSLintCommand.run(environment)
        write(outcome.standardOutput, to: 1)
        write(outcome.standardError, to: 2)
        exit(outcome.exitCode.rawValue)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress, raw.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
