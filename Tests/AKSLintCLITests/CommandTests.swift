@testable import AKSLintCLI
import AKSLintTestSupport
import AKSLintCore
import AKSLintRules
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("rules, explain, help and version", .serialized)
struct CommandTests {
    @Test("akslint rules lists every rule in each format")
    func rules() throws {
        let text = akslint("rules")
        #expect(text.exitCode == .success)
        #expect(text.standardOutput.split(separator: "\n").count == BuiltinRules.all.count)
        #expect(text.standardOutput.contains("AKS103  high"))
        let markdown = akslint("rules", "--format", "markdown").standardOutput
        #expect(markdown.hasPrefix("# akslint rule catalogue"))
        #expect(markdown.contains("| [AKS103](#aks103-local-accounts-disabled) | `local-accounts-disabled` | high |"))
        let json = try JSON(akslint("rules", "-f", "json").standardOutput)
        #expect(json.array.count == BuiltinRules.all.count)
        #expect(json[0]["id"].string == "AKS101")
    }

    @Test("akslint explain prints the whole rule documentation", arguments: BuiltinRules.all.map(\.metadata.id))
    func explain(id: String) throws {
        let outcome = akslint("explain", id.lowercased())
        #expect(outcome.exitCode == .success)
        let rule = try #require(BuiltinRules.rule(withID: id)).metadata
        #expect(outcome.standardOutput.hasPrefix("\(rule.id) \(rule.name) (\(rule.severity.rawValue)"))
        #expect(outcome.standardOutput.contains(rule.rationale.split(separator: "\n").first.map(String.init) ?? ""))
        if let command = rule.remediation.azCommand { #expect(outcome.standardOutput.contains(command)) }
        #expect(outcome.standardOutput.contains(rule.references[0].url))
    }

    @Test("--help and --version, anywhere on the line")
    func helpAndVersion() {
        let help = akslint("--help")
        #expect(help.exitCode == .success && help.standardOutput.contains("EXIT STATUS"))
        #expect(akslint("--version").standardOutput == "akslint \(AKSLintInfo.version)\n")
        #expect(akslint("Fixtures/az/hardened.json", "--version").standardOutput == "akslint \(AKSLintInfo.version)\n")
        #expect(akslint("check", "-f", "json", "-h").standardOutput == help.standardOutput)
    }

    @Test("--help lists every option the parser accepts, and the README's option table does too")
    func helpComesFromTheTable() throws {
        let help = akslint("--help").standardOutput
        let readme = String(decoding: try readBytes(Paths.repositoryRoot + "/README.md"), as: UTF8.self)
        for spec in OptionTable.check {
            #expect(help.contains("  " + spec.spelling), "\(spec.names[0]) is not in --help")
            #expect(spec.names.contains { readme.contains("`\($0)") || readme.contains(", \($0)") || readme.contains("/ `\($0)") }, "\(spec.names[0]) is not in the README's option table")
            for name in spec.names {
                // A value that is a path nobody reads: options that write (-o, --write-baseline) must
                // not leave files in the checkout.
                let value = "/tmp/akslint-option-value-\(UInt32.random(in: 0...UInt32.max))"
                defer { unlink(value) }
                let parsed = akslint(arguments: [name] + (spec.value == .none ? [] : [value]) + ["Fixtures/az/hardened.json"])
                #expect(!parsed.standardError.contains("unknown option"), "\(name) is not parsed")
            }
        }
        #expect(help.contains("--no-color") && help.contains("--colour"))
    }
}

@Suite("Catalogue documentation", .serialized)
struct CatalogueDocumentationTests {
    @Test("Rules/README.md is exactly what `akslint rules --format markdown` prints")
    func readmeIsGenerated() throws {
        let generated = akslint("rules", "--format", "markdown").standardOutput
        let checkedIn = String(decoding: try readBytes(Paths.repositoryRoot + "/Rules/README.md"), as: UTF8.self)
        #expect(generated == checkedIn, "regenerate it: swift run akslint rules --format markdown > Rules/README.md")
    }

    @Test("every rule's helpUri points at a section that exists in Rules/README.md, holding its SARIF help text")
    func helpAnchors() throws {
        let readme = String(decoding: try readBytes(Paths.repositoryRoot + "/Rules/README.md"), as: UTF8.self)
        let headings = Set(readme.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { heading in
            heading.dropFirst(3).lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        }.map { String($0) })
        let log = try JSON(akslint("-f", "sarif", "--fail-on", "never", "Fixtures/az/hardened.json").standardOutput)
        for rule in log["runs"][0]["tool"]["driver"]["rules"].array {
            let uri = rule["helpUri"].string
            #expect(uri.hasPrefix(AKSLintInfo.informationURI + "/blob/main/Rules/README.md#"))
            let anchor = String(uri.split(separator: "#").last ?? "")
            #expect(headings.contains(anchor), "no heading for #\(anchor)")
            #expect(readme.contains(rule["help"]["markdown"].string), "\(rule["id"].string): SARIF help.markdown is the README section")
        }
    }
}
