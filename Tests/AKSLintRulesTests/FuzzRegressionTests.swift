import AKSLintFuzzTargets
import AKSLintTestSupport
import Testing

/// Every input the fuzzers ever found a problem with (saved in `Fixtures/fuzz/<target>/` by
/// `.ci/fuzz`), run through the same harness body, so a fixed crash stays fixed without a fuzzer.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test("every saved fuzz input runs to completion", arguments: FuzzTarget.allCases)
    func savedInputs(target: FuzzTarget) throws {
        let folder = Paths.fixture("fuzz/" + target.rawValue)
        let inputs = try files(under: folder, endingWith: "")
        #expect(!inputs.isEmpty, "\(folder) holds the \(target.rawValue) harness's regression inputs")
        for path in inputs {
            target.run(try readBytes(path))
        }
    }
}
