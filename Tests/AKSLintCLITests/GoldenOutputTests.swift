@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Compares whole reports of the insecure fixture with reviewed copies in `Fixtures/expected/`, so
/// any change to wording, ordering, positions or fields shows up in review. After an intended
/// change, regenerate them with `.ci/regenerate` (or `AKSLINT_UPDATE_GOLDEN=1 swift test --filter
/// Golden`, which then fails on purpose so an update never passes as a test run) and read the diff.
@Suite("Golden reports", .serialized)
struct GoldenOutputTests {
    static let cases: [(format: String, file: String)] = [
        ("text", "prod-insecure.txt"), ("json", "prod-insecure.json"), ("sarif", "prod-insecure.sarif"),
        ("junit", "prod-insecure.junit.xml"), ("markdown", "prod-insecure.md"), ("github", "prod-insecure.github.txt"),
    ]

    @Test("reports of Fixtures/az/prod-insecure.json match Fixtures/expected", arguments: cases)
    func golden(format: String, file: String) throws {
        let outcome = akslint("-f", format, "--as-of", "2026-11-24", "Fixtures/az/prod-insecure.json")
        // The SARIF source root is this checkout's absolute path: make it machine-independent.
        let actual = outcome.standardOutput.replacing("file://" + Paths.repositoryRoot + "/", with: "file:///REPOSITORY/")
        let path = Paths.fixture("expected/" + file)
        if getenv("AKSLINT_UPDATE_GOLDEN") != nil {
            try writeFile(actual, to: path)
            Issue.record("wrote \(file); review the diff and run the tests again without AKSLINT_UPDATE_GOLDEN")
            return
        }
        let expected = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(actual == expected, "\(file) differs; if the change is intended, regenerate with .ci/regenerate")
    }

    private func writeFile(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
        defer { fclose(handle) }
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    }
}
