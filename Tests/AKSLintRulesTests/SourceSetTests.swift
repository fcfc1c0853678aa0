@testable import AKSLintCore
import AKSLintRules
import Testing

/// One cluster whose values come from two files, as a Bicep module or a Terraform child module
/// gives: findings, warnings and suppressions each name the file and line their value came from.
@Suite("Several files behind one input")
struct SourceSetTests {
    static let mainText = """
        {
          "id": "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/split",
          "name": "split",
          "type": "Microsoft.ContainerService/managedClusters",
          "location": "westeurope",
          "sku": {"name": "Base", "tier": "Free"},
          "properties": null
        }
        """
    static let moduleText = """
        {

          "enableRBAC": false,
          "kubernetesVersion": "1.33.2"
        }
        """

    /// The main document with its `properties` replaced by the module's root, whose spans are in file 1.
    private func splitInput() throws -> LoadedInput {
        let main = try JSONParser.parse(Array(Self.mainText.utf8))
        var sources = SourceSet(primary: main.lineIndex)
        let added = sources.add(path: "modules/aks.json")
        let moduleFile = try #require(added)
        let module = try JSONParser.parse(Array(Self.moduleText.utf8), file: moduleFile)
        sources.setLines(module.lineIndex, of: moduleFile)
        var root = try #require(main.root.object)
        let index = try #require(root.members.firstIndex { $0.key == "properties" })
        root.members[index] = JSONMember(key: "properties", keySpan: root.members[index].keySpan, value: module.root)
        let document = JSONDocument(root: main.root.replacingValue(.object(root)), text: main.text, lineIndex: main.lineIndex)
        let cluster = ExportAdapter.cluster(from: ValueRef(node: document.root, path: .root), shape: .rest, ordinal: 0)
        let site = SuppressionSite(clusterOrdinal: 0, rule: "AKS201", reason: nil, position: module.position(of: 3), file: moduleFile)
        let warning = InputWarning("a note about the module", position: module.position(of: 3), file: moduleFile)
        return LoadedInput(
            sources: sources, encoding: .utf8, format: .rest, clusters: [cluster], warnings: [warning],
            suppressionSites: [site])
    }

    @Test("a finding on a value from the module names the module's file and line; one on the main file names the input")
    func findingsNameTheirFile() throws {
        let loaded = try splitInput()
        let findings = try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: "main.json")
        let rbac = try #require(findings.first { $0.ruleId == "AKS104" })
        #expect(rbac.state == .fail)
        #expect(rbac.location.file == "modules/aks.json")
        #expect(rbac.location.region.start == SourcePosition(line: 3, column: 17))
        let tier = try #require(findings.first { $0.ruleId == "AKS604" })
        #expect(tier.location.file == "main.json")
        #expect(tier.location.region.start == SourcePosition(line: 6, column: 35))
    }

    @Test("warnings and suppression sites in the module are reported at the module's path")
    func diagnosticsNameTheirFile() throws {
        let loaded = try splitInput()
        let report = InputReport(path: "main.json", loaded: loaded, results: try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: "main.json"))
        #expect(report.warnings.map(\.path) == ["modules/aks.json"])
        #expect(report.sourcePaths == ["main.json", "modules/aks.json"])
        let applier = SuppressionApplier(configuration: LintConfiguration(), baseline: nil, today: CalendarDay("2026-12-01")!, knownRules: ["AKS201"])
        let applied = applier.apply(to: LintReport(inputs: [report], rules: BuiltinRules.all.map(\.metadata)))
        let suppressionWarning = try #require(applied.inputs[0].warnings.last)
        #expect(suppressionWarning.path == "modules/aks.json")
        #expect(suppressionWarning.position?.line == 3)
    }

    @Test("adding a file twice keeps its identity, and an unknown identity falls back to the input")
    func identities() throws {
        var sources = SourceSet(primary: LineIndex())
        let first = sources.add(path: "a.bicep")
        #expect(sources.add(path: "a.bicep") == first)
        #expect(sources.count == 2)
        #expect(sources.path(of: .primary, inputPath: "main.bicep") == "main.bicep")
        #expect(sources.path(of: SourceFileID(rawValue: 9), inputPath: "main.bicep") == "main.bicep")
    }
}
