import AKSLintCore
import AKSLintRules

/// The akslint command line: parses arguments, runs the chosen command and decides the exit code.
/// The executable only wires the real process into ``run(_:)``; tests call it directly.
public enum AKSLintCommand {
    /// Runs akslint with `environment` and returns what it printed and its exit code.
    public static func run(_ environment: ProcessEnvironment) async -> CommandOutcome {
        let parser = ArgumentParser(knownRuleIDs: BuiltinRules.all.map(\.metadata.id))
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
        case .explain(let id):
            guard let rule = BuiltinRules.rule(withID: id) else {
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: unknown rule '\(TerminalSafety.sanitize(id))'; run 'akslint rules' for the list\n")
            }
            return CommandOutcome(exitCode: .success, standardOutput: RuleDocumentation.text(rule.metadata), standardError: "")
        case .check(let options):
            return await CheckCommand(options: options, environment: environment).run()
        }
    }
}

/// `akslint check`: lint the inputs, write the report, apply the gate.
struct CheckCommand {
    let options: CheckOptions
    let environment: ProcessEnvironment

    func run() async -> CommandOutcome {
        var paths = options.paths
        if paths.isEmpty {
            guard !environment.stdinIsTerminal else {
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: no input; give files or directories, or pipe JSON in (see akslint --help)\n")
            }
            paths = ["-"]
        }
        if paths.filter({ $0 == "-" }).count > 1 {
            return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: standard input ('-') can be read only once\n")
        }

        var parameters: TemplateParameters?
        if let parametersPath = options.parametersPath {
            do {
                parameters = try TemplateParameters.parse(FileSystem.read(parametersPath), path: parametersPath)
            } catch {
                let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: --parameters \(TerminalSafety.sanitize(parametersPath))\(position): \(TerminalSafety.sanitize(error.description))\n")
            }
        }
        let rules = selectedRules()
        let evaluationDay = options.asOf ?? .today
        let discovery = InputDiscovery().discover(paths, stdinName: options.stdinFilename)
        let runner = LintRunner(
            engine: LintEngine(rules: rules, context: RuleContext(evaluationDay: evaluationDay)),
            readStandardInput: environment.readStandardInput,
            parallelism: ProcessInfoCompat.processorCount,
            parameters: parameters)
        let linted = await runner.run(discovery.sources)

        var inputs: [InputReport] = discovery.problems
        var quietlySkipped: [String] = []
        for (source, report) in zip(discovery.sources, linted) {
            let filtered = report.filteringResults { $0.severity >= options.minimumSeverity }
            if !source.isExplicit && report.error == nil && report.clusters.isEmpty {
                quietlySkipped.append(report.path)
                inputs.append(filtered.droppingWarnings())
            } else {
                inputs.append(filtered)
            }
        }
        let report = LintReport(inputs: inputs, rules: rules.map(\.metadata), evaluationDay: evaluationDay)

        var standardError = diagnostics(report)
        if !quietlySkipped.isEmpty && !options.quiet {
            standardError += "akslint: note: skipped \(quietlySkipped.count) JSON \(quietlySkipped.count == 1 ? "file" : "files") with no AKS cluster (name a file explicitly to see why)\n"
        }
        for note in discovery.notes { standardError += "akslint: warning: \(TerminalSafety.sanitize(note))\n" }

        let rendered = render(report)
        var standardOutput = ""
        if let outputPath = options.outputPath {
            do {
                try FileSystem.write(rendered, to: outputPath)
            } catch {
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: standardError + "akslint: error: \(error.message)\n")
            }
        } else {
            standardOutput = rendered
        }
        if !options.quiet {
            standardError += TextReporter(colored: false).summaryLine(report) + "\n"
        }
        return CommandOutcome(exitCode: exitCode(for: report), standardOutput: standardOutput, standardError: standardError)
    }

    private func selectedRules() -> [any Rule] {
        BuiltinRules.all.filter { rule in
            let id = rule.metadata.id
            return (options.onlyRules.isEmpty || options.onlyRules.contains(id)) && !options.skippedRules.contains(id)
        }
    }

    private func render(_ report: LintReport) -> String {
        switch options.format {
        case .text:
            let colored = environment.colorEnabled(options.color, streamIsTerminal: options.outputPath == nil && environment.stdoutIsTerminal)
            return TextReporter(colored: colored, quiet: options.quiet).render(report)
        case .json:
            return JSONReporter(includePassed: options.includePassed).render(report)
        case .sarif:
            return SARIFReporter(workingDirectory: environment.workingDirectory).render(report)
        }
    }

    /// `path:line:column: error: message` lines for unreadable inputs, and warnings for the rest.
    private func diagnostics(_ report: LintReport) -> String {
        var lines = ""
        for error in report.errors { lines += line(error, kind: "error") }
        for warning in report.warnings { lines += line(warning, kind: "warning") }
        return lines
    }

    private func line(_ diagnostic: InputDiagnostic, kind: String) -> String {
        var location = TerminalSafety.sanitize(diagnostic.path)
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        return "\(location): \(kind): \(TerminalSafety.sanitize(diagnostic.message))\n"
    }

    private func exitCode(for report: LintReport) -> ExitCode {
        if !report.errors.isEmpty { return .inputOrUsageError }
        let tripped = report.findings.contains { finding in
            (finding.state == .fail || (options.strict && finding.state == .indeterminate)) && options.failOn.isTripped(by: finding.severity)
        }
        return tripped ? .findings : .success
    }
}
