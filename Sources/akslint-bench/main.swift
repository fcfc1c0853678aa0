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

// The allocator is tuned as akslint tunes it: under glibc's defaults the parser would be timed
// growing its heap in small steps, which akslint never does.
AKSLintExecutable.tuneAllocator()

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

/// Median wall time of `runs` parses of `text` by the JSON parser alone, and of the first of them, in
/// milliseconds. Each tree is let go after its parse is timed: freeing it is not parsing. The first
/// parse of a process touches memory the system has not given it yet (as akslint's one parse of
/// an input does); the later ones reuse the memory the last tree left.
func parseMilliseconds(_ text: [UInt8], splitSize: Int = JSONParser.defaultSplitSize, runs: Int) throws -> (median: Double, first: Double) {
    var tree: JSONDocument?
    var samples: [Double] = []
    for _ in 0..<runs {
        tree = nil
        let elapsed = try clock.measure { tree = try JSONParser.parse(text, splitSize: splitSize) }
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    withExtendedLifetime(tree) {}
    return (samples.sorted()[samples.count / 2], samples[0])
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

// `akslint-bench --parse FILE...`: only the JSON parser, on each file (as `.ci/fleet-bench` measures
// the 10,000-cluster export): the parse tree with every value's span, lines and duplicate keys.
if CommandLine.arguments.dropFirst().first == "--parse" {
    for path in CommandLine.arguments.dropFirst(2) {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("cannot read \(path)")
            exit(2)
        }
        let text = Array(data)
        let megabytes = Double(text.count) / 1_000_000
        let runs = text.count > 10_000_000 ? 5 : 25
        let twoThreads = try parseMilliseconds(text, runs: runs)
        let oneThread = try parseMilliseconds(text, splitSize: .max, runs: runs).median
        print("JSON parse of \(path) (\(format(megabytes)) MB): \(format(megabytes / twoThreads.median * 1000, 0)) MB/s (\(format(twoThreads.median)) ms), on one thread \(format(megabytes / oneThread * 1000, 0)) MB/s (\(format(oneThread)) ms); the first parse, into fresh memory: \(format(megabytes / twoThreads.first * 1000, 0)) MB/s")
    }
    exit(0)
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

let jsonParseTime = try parseMilliseconds(fleet, runs: 7).median
let jsonParseOneThreadTime = try parseMilliseconds(fleet, splitSize: .max, runs: 7).median
var loaded: LoadedInput?
let parseTime = try medianMilliseconds(runs: 7) { loaded = try InputLoader.load(fleet) }
let engine = LintEngine(rules: BuiltinRules.all)
var resultCount = 0
let lintTime = try medianMilliseconds(runs: 7) { resultCount = try engine.evaluate(loaded!, path: "fleet.json").count }
print("synthetic fleet: \(clusterCount) clusters, \(format(megabytes)) MiB of az JSON")
print("  JSON parse: \(format(jsonParseTime)) ms (\(format(megabytes / jsonParseTime * 1000)) MiB/s; on one thread \(format(megabytes / jsonParseOneThreadTime * 1000)) MiB/s)")
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

// 5. Terraform: a plan of 10,002 resources (3,334 instances of a module holding a cluster, a
// separate node pool joined by reference and a diagnostic setting), loaded and linted.
func terraformPlan(instances: Int) -> [UInt8] {
    func instance(_ key: Int) -> String {
        let module = "module.aks[\\\"e\(key)\\\"]"
        return """
            {"address": "\(module).azurerm_kubernetes_cluster.this", "module_address": "\(module)", "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": "this",
             "change": {"actions": ["create"], "after": {"name": "aks-e\(key)", "location": "westeurope", "resource_group_name": "rg-aks", "dns_prefix": "aks-e\(key)",
               "kubernetes_version": "1.35.1", "sku_tier": "Free", "local_account_disabled": null, "role_based_access_control_enabled": true,
               "oidc_issuer_enabled": true, "workload_identity_enabled": false, "azure_policy_enabled": null, "automatic_upgrade_channel": null,
               "node_os_upgrade_channel": "NodeImage", "private_cluster_enabled": false, "run_command_enabled": true,
               "default_node_pool": [{"name": "system", "vm_size": "Standard_D4ds_v5", "node_count": 3, "zones": ["1", "2", "3"], "host_encryption_enabled": false,
                 "node_public_ip_enabled": false, "os_disk_type": "Managed", "type": "VirtualMachineScaleSets"}],
               "identity": [{"type": "SystemAssigned"}], "network_profile": [{"network_plugin": "azure", "network_policy": "cilium", "network_data_plane": "cilium"}],
               "azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}], "microsoft_defender": [], "oms_agent": [], "monitor_metrics": []},
             "after_unknown": {"id": true, "fqdn": true, "kube_config": true, "api_server_access_profile": true, "kubelet_identity": true},
             "after_sensitive": {"kube_config": true, "kube_config_raw": true}}},
            {"address": "\(module).azurerm_kubernetes_cluster_node_pool.apps", "module_address": "\(module)", "mode": "managed", "type": "azurerm_kubernetes_cluster_node_pool", "name": "apps",
             "change": {"actions": ["create"], "after": {"name": "apps", "vm_size": "Standard_D4ds_v5", "node_count": 2, "node_public_ip_enabled": false, "mode": "User"},
               "after_unknown": {"id": true, "kubernetes_cluster_id": true}, "after_sensitive": {}}},
            {"address": "\(module).azurerm_monitor_diagnostic_setting.aks", "module_address": "\(module)", "mode": "managed", "type": "azurerm_monitor_diagnostic_setting", "name": "aks",
             "change": {"actions": ["create"], "after": {"name": "aks-audit", "enabled_log": [{"category": "kube-audit-admin"}]},
               "after_unknown": {"id": true, "target_resource_id": true}, "after_sensitive": {}}}
            """
    }
    let configuration = """
        "configuration": {"root_module": {"module_calls": {"aks": {"source": "./modules/aks", "module": {"resources": [
          {"address": "azurerm_kubernetes_cluster.this", "expressions": {"name": {"references": ["var.name"]}, "default_node_pool": [{"name": {"constant_value": "system"}}]}},
          {"address": "azurerm_kubernetes_cluster_node_pool.apps", "expressions": {"kubernetes_cluster_id": {"references": ["azurerm_kubernetes_cluster.this.id", "azurerm_kubernetes_cluster.this"]}}},
          {"address": "azurerm_monitor_diagnostic_setting.aks", "expressions": {"target_resource_id": {"references": ["azurerm_kubernetes_cluster.this.id", "azurerm_kubernetes_cluster.this"]}}}]}}}}}
        """
    let changes = (0..<instances).map(instance).joined(separator: ",\n")
    return Array("{\"format_version\": \"1.2\", \"resource_changes\": [\n\(changes)\n],\n\(configuration)}".utf8)
}
let plan = terraformPlan(instances: 3_334)
var planLoaded: LoadedInput?
let planLoadTime = try medianMilliseconds(runs: 5) { planLoaded = try InputLoader.load(plan, path: "plan.json") }
var planResults = 0
let planLintTime = try medianMilliseconds(runs: 5) { planResults = try engine.evaluate(planLoaded!, path: "plan.json").count }
print("terraform plan: 10,002 resources, \(format(Double(plan.count) / 1_048_576)) MiB, \(planLoaded!.clusters.count) clusters (\(planLoaded!.clusters.reduce(0) { $0 + $1.agentPools.count }) pools)")
print("  load + map + join: \(format(planLoadTime)) ms; evaluate \(BuiltinRules.all.count) rules: \(format(planLintTime)) ms (\(planResults) results)")
