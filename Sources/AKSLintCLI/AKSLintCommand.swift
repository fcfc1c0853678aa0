import AKSLintCore
import AKSLintRules

/// The akslint command line: parses arguments, runs the chosen command and decides the exit code.
/// The executable only wires the real process into ``run(_:)``; tests call it directly.
package enum AKSLintCommand {
    /// Runs akslint with `environment` and returns what it printed and its exit code.
    package static func run(_ environment: ProcessEnvironment) -> CommandOutcome {
        let parser = ArgumentParser(catalogue: BuiltinRules.all.map(\.metadata))
        let command: Command
        do {
            command = try parser.parse(environment.arguments)
        } catch {
            return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: \(error.message)\n")
        }
        switch command {
        case .help:
            return CommandOutcome(exitCode: .success, standardOutput: HelpText.usage, standardError: "")
        case .version:
            return CommandOutcome(exitCode: .success, standardOutput: "akslint \(AKSLintInfo.version)\n", standardError: "")
        case .listRules(let format):
            return CommandOutcome(exitCode: .success, standardOutput: RuleCatalogue.render(BuiltinRules.all.map(\.metadata), format: format), standardError: "")
        case .explain(let query):
            let matches = BuiltinRules.all.map(\.metadata).filter { $0.isNamed(query) }
            guard !matches.isEmpty else {
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: no rule is named '\(TerminalSafety.sanitize(query))' (by id, name, or another tool's id); run 'akslint rules' for the list\n")
            }
            let preface = matches.count > 1 ? "\(matches.count) akslint rules cover \(TerminalSafety.sanitize(query)): \(matches.map(\.id).joined(separator: ", ")).\n\n" : ""
            return CommandOutcome(exitCode: .success, standardOutput: preface + matches.map(RuleDocumentation.text).joined(separator: "\n"), standardError: "")
        case .completions(let shell):
            let script = ShellCompletions.Shell(rawValue: shell).map(ShellCompletions.script(for:)) ?? ""
            return CommandOutcome(exitCode: .success, standardOutput: script, standardError: "")
        case .manPage:
            return CommandOutcome(exitCode: .success, standardOutput: ManPage.text, standardError: "")
        case .calendar:
            return CommandOutcome(exitCode: .success, standardOutput: KubernetesCalendarFile.serialized(.builtIn), standardError: "")
        case .check(let options):
            return CheckCommand(options: options, environment: environment).run()
        }
    }
}
