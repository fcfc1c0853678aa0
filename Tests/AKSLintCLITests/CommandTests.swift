@testable import AKSLintCLI
import AKSLintCore
import AKSLintRules
import Testing

@Suite("rules, explain, help and version", .serialized)
struct CommandTests {
    @Test("akslint rules lists every rule in each format")
    func rules() async throws {
        let text = await akslint("rules")
        #expect(text.exitCode == .success)
        #expect(text.standardOutput.split(separator: "\n").count == BuiltinRules.all.count)
        #expect(text.standardOutput.contains("AKS103  high"))
        let markdown = await akslint("rules", "--format", "markdown").standardOutput
        #expect(markdown.hasPrefix("| id | name | severity | category | title |"))
        let json = try JSON(await akslint("rules", "-f", "json").standardOutput)
        #expect(json.array.count == BuiltinRules.all.count)
        #expect(json[0]["id"].string == "AKS101")
    }

    @Test("akslint explain prints the whole rule documentation", arguments: BuiltinRules.all.map(\.metadata.id))
    func explain(id: String) async throws {
        let outcome = await akslint("explain", id.lowercased())
        #expect(outcome.exitCode == .success)
        let rule = try #require(BuiltinRules.rule(withID: id)).metadata
        #expect(outcome.standardOutput.hasPrefix("\(rule.id) \(rule.name) (\(rule.severity.rawValue)"))
        #expect(outcome.standardOutput.contains(rule.rationale.split(separator: "\n").first.map(String.init) ?? ""))
        if let command = rule.remediation.azCommand { #expect(outcome.standardOutput.contains(command)) }
        #expect(outcome.standardOutput.contains(rule.references[0].url))
    }

    @Test("--help and --version")
    func helpAndVersion() async {
        let help = await akslint("--help")
        #expect(help.exitCode == .success && help.standardOutput.contains("EXIT STATUS"))
        #expect(await akslint("--version").standardOutput == "akslint \(AKSLintInfo.version)\n")
    }
}
