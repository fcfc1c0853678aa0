/// Helpers every test target shares: where the fixtures are, and reading files without Foundation.
import AKSLintCore
#if canImport(Glibc)
import Glibc
#endif

/// Paths of the repository's fixtures and of the shared corpus beside the checkout.
package enum Paths {
    /// The package root, found from this file's location.
    package static let repositoryRoot: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// The path of a file under `Fixtures/`.
    package static func fixture(_ relative: String) -> String { repositoryRoot + "/Fixtures/" + relative }
    /// The shared corpus beside the checkout.
    package static let corpus = repositoryRoot + "/../shared/corpus"

    /// Whether the tests that read the shared corpus run: when it is beside the checkout, or when
    /// `AKSLINT_REQUIRE_CORPUS` is set (as `.ci/run` sets it), so that its absence fails them
    /// instead of skipping them. A fresh clone without `../shared` skips them.
    package static let corpusTestsRun: Bool = access(corpus + "/INDEX.md", R_OK) == 0 || getenv("AKSLINT_REQUIRE_CORPUS") != nil

    /// Why a corpus test is skipped.
    package static let corpusMissing = "needs the shared corpus at ../shared/corpus beside the checkout (.ci/run requires it)"
}

extension JSONParser {
    /// Parses a Swift string.
    package static func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}

/// Reads a file's bytes for tests (Foundation is fine here).
package func readBytes(_ path: String) throws -> [UInt8] {
    guard let handle = fopen(path, "rb") else { throw TestFailure("cannot open \(path)") }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, handle)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
}

/// The names of the regular files in a directory, sorted.
package func directoryEntries(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else { throw TestFailure("cannot list \(path)") }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
}

/// The paths of every file below `directory` whose name ends with `suffix`, sorted.
package func files(under directory: String, endingWith suffix: String) throws -> [String] {
    var found: [String] = []
    for name in try directoryEntries(directory) {
        let path = directory + "/" + name
        var info = stat()
        guard stat(path, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR {
            found += try files(under: path, endingWith: suffix)
        } else if name.hasSuffix(suffix) {
            found.append(path)
        }
    }
    return found.sorted()
}

/// A test precondition that did not hold (a file that cannot be read, say).
package struct TestFailure: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// What a child process printed and how it ended.
package struct ProcessResult: Sendable {
    /// The exit status, or nil when a signal ended the process.
    package let exitStatus: Int32?
    /// The signal that ended it, if one did.
    package let signal: Int32?
    package let standardError: String
}

/// How a child's standard output is connected.
package enum ChildOutput: Sendable {
    /// A file opened for writing (such as `/dev/full`).
    case file(String)
    /// Closed: the child starts without descriptor 1.
    case closed
    /// A pipe from which the parent reads `bytes` bytes and then closes its end.
    case pipeReadingOnly(bytes: Int)
}

/// Runs the built `akslint` executable (`.build/debug/akslint`, which `swift test` builds) with
/// `arguments` (give absolute paths: the child runs in this process's working directory),
/// standard input from `/dev/null`, and standard output as given; standard error is captured.
package func runBuiltAkslint(_ arguments: [String], standardOutput: ChildOutput) throws -> ProcessResult {
    let executable = Paths.repositoryRoot + "/.build/debug/akslint"
    guard access(executable, X_OK) == 0 else { throw TestFailure("\(executable) is missing: build with `swift build` first") }
    var errorPipe: [Int32] = [0, 0]
    var outputPipe: [Int32] = [0, 0]
    guard pipe(&errorPipe) == 0, pipe(&outputPipe) == 0 else { throw TestFailure("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    switch standardOutput {
    case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
    case .closed: posix_spawn_file_actions_addclose(&actions, 1)
    case .pipeReadingOnly: posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    }
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
    for descriptor in errorPipe + outputPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child = pid_t()
    guard posix_spawn(&child, executable, &actions, nil, argv, environ) == 0 else { throw TestFailure("posix_spawn failed") }
    close(errorPipe[1])
    close(outputPipe[1])
    if case .pipeReadingOnly(let count) = standardOutput {
        var buffer = [UInt8](repeating: 0, count: count)
        _ = read(outputPipe[0], &buffer, count)
    }
    close(outputPipe[0])
    var captured: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(errorPipe[0], &chunk, chunk.count)
        if count <= 0 { break }
        captured += chunk[0..<count]
    }
    close(errorPipe[0])
    var status: Int32 = 0
    waitpid(child, &status, 0)
    let signalled = status & 0x7F
    return ProcessResult(
        exitStatus: signalled == 0 ? (status >> 8) & 0xFF : nil,
        signal: signalled == 0 ? nil : signalled,
        standardError: String(decoding: captured, as: UTF8.self))
}

/// Reads the files an input brings in (modules, `.tf` files) from disk, as the command line does.
package struct DiskReader: SourceFileReader {
    package init() {}

    package func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        do { return try readBytes(path) } catch { throw .unreadable(reason: "\(error)") }
    }

    package func isFile(_ path: String) -> Bool { (try? readBytes(path)) != nil }

    package func files(in directory: String, endingWith suffix: String) -> [String] {
        ((try? directoryEntries(directory)) ?? []).filter { $0.hasSuffix(suffix) }
    }
}
