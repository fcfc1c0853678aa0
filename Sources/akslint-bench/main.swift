// akslint-bench: prints how fast akslint parses and lints, on a synthetic fleet and on folders.
//
//   swift run -c release akslint-bench [FOLDER ...]
//
// Numbers only: no thresholds, nothing asserted. Timings are medians of several runs.
import AKSLintCLI
import AKSLintCore
import AKSLintRules
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

let clock = ContinuousClock()

/// Median wall time of `runs` executions of `body`, in milliseconds.
func medianMilliseconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let elapsed = try clock.measure { try body() }
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return samples.sorted()[samples.count / 2]
}

/// Peak resident memory of this process so far, from /proc (Linux), in MiB.
func peakMemoryMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return kilobytes / 1024
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    let scale = pow(10.0, Double(digits))
    return String((value * scale).rounded() / scale)
}

// 1. A synthetic fleet: one `az aks list` array of 2,000 clusters built from the insecure fixture.
let fixturePath = "Fixtures/az/prod-insecure.json"
guard let fixture = FileManager.default.contents(atPath: fixturePath) else {
    print("run from the repository root (needs \(fixturePath))")
    exit(2)
}
let clusterCount = 2_000
var fleet: [UInt8] = [UInt8(ascii: "[")]
for index in 0..<clusterCount {
    if index > 0 { fleet.append(UInt8(ascii: ",")) }
    fleet.append(contentsOf: fixture)
}
fleet.append(UInt8(ascii: "]"))
let megabytes = Double(fleet.count) / 1_048_576

var loaded: LoadedInput?
let parseTime = try medianMilliseconds(runs: 7) { loaded = try InputLoader.load(fleet) }
let engine = LintEngine(rules: BuiltinRules.all)
var resultCount = 0
let lintTime = try medianMilliseconds(runs: 7) { resultCount = try engine.evaluate(loaded!, path: "fleet.json").count }
print("synthetic fleet: \(clusterCount) clusters, \(format(megabytes)) MiB of az JSON")
print("  parse + adapt: \(format(parseTime)) ms (\(format(megabytes / parseTime * 1000)) MiB/s)")
print("  evaluate \(BuiltinRules.all.count) rules: \(format(lintTime)) ms (\(resultCount) results, \(format(Double(clusterCount) / lintTime * 1000, 0)) clusters/s)")

// 2. Whole runs of the command line (in-process, JSON report discarded) over the folders given.
let folders = CommandLine.arguments.dropFirst().isEmpty ? ["Fixtures"] : Array(CommandLine.arguments.dropFirst())
for folder in folders {
    let environment = ProcessEnvironment(
        arguments: ["-f", "json", "-o", "/dev/null", "--fail-on", "never", "-q", folder],
        workingDirectory: FileManager.default.currentDirectoryPath)
    var outcome: CommandOutcome?
    let runTime = medianMilliseconds(runs: 5) { outcome = AKSLintCommand.run(environment) }
    print("akslint \(folder): \(format(runTime)) ms per run (exit \(outcome!.exitCode.rawValue))")
}
if let peak = peakMemoryMiB() { print("peak resident memory of this benchmark: \(format(peak)) MiB") }

// 3. The evaluation work of the largest templates, against the budget every template gets.
var costs: [(path: String, cost: EvaluationCost)] = []
for folder in folders {
    for relative in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
        guard relative.hasSuffix(".json"), let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
        if let cost = try? InputLoader.load(Array(data)).evaluationCost { costs.append((folder + "/" + relative, cost)) }
    }
}
if !costs.isEmpty {
    let limits = EvaluationCost.limits
    func share(_ used: Int, _ limit: Int) -> String { format(Double(used) / Double(limit) * 100, 2) + "%" }
    print("template evaluation, \(costs.count) templates; the most any one used (share of the budget):")
    for (label, used, limit) in [
        ("values", costs.map(\.cost.values).max()!, limits.values), ("string bytes", costs.map(\.cost.stringBytes).max()!, limits.stringBytes),
        ("steps", costs.map(\.cost.steps).max()!, limits.steps), ("depth", costs.map(\.cost.depth).max()!, limits.depth),
    ] {
        let heaviest = costs.max { a, b in
            let pick: (EvaluationCost) -> Int = label == "values" ? { $0.values } : label == "steps" ? { $0.steps } : label == "depth" ? { $0.depth } : { $0.stringBytes }
            return pick(a.cost) < pick(b.cost)
        }!
        print("  \(label): \(used) of \(limit) (\(share(used, limit))), \(heaviest.path)")
    }
}

// 4. Bicep: every .bicep file under the folders read, lowered and evaluated (modules from disk).
struct DiskReader: SourceFileReader {
    func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path), data.count <= limit else { throw .unreadable(reason: "cannot read \(path)") }
        return Array(data)
    }

    func isFile(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
var bicepFiles: [(path: String, bytes: [UInt8])] = []
for folder in folders {
    for relative in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] where relative.hasSuffix(".bicep") {
        if let data = FileManager.default.contents(atPath: folder + "/" + relative) { bicepFiles.append((folder + "/" + relative, Array(data))) }
    }
}
if !bicepFiles.isEmpty {
    let bytes = Double(bicepFiles.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
    var clusters = 0
    let loadTime = medianMilliseconds(runs: 7) {
        clusters = 0
        for file in bicepFiles {
            clusters += (try? BicepLoader.load(file.bytes, path: file.path, parameters: nil, reader: DiskReader()).clusters.count) ?? 0
        }
    }
    print("bicep: \(bicepFiles.count) files, \(format(bytes, 2)) MiB, \(clusters) clusters: read, lowered and evaluated in \(format(loadTime)) ms (\(format(bytes / loadTime * 1000)) MiB/s)")
}
