@testable import AKSLintCLI
import AKSLintCore
import AKSLintRules
import AKSLintTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Command lines and file systems written to hang akslint, make it read without bound, lose its
/// reports or destroy its inputs.
@Suite("Hostile command lines and files", .serialized)
struct HostileCommandLineTests {
    static let cluster = #"{"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": true, "disableLocalAccounts": false}"#

    // MARK: Special files

    @Test("a FIFO nobody writes to, given as -p, --config, --baseline or an input, is an error after a short wait instead of a hang", .timeLimit(.minutes(1)))
    func fifoWithoutWriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.path + "/fifo.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let input = try directory.write(Self.cluster, to: "cluster.json")
        for arguments in [["-p", fifo, input], ["--config", fifo, input], ["--baseline", fifo, input], [fifo, input]] {
            let outcome = akslint(arguments: arguments)
            #expect(outcome.exitCode == .inputOrUsageError, "\(arguments)")
            #expect(outcome.standardError.contains("no writer opened the pipe within 2 seconds"), "\(arguments): \(outcome.standardError)")
        }
    }

    @Test("process substitution keeps working: a pipe with a writer is read to its end", .timeLimit(.minutes(1)))
    func fifoWithWriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.path + "/cluster.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread.detached(fifo, bytes: Array(Self.cluster.utf8))
        let outcome = akslint("--no-config", "--rule", "AKS103", fifo)
        writer.join()
        #expect(outcome.exitCode == .findings, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("AKS103 local-accounts-disabled"))
    }

    @Test("devices are refused before anything is read: --config /dev/zero, an input /dev/zero")
    func devices() {
        let configuration = akslint("--config", "/dev/zero", "Fixtures/az/hardened.json")
        #expect(configuration.exitCode == .inputOrUsageError)
        #expect(configuration.standardError.contains("/dev/zero: the configuration cannot be read: it is a device"), "\(configuration.standardError)")
        let input = akslint("/dev/zero", "Fixtures/az/hardened.json")
        #expect(input.exitCode == .inputOrUsageError)
        #expect(input.standardError.contains("/dev/zero: error: not a regular file, a pipe or a directory"), "\(input.standardError)")
    }

    @Test("each kind of file has its own size limit, checked before reading")
    func sizeLimits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let big = try directory.write("{" + String(repeating: " ", count: InputLimits.maximumConfigurationBytes) + "}", to: "big.akslint.json")
        let outcome = akslint("--config", big, "Fixtures/az/hardened.json")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("above the limit of 1048576 bytes"), "\(outcome.standardError)")
    }

    @Test("a file name that is not UTF-8 and a link to nothing are reported, not skipped as 0 files")
    func unreadableEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.cluster, to: "good.json")
        var name = Array((directory.path + "/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE)] + Array(".json".utf8CString)
        let descriptor = open(&name, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(symlink(directory.path + "/missing.json", directory.path + "/dangling.json") == 0)
        let outcome = akslint("--no-config", directory.path)
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("bad-\\xFF\\xFE.json: error: the file name is not valid UTF-8"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("dangling.json: error: cannot be read: a symbolic link to a file that does not exist"))
        #expect(outcome.standardOutput.contains("cluster prod"), "the good file is still linted")
    }

    @Test("the same file given twice, or given and found in a directory, is linted once")
    func sameFileTwice() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(Self.cluster, to: "cluster.json")
        for arguments in [[file, file], [directory.path, file], [file, directory.path + "/./cluster.json"]] {
            let json = try JSON(akslint(arguments: ["--no-config", "-f", "json"] + arguments).standardOutput)
            #expect(json["summary"]["files"].int == 1, "\(arguments)")
            #expect(json["summary"]["clusters"].int == 1, "\(arguments)")
        }
    }

    // MARK: Never destroy an input

    @Test("a report or baseline over an input is refused with exit 2, and the input is untouched", arguments: [
        ["x.json", "-o", "x.json"],
        ["x.json", "-f", "json", "-o", "copy.json", "-f", "sarif", "-o", "sub/../x.json"],
        ["--write-baseline", "x.json", "x.json"],
        ["x.json", "-o", "b.json", "--write-baseline", "b.json"],
        ["dir", "-o", "dir/prod.json"],
        ["x.json", "-p", "params.json", "-o", "params.json"],
        ["x.json", "--config", "config.json", "-o", "config.json"],
        ["x.json", "--baseline", "old.json", "-o", "old.json"],
    ])
    func neverOverwriteAnInput(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.cluster, to: "x.json")
        try directory.write(#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}"#, to: "params.json")
        try directory.write("{}", to: "config.json")
        try directory.write(#"{"akslintBaseline": 1, "findings": []}"#, to: "old.json")
        _ = directory.directory("dir")
        try directory.write(Self.cluster, to: "dir/prod.json")
        _ = directory.directory("sub")
        let before = try snapshot(directory)
        // Paths inside the directory, made absolute: tests share one working directory.
        let absolute = arguments.map { $0.hasPrefix("-") || ["json", "sarif"].contains($0) ? $0 : directory.path + "/" + $0 }
        let outcome = akslint(arguments: absolute, workingDirectory: directory.path)
        #expect(outcome.exitCode == .inputOrUsageError, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardError.contains("refusing to write"), "\(arguments): \(outcome.standardError)")
        #expect(try snapshot(directory) == before, "\(arguments) changed the files")
    }

    @Test("-o with no path while standard input is empty writes nothing over the file it names")
    func emptyStandardInputWritesNoReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let export = try directory.write(Self.cluster, to: "cluster.json")
        let outcome = akslint(arguments: ["-o", export], stdin: [])
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("no input could be read, so no report or baseline file was written"), "\(outcome.standardError)")
        #expect(try directory.read("cluster.json") == Self.cluster)
    }

    @Test("everyday rewrites still work: a refreshed baseline, last run's report found in the scanned folder")
    func allowedRewrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.write(Self.cluster, to: "cluster.json")
        let baseline = directory.path + "/baseline.json"
        #expect(akslint("--no-config", "--write-baseline", baseline, input).exitCode == .success)
        #expect(akslint("--no-config", "--baseline", baseline, "--write-baseline", baseline, input).exitCode == .success)
        let report = directory.path + "/report.json"
        #expect(akslint("--no-config", "-f", "json", "-o", report, directory.path).exitCode == .findings)
        let again = akslint("--no-config", "-f", "json", "-o", report, directory.path)
        #expect(again.exitCode == .findings, "\(again.standardError)")
        #expect(try JSON(directory.read("report.json"))["summary"]["clusters"].int == 1)
    }

    // MARK: Writing reports

    @Test("when one report cannot be written the others still are, atomically, and the run exits 2")
    func oneFailedReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("old report", to: "report.sarif")
        let outcome = akslint("--no-config", "-f", "json", "-o", directory.path + "/missing/report.json", "-f", "sarif", "-o", directory.path + "/report.sarif", "-f", "text", "-o", "/dev/full", "Fixtures/az/prod-insecure.json")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains("missing/report.json: no such file or directory"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("cannot write /dev/full: no space left on device"))
        #expect(try directory.read("report.sarif").hasPrefix("{\n  \"$schema\""))
        #expect(try directoryEntries(directory.path) == ["report.sarif"], "no temporary file is left behind")
    }

    @Test("standard output that is full, closed or read by a reader that leaves: a clear error, exit 2, or a quiet end")
    func standardOutputFailures() throws {
        let input = Paths.fixture("az/prod-insecure.json")
        let full = try runBuiltAkslint(["--no-config", input], standardOutput: .file("/dev/full"))
        #expect(full.exitStatus == 2)
        #expect(full.standardError.contains("akslint: error: cannot write the report to standard output: no space left on device"), "\(full.standardError)")
        let closed = try runBuiltAkslint(["--no-config", input], standardOutput: .closed)
        #expect(closed.exitStatus == 2)
        #expect(closed.standardError.contains("standard output is closed"), "\(closed.standardError)")
        let head = try runBuiltAkslint(["--no-config", input], standardOutput: .pipeReadingOnly(bytes: 1))
        #expect(head.signal == nil, "no signal ends the run")
        #expect(head.exitStatus == 1, "the gate still decides the status")
        #expect(!head.standardError.contains("Fatal") && !head.standardError.contains("Crash"))
    }

    // MARK: Output safety

    @Test("an 11 MB cluster name gives a small JSON report; a 2 MB one is cut in every other format")
    func longNames() throws {
        for (length, formats) in [(11_000_000, ["json"]), (2_000_000, ["text", "sarif", "junit", "markdown", "github"])] {
            let input = #"{"name": ""# + String(repeating: "n", count: length) + #"", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "enableRbac": false}"#
            for format in formats {
                let outcome = akslint(arguments: ["--no-config", "-f", format, "-"], stdin: Array(input.utf8))
                #expect(outcome.standardOutput.utf8.count < 1_000_000, "\(format): \(outcome.standardOutput.utf8.count) bytes")
                #expect(outcome.standardOutput.contains("(\(length) characters)"), "\(format) says the name was cut")
            }
        }
    }

    @Test("the github format sanitizes parse errors and suppression notes too")
    func githubSanitizes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = try directory.write("{\"a\u{1B}[31m\u{07}\u{202E}\": \"x\", \"a\u{1B}[31m\u{07}\u{202E}\": 1, \"b\": }", to: "broken.json")
        let template = try directory.write(#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks", "metadata": {"akslint": {"suppress": [{"rule": "AKS1\u001b[31m\u0007\u0000\u202e", "reason": "r\u001b]0;x\u0007"}]}}, "properties": {}}]}"#, to: "template.json")
        let outcome = akslint("--no-config", "-f", "github", broken, template)
        for forbidden in ["\u{1B}", "\u{07}", "\u{00}", "\u{202E}"] {
            #expect(!outcome.standardOutput.contains(forbidden), "github output carries \(forbidden.unicodeScalars.first!.value)")
        }
        #expect(outcome.standardOutput.contains("\\u{1b}"))
    }

    @Test("a securestring parameter's default is never printed, in any format")
    func secureDefaults() throws {
        for format in ["text", "json", "sarif", "junit", "markdown", "github"] {
            let outcome = akslint("--no-config", "--include-passed", "-f", format, "Fixtures/hostile/templates/secure-default-in-settings.json")
            #expect(!(outcome.standardOutput + outcome.standardError).contains("Hunter2"), "\(format) shows the secret")
            #expect(outcome.standardOutput.contains("AKS306"), "\(format) still reports the inline credential")
        }
    }

    @Test("an unquoted secret-like token is not echoed by a parse error, in any format")
    func unquotedSecret() throws {
        for format in ["text", "json", "sarif", "junit", "markdown", "github"] {
            let outcome = akslint(arguments: ["--no-config", "-f", format, "-"], stdin: Array(#"{"name": "a", "servicePrincipalProfile": {"secret": s3cr3t-t0ken}}"#.utf8))
            #expect(!(outcome.standardOutput + outcome.standardError).contains("s3cr3t"), "\(format) echoes the token")
            #expect(outcome.exitCode == .inputOrUsageError)
        }
    }

    // MARK: Configuration and internal errors

    @Test("a suppression reason of only whitespace and a duplicate key in .akslint.json are errors", arguments: [
        (#"{"suppressions": [{"rule": "AKS201", "reason": " \t\n "}]}"#, "needs a \"reason\""),
        (#"{"failOn": "high", "failon": "low"}"#, "duplicate key \"failon\" (also at line 1, column 2): set each key once"),
        (#"{"suppressions": [{"rule": "AKS201", "reason": "a", "reason": "b"}]}"#, "duplicate key \"reason\""),
    ])
    func strictConfiguration(text: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = try directory.write(text, to: ".akslint.json")
        let outcome = akslint("--config", configuration, "Fixtures/az/hardened.json")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test("a rule that returns no result is an internal error of that input only")
    func internalError() throws {
        struct SilentRule: Rule {
            let metadata = NoKubenet().metadata
            func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] { [] }
        }
        let runner = LintRunner(engine: LintEngine(rules: [SilentRule()]), readStandardInput: { [] }, parallelism: 1, parameters: ExplicitParameters())
        let linted = runner.run([.file(path: Paths.fixture("az/prod-insecure.json"), explicit: true)])
        let error = try #require(linted.first?.report.error)
        #expect(error.isInternalError)
        #expect(error.message.contains("internal error: rule AKS209 returned no result for cluster \"prod-aks\""))
    }

    /// Every file of a directory tree with its content, to show nothing changed.
    private func snapshot(_ directory: TemporaryDirectory) throws -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for path in try files(under: directory.path, endingWith: "") { contents[path] = try readBytes(path) }
        return contents
    }
}

/// A thread that opens a FIFO for writing, writes bytes and closes it (the other end of a
/// process substitution).
private final class Thread: @unchecked Sendable {
    private var handle = pthread_t()
    private let path: String
    private let bytes: [UInt8]

    private init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    static func detached(_ path: String, bytes: [UInt8]) -> Thread {
        let thread = Thread(path: path, bytes: bytes)
        let context = Unmanaged.passRetained(thread).toOpaque()
        pthread_create(&thread.handle, nil, { context in
            let thread = Unmanaged<Thread>.fromOpaque(context!).takeRetainedValue()
            // Wait for the reader without blocking in open(), so a reader that gave up cannot
            // leave this thread (and the test joining it) stuck.
            var descriptor: Int32 = -1
            for _ in 0..<1_000 {
                descriptor = open(thread.path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 || errno != ENXIO { break }
                usleep(10_000)
            }
            guard descriptor >= 0 else { return nil }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            _ = thread.bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            return nil
        }, context)
        return thread
    }

    func join() { pthread_join(handle, nil) }
}
