import AKSLintCore
import AKSLintRules

/// The bodies of akslint's fuzz harnesses. `.ci/fuzz` compiles this file into libFuzzer
/// executables (one `LLVMFuzzerTestOneInput` per target), and `swift test` runs every input saved
/// in `Fixtures/fuzz/<target>/` through the same functions, so a crasher, once found and saved,
/// stays a regression test that needs no fuzzer.
///
/// Each target goes only through akslint's API and checks that nothing crashes, hangs or runs
/// away: what the results are is the other tests' business (but for the json target's check that
/// a split parse agrees with a whole one).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The JSONC parser, and a position for every value it produced; also that the text parsed
    /// on two threads (see `SecondHalf`) gives the same document or the same error.
    case json
    /// The ARM expression parser and evaluator: the input is the text of one template expression
    /// (without its brackets), placed in a small template that has parameters, variables and a
    /// copy loop to refer to.
    case expression
    /// The whole path of `akslint check`: load (any shape, templates included), every rule, the
    /// suppressions, and every report format; also the configuration, baseline and parameters
    /// parsers on the same bytes.
    case pipeline
    /// A Bicep file through the whole path: lexer, parser, lowering, modules (a module path reads
    /// the same bytes again, so calls and cycles are reached), rules and every report format.
    case bicep
    /// A Terraform plan or state through the whole path, with the same bytes as its `main.tf`
    /// (the `.tf` block scanner), and the bytes as the `main.tf` of a fixed small plan whose
    /// cluster the scanner's positions are applied to.
    case terraform

    /// Runs one input. Evaluation may recurse deeply, so the expression and pipeline targets run
    /// on a worker thread, unless `onCallingThread` says the caller's stack is large enough (the
    /// fuzz harnesses run with an enlarged main-thread stack: a thread per input would cost more
    /// than the input).
    public func run(_ bytes: [UInt8], onCallingThread: Bool = false) {
        let body: @Sendable ([UInt8]) -> Void
        switch self {
        case .json: body = Self.parse
        case .expression: body = Self.evaluate
        case .pipeline: body = Self.lint
        case .bicep: body = Self.lintBicep
        case .terraform: body = Self.lintTerraform
        }
        if onCallingThread || self == .json {
            body(bytes)
        } else {
            WorkerThreads.run { body(bytes) }
        }
    }

    private static func parse(_ bytes: [UInt8]) {
        let whole = Result { () throws(JSONParseError) in try JSONParser.parse(bytes, splitSize: .max) }
        let split = Result { () throws(JSONParseError) in try JSONParser.parse(bytes, splitSize: 0) }
        switch (whole, split) {
        case (.success(let document), .success(let splitDocument)):
            precondition(
                document.warnings == splitDocument.warnings && document.lineIndex.lineStarts == splitDocument.lineIndex.lineStarts
                    && sameTree(document.root, splitDocument.root),
                "the text parsed on two threads gives another document")
            visit(document.root, in: document)
        case (.failure(let error), .failure(let splitError)):
            precondition(error == splitError, "the text parsed on two threads gives another error")
        default:
            preconditionFailure("the text parsed on two threads is \(whole.isSuccess ? "not " : "")valid")
        }
    }

    /// Whether two trees have the same values at the same spans.
    private static func sameTree(_ first: JSONNode, _ second: JSONNode) -> Bool {
        guard first.span == second.span else { return false }
        switch (first.value, second.value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.unresolved(let a), .unresolved(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { sameTree($0, $1) }
        case (.object(let a), .object(let b)):
            return a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { x, y in
                x.key == y.key && x.keySpan == y.keySpan && sameTree(x.value, y.value)
            }
        default: return false
        }
    }

    private static func visit(_ node: JSONNode, in document: JSONDocument) {
        _ = document.region(of: node.span)
        switch node.value {
        case .array(let elements): elements.forEach { visit($0, in: document) }
        case .object(let object): object.members.forEach { visit($0.value, in: document) }
        default: break
        }
    }

    private static func evaluate(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let expression = "[" + text + "]"
        let template = """
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
             "parameters": {"name": {"type": "string", "defaultValue": "aks"}, "count": {"type": "int", "defaultValue": 2},
               "flags": {"type": "object", "defaultValue": {"private": true, "ranges": ["10.0.0.0/8"]}}, "secret": {"type": "securestring"}},
             "variables": {"list": [1, "two", {"three": 3}], "text": "[concat(parameters('name'), '-x')]"},
             "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "[parameters('name')]",
               "properties": {"dnsPrefix": \(jsonString(expression)), "enableRBAC": \(jsonString(expression)),
                 "copy": [{"name": "agentPoolProfiles", "count": 2, "input": {"name": \(jsonString(expression)), "mode": "System"}}]}}]}
            """
        _ = try? InputLoader.load(Array(template.utf8))
    }

    private static func lint(_ bytes: [UInt8]) {
        _ = try? ConfigurationParser.parse(bytes, path: "fuzz.akslint.json", catalogue: BuiltinRules.all.map(\.metadata))
        _ = try? Baseline.parse(bytes, path: "fuzz.baseline.json")
        let parameters = try? TemplateParameters.parse(bytes, path: "fuzz.parameters.json")
        render(report(path: "fuzz.json") { () throws(InputError) in try InputLoader.load(bytes, parameters: parameters) })
    }

    /// Serves the fuzz input for every file a Bicep input brings in, up to three folders deep (so
    /// one input is not lowered 256 times: the module limits have their own tests).
    private struct RepeatingReader: SourceFileReader {
        let bytes: [UInt8]
        func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
            guard path.split(separator: "/").count <= 4 else { throw .unreadable(reason: "no such file") }
            guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
            return bytes
        }

        func isFile(_ path: String) -> Bool { path.split(separator: "/").count <= 4 }
    }

    private static func lintBicep(_ bytes: [UInt8]) {
        render(report(path: "/fuzz/main.bicep") { () throws(InputError) in
            try BicepLoader.load(bytes, path: "/fuzz/main.bicep", parameters: nil, reader: RepeatingReader(bytes: bytes))
        })
    }

    /// Serves `main.tf` of `/fuzz` with the given bytes.
    private struct ConfigurationReader: SourceFileReader {
        let bytes: [UInt8]
        func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
            guard path == "/fuzz/main.tf" else { throw .unreadable(reason: "no such file") }
            return Array(bytes.prefix(limit))
        }

        func isFile(_ path: String) -> Bool { path == "/fuzz/main.tf" }
        func files(in directory: String, endingWith suffix: String) -> [String] { directory == "/fuzz" && suffix == ".tf" ? ["main.tf"] : [] }
    }

    /// A plan of one cluster whose configuration address a fuzzed `main.tf` may write.
    static let smallPlan = Array("""
        {"format_version": "1.2", "resource_changes": [{"address": "azurerm_kubernetes_cluster.main", "mode": "managed",
          "type": "azurerm_kubernetes_cluster", "name": "main", "change": {"actions": ["create"],
          "after": {"name": "aks", "local_account_disabled": false, "default_node_pool": [{"name": "system", "zones": ["1"]}],
            "network_profile": [{"network_plugin": "kubenet"}], "api_server_access_profile": [{"authorized_ip_ranges": null}]},
          "after_unknown": {"id": true, "api_server_access_profile": [{"authorized_ip_ranges": true}]},
          "after_sensitive": {"kube_config": true}}}],
         "configuration": {"root_module": {"resources": [{"address": "azurerm_kubernetes_cluster.main",
           "expressions": {"name": {"constant_value": "aks"}, "api_server_access_profile": [{"authorized_ip_ranges": {"references": ["var.ip"]}}]}}]}}}
        """.utf8)

    private static func lintTerraform(_ bytes: [UInt8]) {
        for plan in [bytes, smallPlan] {
            render(report(path: "/fuzz/plan.json") { () throws(InputError) in
                try InputLoader.load(plan, path: "/fuzz/plan.json", reader: ConfigurationReader(bytes: bytes), workingDirectory: "/fuzz")
            })
        }
    }

    /// The most clusters an input is linted and rendered with: a template may legally deploy 800,
    /// which takes tens of seconds under AddressSanitizer and is the benchmark's business, not a
    /// hang. Inputs with more are loaded (parser and evaluator fuzzed) but not linted.
    static let maximumLintedClusters = 32

    /// The report of one input, loaded by `load` and linted with every rule.
    private static func report(path: String, _ load: () throws(InputError) -> LoadedInput) -> InputReport {
        do {
            let loaded = try load()
            guard loaded.clusters.count <= maximumLintedClusters else { return InputReport(path: path, loaded: loaded, results: []) }
            return InputReport(path: path, loaded: loaded, results: try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: path))
        } catch let error as InputError {
            return InputReport(path: path, error: Diagnostic(path: path, position: error.position, message: error.description))
        } catch {
            return InputReport(path: path, error: Diagnostic(path: path, position: nil, message: "\(error)", isInternalError: true))
        }
    }

    /// The report with suppressions applied, in every format.
    private static func render(_ report: InputReport) {
        let linting = LintReport(inputs: [report], rules: BuiltinRules.all.map(\.metadata), evaluationDay: CalendarDay(year: 2026, month: 11, day: 24)!)
        let accepted = SuppressionApplier(configuration: LintConfiguration(), baseline: nil, today: linting.evaluationDay, knownRules: Set(BuiltinRules.all.map(\.metadata.id))).apply(to: linting)
        _ = TextReporter(colored: true).render(accepted)
        _ = JSONReporter(includePassed: true).render(accepted)
        _ = SARIFReporter(workingDirectory: "/repository").render(accepted)
        _ = JUnitReporter(timestamp: "2026-11-24T08:00:00").render(accepted)
        _ = MarkdownReporter().render(accepted)
        _ = GitHubReporter(workingDirectory: "/repository").render(accepted)
        _ = AzureDevOpsReporter(workingDirectory: "/repository").render(accepted)
        _ = HTMLReporter(facts: .init(timestamp: "fuzz", calendarDate: KubernetesCalendar.builtIn.writtenOn)).render(accepted)
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case _ where scalar.value < 0x20: output += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

extension Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
