import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// Feeds mutated copies of real inputs through loading, every rule and every reporter. A crash
/// fails the run; every outcome must be either a clean error or a report.
@Suite("Robustness against malformed input")
struct RobustnessTests {
    static let seeds: [String] = [
        "/Fixtures/az/prod-insecure.json", "/Fixtures/resource-graph/clusters.json", "/Fixtures/az/aks-list.json",
    ]

    @Test("1,500 byte-level mutations each never crash the loader, the rules or the reporters", arguments: seeds)
    func mutations(seed path: String) throws {
        let original = try readBytes(Paths.repositoryRoot + path)
        var random = SplitMix64(seed: UInt64(path.utf8.count))
        let engine = LintEngine(rules: BuiltinRules.all)
        let interesting: [UInt8] = Array("{}[]\",:\\/*-0e.tfn \n\u{1B}".utf8) + [0x00, 0xC3, 0xFF, 0xED, 0xA0]
        var loaded = 0
        for iteration in 0..<1_500 {
            var bytes = original
            for _ in 0..<Int(random.next() % 4 + 1) {
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[position] = interesting[Int(random.next() % UInt64(interesting.count))]
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: position)
                default: bytes.removeSubrange(position..<min(bytes.count, position + Int(random.next() % 64)))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            guard let input = try? InputLoader.load(bytes) else { continue }
            loaded += 1
            let findings = try engine.evaluate(input, path: "mutated.json")
            guard iteration % 10 == 0 else { continue }
            let report = LintReport(inputs: [InputReport(path: "mutated.json", loaded: input, results: findings)], rules: BuiltinRules.all.map(\.metadata))
            _ = TextReporter(colored: false).render(report)
            _ = JSONReporter().render(report)
            _ = SARIFReporter(workingDirectory: "/repo").render(report)
        }
        #expect(loaded > 50, "enough mutations stay valid JSON to exercise the rules")
    }
}

/// A small deterministic pseudo-random generator, so a failing mutation can be reproduced.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
