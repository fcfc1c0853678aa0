#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AKSLintCore

/// Connects ``AKSLintCommand`` to the real process: arguments, environment, terminals, streams.
///
/// Standard streams are made safe first: a closed descriptor 0, 1 or 2 is reopened on `/dev/null`
/// (so no file akslint opens can take its number), and `SIGPIPE` is ignored, so a reader that goes
/// away (`| head -c1`) ends the run quietly instead of killing it. A report that cannot be
/// written to standard output (a full disk, a closed stream) is an error: exit status 2.
package enum AKSLintExecutable {
    /// Runs akslint and exits with its status.
    package static func main() -> Never {
        tuneAllocator()
        let closed = (0...2).filter { fcntl($0, F_GETFD) == -1 }
        for descriptor in closed {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessEnvironment(
            arguments: Array(CommandLine.arguments.dropFirst()),
            variables: ProcessFacts.environment,
            workingDirectory: ProcessFacts.workingDirectory,
            stdinIsTerminal: isatty(0) == 1,
            stdoutIsTerminal: isatty(1) == 1,
            terminalColumns: isatty(1) == 1 ? terminalColumns() : nil,
            showProgress: isatty(2) == 1 ? writeToStandardError : nil,
            readStandardInput: { () throws(InputError) -> [UInt8] in try FileSystem.readAll(0, limit: InputLimits.maximumBytes) },
            standardOutputDescriptor: closed.contains(1) ? -1 : 1)
        let outcome = AKSLintCommand.run(environment)
        var status = outcome.exitCode
        var standardError = outcome.standardError
        if !outcome.standardOutput.isEmpty {
            let failure = closed.contains(1) ? EBADF : FileSystem.writeAll(Array(outcome.standardOutput.utf8), to: 1)
            if let failure, failure != EPIPE {
                let reason = failure == EBADF ? "standard output is closed" : FileSystem.errorText(failure)
                standardError += "akslint: error: cannot write the report to standard output: \(reason)\n"
                if status != .internalError { status = .inputOrUsageError }
            }
        }
        _ = FileSystem.writeAll(Array(standardError.utf8), to: 2)
        exit(status.rawValue)
    }

    /// Tunes glibc's allocator for how akslint allocates: hundreds of MiB of small objects for a
    /// fleet export, on one thread per processor.
    ///
    /// - Heaps grow 64 MiB at a time instead of just as much as each request needs: each growth of
    ///   a thread's heap is an `mprotect` call, and with the default about a tenth of a fleet run
    ///   went to them. Address space is reserved, not memory: untouched pages cost nothing.
    /// - One heap (arena) per processor, at least two: as many as threads allocate at once. glibc's
    ///   default is eight per processor, and akslint starts new threads for each phase (parse,
    ///   rules, report): each could take a fresh heap while the memory freed by the last phase sat
    ///   unused in another. A 10,000-cluster export peaked at 339 MiB that way, 294 MiB without.
    ///
    /// `akslint-bench` calls it too, so it times the parser as akslint runs it.
    package static func tuneAllocator() {
        #if canImport(Glibc)
        // M_TOP_PAD and M_ARENA_MAX in <malloc.h>, which Swift's Glibc module does not include.
        let (topPad, arenaMax): (Int32, Int32) = (-2, -8)
        _ = glibcMallopt(topPad, 64 << 20)
        _ = glibcMallopt(arenaMax, Int32(clamping: max(2, ProcessFacts.processorCount)))
        #endif
    }

    /// Writes a line of progress to standard error (a terminal).
    @Sendable private static func writeToStandardError(_ line: String) {
        _ = FileSystem.writeAll(Array(line.utf8), to: 2)
    }

    /// The width of the terminal on standard output: what the terminal says, else `COLUMNS`.
    private static func terminalColumns() -> Int? {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return getenv("COLUMNS").flatMap { Int(String(cString: $0)) }
    }
}

#if canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`, declared here because `<malloc.h>` is not part of
/// Swift's Glibc module.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
