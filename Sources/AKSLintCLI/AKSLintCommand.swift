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

/// `akslint check`: read the configuration, lint the inputs, mark accepted findings, write the
/// reports, apply the gate.
struct CheckCommand {
    let options: CheckOptions
    let environment: ProcessEnvironment

    func run() async -> CommandOutcome {
        var paths = options.paths
        if paths.isEmpty {
            guard !environment.stdinIsTerminal else {
                return failure("no input; give files or directories, or pipe JSON in (see akslint --help)")
            }
            paths = ["-"]
        }
        if paths.filter({ $0 == "-" }).count > 1 {
            return failure("standard input ('-') can be read only once")
        }

        let loader = ConfigurationLoader(knownRules: BuiltinRules.all.map(\.metadata.id))
        let configuration: LintConfiguration
        let baseline: Baseline?
        var parameters: TemplateParameters?
        do throws(ConfigurationError) {
            configuration = options.ignoresConfiguration ? LintConfiguration() : try loader.load(explicitPath: options.configPath, workingDirectory: environment.workingDirectory)
            baseline = try options.baselinePath.map { (path) throws(ConfigurationError) in try loader.baseline(at: path) }
        } catch {
            return failure(error.description)
        }
        if let parametersPath = options.parametersPath {
            do {
                parameters = try TemplateParameters.parse(FileSystem.read(parametersPath), path: parametersPath)
            } catch {
                let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
                return failure("--parameters \(parametersPath)\(position): \(error.description)")
            }
        }

        let rules = selectedRules(configuration)
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
            if !source.isExplicit && report.error == nil && report.clusters.isEmpty {
                quietlySkipped.append(report.path)
                inputs.append(report.droppingWarnings())
            } else {
                inputs.append(report)
            }
        }
        let linting = LintReport(inputs: inputs, rules: rules.map(\.metadata), evaluationDay: evaluationDay)
        var report = accepting(linting, configuration: configuration, baseline: baseline, today: evaluationDay)
        var standardError = ""
        if let writePath = options.writeBaselinePath {
            let recorded = Baseline(recording: report, path: writePath)
            do {
                try FileSystem.write(recorded.serialized(), to: writePath)
            } catch {
                return failure(error.message)
            }
            report = accepting(linting, configuration: configuration, baseline: recorded, today: evaluationDay)
            if !options.quiet {
                standardError += "akslint: note: wrote \(recorded.entries.count) \(recorded.entries.count == 1 ? "finding" : "findings") to the baseline \(TerminalSafety.sanitize(writePath)); they are accepted from now on\n"
            }
        }

        standardError = diagnostics(report) + standardError
        if !quietlySkipped.isEmpty && !options.quiet {
            standardError += "akslint: note: skipped \(quietlySkipped.count) JSON \(quietlySkipped.count == 1 ? "file" : "files") with no AKS cluster (name a file explicitly to see why)\n"
        }
        for note in discovery.notes { standardError += "akslint: warning: \(TerminalSafety.sanitize(note))\n" }

        let strict = options.strict || configuration.strict == true
        let renderer = ReportRenderer(options: options, environment: environment, strict: strict, startTime: environment.startTime)
        var standardOutput = ""
        for target in options.reports {
            let rendered = renderer.render(report, as: target)
            guard let path = target.path else {
                standardOutput += rendered
                continue
            }
            do {
                try FileSystem.write(rendered, to: path)
            } catch {
                return CommandOutcome(exitCode: .inputOrUsageError, standardOutput: standardOutput, standardError: standardError + "akslint: error: \(error.message)\n")
            }
        }
        if !options.quiet {
            standardError += TextReporter(colored: false).summaryLine(report) + "\n"
        }
        return CommandOutcome(exitCode: exitCode(for: report, configuration: configuration, strict: strict), standardOutput: standardOutput, standardError: standardError)
    }

    private func failure(_ message: String) -> CommandOutcome {
        CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: \(TerminalSafety.sanitize(message))\n")
    }

    /// The built-in rules chosen by `--rule`/`--skip-rule` and the configuration. A rule named with
    /// `--rule` runs even when the configuration disables it.
    private func selectedRules(_ configuration: LintConfiguration) -> [any Rule] {
        var configuration = configuration
        configuration.disabledRules.removeAll { options.onlyRules.contains($0) }
        let chosen = BuiltinRules.all.filter { rule in
            let id = rule.metadata.id
            return (options.onlyRules.isEmpty || options.onlyRules.contains(id)) && !options.skippedRules.contains(id)
        }
        return configuration.configuring(chosen)
    }

    /// The report with suppressed and baselined findings marked, then below `--min-severity` dropped.
    /// Suppressions are matched before the severity filter, so a suppression of a filtered finding
    /// is not reported as unused.
    private func accepting(_ report: LintReport, configuration: LintConfiguration, baseline: Baseline?, today: CalendarDay) -> LintReport {
        let applier = SuppressionApplier(configuration: configuration, baseline: baseline, today: today, knownRules: Set(BuiltinRules.all.map(\.metadata.id)))
        let applied = applier.apply(to: report)
        guard options.minimumSeverity > .info else { return applied }
        return applied.mappingInputs { input in
            input.filteringResults { $0.severity >= options.minimumSeverity }
        }
    }

    /// `path:line:column: error: message` lines for unreadable inputs, and warnings for the rest.
    private func diagnostics(_ report: LintReport) -> String {
        var lines = ""
        for error in report.errors { lines += line(error, kind: "error") }
        for warning in report.warnings { lines += line(warning, kind: "warning") }
        for note in report.suppressionReview.notes {
            lines += "\(TerminalSafety.sanitize(note.source.description)): warning: \(TerminalSafety.sanitize(note.message))\n"
        }
        return lines
    }

    private func line(_ diagnostic: InputDiagnostic, kind: String) -> String {
        var location = TerminalSafety.sanitize(diagnostic.path)
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        return "\(location): \(kind): \(TerminalSafety.sanitize(diagnostic.message))\n"
    }

    /// 2 when an input could not be read; 1 when an open finding trips the gate; else 0.
    private func exitCode(for report: LintReport, configuration: LintConfiguration, strict: Bool) -> ExitCode {
        if !report.errors.isEmpty { return .inputOrUsageError }
        let threshold = options.failOn ?? configuration.failOn ?? .severity(.high)
        let tripped = report.findings.contains { finding in
            finding.isOpen && (finding.state == .fail || strict) && threshold.isTripped(by: finding.severity)
        }
        return tripped ? .findings : .success
    }
}
