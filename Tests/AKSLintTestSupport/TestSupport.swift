/// Helpers every test target shares: where the fixtures are, and reading files without Foundation.
import AKSLintCore

/// Paths of the repository's fixtures and of the shared corpus beside the checkout.
public enum Paths {
    /// The package root, found from this file's location.
    public static let repositoryRoot: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// The path of a file under `Fixtures/`.
    public static func fixture(_ relative: String) -> String { repositoryRoot + "/Fixtures/" + relative }
    /// The shared corpus beside the checkout.
    public static let corpus = repositoryRoot + "/../shared/corpus"
}

extension JSONParser {
    /// Parses a Swift string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}

/// Reads a file's bytes for tests (Foundation is fine here).
public func readBytes(_ path: String) throws -> [UInt8] {
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
public func directoryEntries(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else { throw TestFailure("cannot list \(path)") }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
}

/// A test precondition that did not hold (a file that cannot be read, say).
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
import Glibc
#endif
