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
    @Test("completion scripts and the manual page offer every command, option and choice the parser accepts", arguments: ["bash", "zsh", "fish", "man"])
    func generatedDocumentation(kind: String) throws {
        let outcome = kind == "man" ? akslint("man") : akslint("completions", kind)
        #expect(outcome.exitCode == .success)
        let text = outcome.standardOutput
        for spec in OptionTable.check {
            for name in spec.names {
                let spelled = kind == "man" ? name.replacing("-", with: "\\-") : (kind == "fish" ? String(name.drop { $0 == "-" }) : name)
                #expect(text.contains(spelled), "\(kind) lacks \(name)")
            }
        }
        for command in OptionTable.commands where command.name != "help" {
            #expect(text.contains(command.name), "\(kind) lacks the command \(command.name)")
        }
        #expect(text.contains("azure-devops") || text.contains("azure\\-devops"), "choices are offered")
        if kind == "man" {
            #expect(text.hasPrefix(".TH AKSLINT 1 "))
            let macros = Set(text.split(separator: "\n").filter { $0.hasPrefix(".") }.map { $0.split(separator: " ")[0] })
            #expect(macros.isSubset(of: [".TH", ".SH", ".TP", ".B", ".br", ".nf", ".fi"]), "only man macros start a line: \(macros)")
        }
    }

    @Test("--help fits an 80-column terminal")
    func helpWidth() {
        let help = akslint("--help").standardOutput
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(help.split(separator: "\n").filter { $0.count > 80 })")
        #expect(akslint("completions", "powershell").exitCode == .inputOrUsageError)
    }

    @Test("akslint calendar prints the built-in table as the JSON --k8s-calendar reads, and a newer one changes the verdicts")
    func kubernetesCalendar() throws {
        let printed = akslint("calendar")
        #expect(printed.exitCode == .success)
        #expect(try KubernetesCalendarFile.parse(Array(printed.standardOutput.utf8), path: "printed") == .builtIn, "the printed table reads back as the same table")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // What a user does when AKS moves a date: edit the printed table (here, 1.35 ends early).
        let builtIn = KubernetesCalendar.builtIn
        let moved = builtIn.entries.map { entry in
            entry.minor == 35 ? KubernetesCalendar.Entry(minor: 35, generallyAvailable: entry.generallyAvailable, endOfLife: CalendarDay("2026-11-30")!, longTermSupportEnd: entry.longTermSupportEnd) : entry
        }
        let edited = KubernetesCalendarFile.serialized(KubernetesCalendar(writtenOn: CalendarDay("2027-01-15")!, source: builtIn.source, entries: moved))
        let path = try directory.write(edited, to: "calendar.json")
        let withBuiltIn = akslint("--no-config", "--rule", "AKS603", "--as-of", "2026-12-05", "Fixtures/az/hardened.json")
        #expect(withBuiltIn.exitCode == .success)
        #expect(!withBuiltIn.standardOutput.contains("2027-01-15"))
        let newer = akslint("--no-config", "--rule", "AKS603", "--as-of", "2026-12-05", "--k8s-calendar", path, "Fixtures/az/hardened.json")
        #expect(newer.exitCode == .findings)
        #expect(newer.standardOutput.contains("The cluster runs Kubernetes 1.35.4, whose AKS support ended on 2026-11-30, 5 days before 2026-12-05 (AKS support calendar of 2027-01-15)"))
    }

    @Test("a calendar file that cannot be used stops the run with its line and column", arguments: [
        (#"{"writtenOn": "2027-01-15", "versions": [{"version": "1.30", "generallyAvailable": "2024-07-01", "endOfLife": "2025-08-22"}, {"version": "1.32", "generallyAvailable": "2025-04-01", "endOfLife": "2026-03-31"}]}"#,
         "calendar.json:1:138: the Kubernetes calendar: versions must be listed oldest first without gaps (1.30 is followed by 1.32)"),
        (#"{"writtenOn": "soon", "versions": []}"#, "calendar.json:1:15: the Kubernetes calendar: writtenOn must be a date (YYYY-MM-DD)"),
        (#"{"writtenOn": "2027-01-15", "versions": [{"version": "1.30", "generallyAvailable": "2025-07-01", "endOfLife": "2024-08-22"}]}"#,
         "calendar.json:1:42: the Kubernetes calendar: 1.30: generallyAvailable, endOfLife and longTermSupportEnd must be in that order"),
        ("[", "calendar.json:1:2: the Kubernetes calendar is not valid JSON"),
    ])
    func badCalendar(text: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(text, to: "calendar.json")
        let outcome = akslint("--no-config", "--k8s-calendar", path, "Fixtures/az/hardened.json")
        #expect(outcome.exitCode == .inputOrUsageError)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(directory.path + "/" + message), "\(outcome.standardError)")
    }

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
