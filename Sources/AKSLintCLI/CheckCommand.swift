#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AKSLintCore
import AKSLintRules

/// `akslint check`: read the configuration, lint the inputs, mark accepted findings, write the
/// reports, apply the gate.
///
/// Nothing is written until every input has been read, and nothing is written over an input (see
/// ``InputProtection``). Each report file is written atomically; when one cannot be written the
/// others still are, and the run exits 2. A run that could read no input at all writes no report
/// file, so a mistyped command line cannot replace a file with an empty report.
struct CheckCommand {
    let options: CheckOptions
    let environment: ProcessEnvironment

    func run() -> CommandOutcome {
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

        let loader = ConfigurationLoader(catalogue: BuiltinRules.all.map(\.metadata))
        let configuration: LintConfiguration
        let baseline: Baseline?
        var parameters = ExplicitParameters()
        do throws(Diagnostic) {
            configuration = options.ignoresConfiguration ? LintConfiguration() : try loader.load(explicitPath: options.configPath, inputs: paths, workingDirectory: environment.workingDirectory)
            baseline = try options.baselinePath.map { (path) throws(Diagnostic) in try loader.baseline(at: path) }
        } catch {
            return failure(error.description)
        }
        do throws(Diagnostic) {
            parameters.forEveryTemplate = try options.parametersPath.map { (path) throws(Diagnostic) in try readParameters(path) }
            for pairing in options.parameterPairings {
                parameters.byTemplate[FilePath.normalize(pairing.template)] = try readParameters(pairing.parameters)
            }
        } catch {
            return failure(error.message)
        }

        var calendar = KubernetesCalendar.builtIn
        if let path = options.kubernetesCalendarPath {
            do throws(Diagnostic) {
                calendar = try loader.kubernetesCalendar(at: path)
            } catch {
                return failure(error.description)
            }
        }
        let rules = selectedRules(configuration)
        let evaluationDay = options.asOf ?? .today
        let discovery = InputDiscovery(excludes: options.excludes).discover(paths, stdinName: options.stdinFilename)
        let inputPaths = Set(discovery.sources.compactMap(\.filePath).map(FilePath.normalize))
        if let unpaired = options.parameterPairings.first(where: { !inputPaths.contains(FilePath.normalize($0.template)) }) {
            return failure("-p \(unpaired.template)=\(unpaired.parameters): \(unpaired.template) is not among the inputs")
        }
        let runner = LintRunner(
            engine: LintEngine(rules: rules, context: RuleContext(evaluationDay: evaluationDay, naming: configuration.naming, kubernetesCalendar: calendar)),
            readStandardInput: environment.readStandardInput,
            parallelism: ProcessFacts.processorCount,
            parameters: parameters,
            registryCache: environment.variables["HOME"].map { BicepRegistryCache(root: $0 + "/.bicep") },
            workingDirectory: environment.workingDirectory,
            terraformDirectory: options.terraformDirectory,
            keepsPasses: options.reportsListPasses)
        let progress = options.quiet ? nil : environment.showProgress.map { ProgressMeter(total: discovery.sources.count, show: $0) }
        let linted = runner.run(discovery.sources, progress: progress)

        var protection = InputProtection()
        configuration.path.map { protection.protect($0, as: "the configuration") }
        options.baselinePath.map { protection.protect($0, as: "the baseline") }
        options.kubernetesCalendarPath.map { protection.protect($0, as: "the Kubernetes calendar") }
        options.parametersPath.map { protection.protect($0, as: "the parameters file") }
        for pairing in options.parameterPairings { protection.protect(pairing.parameters, as: "the parameters file of \(pairing.template)") }
        var inputs: [InputReport] = discovery.problems
        var quietlySkipped: [String] = []
        for (source, result) in zip(discovery.sources, linted) {
            let report = result.report
            if case .file(let path, let explicit) = source, explicit || (report.format ?? .unrecognized) != .unrecognized {
                protection.protect(path, as: explicit ? "an input" : "an input found in a directory")
            }
            result.siblingParameters.map { protection.protect($0, as: "the parameters file of an input") }
            // A file found in a directory that defines no cluster is not worth a line, unless
            // part of it could not be checked (a registry module may hold the clusters).
            if !source.isExplicit && report.error == nil && report.clusters.isEmpty && !report.warnings.contains(where: \.leavesUnchecked) {
                quietlySkipped.append(report.path)
                inputs.append(report.droppingWarnings())
            } else {
                inputs.append(report)
            }
        }
        if let refusal = refusal(protection) { return failure(refusal) }

        let linting = LintReport(inputs: inputs, rules: rules.map(\.metadata), evaluationDay: evaluationDay, framework: options.framework)
        // The gate judges every open finding; --min-severity only hides some from the reports.
        var judged = accepting(linting, configuration: configuration, baseline: baseline, today: evaluationDay)
        let readSomething = linted.contains(where: \.readSomething)
        var notes = ""
        var writeErrors = ""
        if let writePath = options.writeBaselinePath, readSomething {
            let recorded = Baseline(recording: judged, path: writePath)
            do {
                try FileSystem.write(to: writePath) { $0.write(recorded.serialized()) }
                judged = accepting(linting, configuration: configuration, baseline: recorded, today: evaluationDay)
                if !options.quiet {
                    notes += "akslint: note: wrote \(recorded.entries.count) \(recorded.entries.count == 1 ? "finding" : "findings") to the baseline \(TerminalSafety.sanitize(writePath)); they are accepted from now on\n"
                }
            } catch {
                writeErrors += "akslint: error: \(error.message)\n"
            }
        }

        let report = shown(judged)
        let strict = options.strict || configuration.strict == true
        var standardError = diagnostics(report) + notes
        if !options.quiet, let used = Self.settingsUsed(configuration: configuration.path, baseline: options.baselinePath) {
            standardError += "akslint: note: using \(TerminalSafety.sanitize(used))\n"
        }
        if !quietlySkipped.isEmpty && !options.quiet {
            standardError += "akslint: note: skipped \(quietlySkipped.count) \(quietlySkipped.count == 1 ? "file" : "files") with no AKS cluster (name a file explicitly to see why)\n"
        }
        for note in discovery.notes { standardError += "akslint: warning: \(TerminalSafety.sanitize(note))\n" }
        if let noCluster = report.noClusterWarning { standardError += "akslint: warning: \(noCluster)\(strict ? "" : " (--strict makes this an error)")\n" }
        if let skipped = discovery.skippedSummary, !options.quiet { standardError += "akslint: note: \(skipped)\n" }
        if options.reports.contains(where: { $0.format == .sarif }) {
            let leftOut = SARIFLimits.leftOut(of: report, includeSuppressed: options.sarifIncludesSuppressed)
            if leftOut > 0 { standardError += "akslint: warning: \(SARIFLimits.leftOutMessage(leftOut))\n" }
        }

        let renderer = ReportRenderer(options: options, environment: environment, strict: strict, startTime: environment.startTime, calendar: calendar)
        var standardOutput = environment.standardOutputDescriptor.map(ReportOutput.init(descriptor:)) ?? ReportOutput()
        var skippedFiles = false
        for target in options.reports {
            guard let path = target.path else {
                renderer.write(report, as: target, to: &standardOutput)
                continue
            }
            guard readSomething else {
                skippedFiles = true
                continue
            }
            do {
                try FileSystem.write(to: path) { renderer.write(report, as: target, to: &$0) }
            } catch {
                writeErrors += "akslint: error: \(error.message)\n"
            }
        }
        standardOutput.finish()
        if let failure = standardOutput.writeError, failure != EPIPE {
            let reason = failure == EBADF ? "standard output is closed" : FileSystem.errorText(failure)
            writeErrors += "akslint: error: cannot write the report to standard output: \(reason)\n"
        }
        if skippedFiles || (!readSomething && options.writeBaselinePath != nil) {
            standardError += "akslint: error: no input could be read, so no report or baseline file was written\n"
        }
        standardError += writeErrors
        if !options.quiet {
            standardError += TextReporter(colored: false).summaryLine(report) + "\n"
        }
        let tripping = gateFindings(in: judged, configuration: configuration, strict: strict)
        var exitCode = exitCode(for: judged, gateFindings: tripping, strict: strict)
        let hidden = hidesFindings ? tripping - gateFindings(in: report, configuration: configuration, strict: strict) : 0
        if hidden > 0 {
            standardError += "akslint: note: \(hidden) open \(hidden == 1 ? "finding" : "findings") at or above \(thresholdText(configuration)) \(hidden == 1 ? "is" : "are") hidden by --min-severity \(options.minimumSeverity.rawValue) and still \(hidden == 1 ? "fails" : "fail") the run; show them with a lower --min-severity\n"
        }
        if exitCode != .internalError && (!writeErrors.isEmpty || skippedFiles) { exitCode = .inputOrUsageError }
        let captured = environment.standardOutputDescriptor == nil ? String(decoding: standardOutput.bytes, as: UTF8.self) : ""
        return CommandOutcome(exitCode: exitCode, standardOutput: captured, standardError: standardError, report: report)
    }

    /// The first output that would overwrite an input or another output, as an error message.
    private func refusal(_ protection: InputProtection) -> String? {
        var outputs = options.reports.compactMap { target in target.path.map { (path: $0, option: "the \(target.format.rawValue) report") } }
        if let writePath = options.writeBaselinePath { outputs.append((writePath, "the baseline")) }
        for (index, output) in outputs.enumerated() {
            for earlier in outputs[..<index] where Self.sameFile(earlier.path, output.path) {
                return "refusing to write \(output.option) \(output.path): \(earlier.option) is written there too (nothing was written)"
            }
            let allowed = output.option == "the baseline" ? options.baselinePath : nil
            if let refusal = protection.refusal(toWrite: output.path, option: output.option, except: allowed) { return refusal }
        }
        return nil
    }

    /// Whether two paths name the same file: the same normalized path, or the same existing file.
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        if FilePath.normalize(first) == FilePath.normalize(second) { return true }
        guard let identity = FileSystem.identity(of: first) else { return false }
        return FileSystem.identity(of: second) == identity
    }

    /// "the configuration X and the baseline Y", or one of them, or nil when neither was used.
    static func settingsUsed(configuration: String?, baseline: String?) -> String? {
        let used = [configuration.map { "the configuration " + $0 }, baseline.map { "the baseline " + $0 }].compactMap { $0 }
        return used.isEmpty ? nil : used.joined(separator: " and ")
    }

    /// A `-p` parameters file, or why it cannot be used.
    private func readParameters(_ path: String) throws(Diagnostic) -> TemplateParameters {
        do {
            return try ParametersFile.read(path)
        } catch {
            let position = error.position.map { ":\($0.line):\($0.column)" } ?? ""
            throw Diagnostic(path: path, position: error.position, message: "--parameters \(path)\(position): \(error.description)")
        }
    }

    private func failure(_ message: String) -> CommandOutcome {
        CommandOutcome(exitCode: .inputOrUsageError, standardOutput: "", standardError: "akslint: error: \(TerminalSafety.sanitize(message))\n")
    }

    /// The built-in rules chosen by `--rules`, `--skip-rule`, `--framework` and the configuration
    /// (see ``RuleSelection``), each at its configured severity.
    private func selectedRules(_ configuration: LintConfiguration) -> [any Rule] {
        var selection = RuleSelection()
        selection.enabled = configuration.enabledRules
        selection.disabled = configuration.disabledRules
        selection.only = options.onlyRules
        selection.skipped = options.skippedRules
        selection.framework = options.framework
        return configuration.applyingSeverityOverrides(to: selection.choose(from: BuiltinRules.all))
    }

    /// The report with suppressed and baselined findings marked.
    private func accepting(_ report: LintReport, configuration: LintConfiguration, baseline: Baseline?, today: CalendarDay) -> LintReport {
        let applier = SuppressionApplier(configuration: configuration, baseline: baseline, today: today, knownRules: Set(BuiltinRules.all.map(\.metadata.id)))
        return applier.apply(to: report)
    }

    /// The report as the reports show it: without the findings below `--min-severity`.
    /// Suppressions were matched before, so a suppression of a hidden finding is not reported as
    /// unused, and the gate judges the report before this (hiding never weakens it).
    private func shown(_ report: LintReport) -> LintReport {
        guard hidesFindings else { return report }
        return report.mappingInputs { input in
            input.filteringResults(atLeast: options.minimumSeverity)
        }
    }

    /// Whether `--min-severity` hides any finding from the reports.
    private var hidesFindings: Bool { options.minimumSeverity > .info }

    /// How many open findings trip the gate: failures (and under `--strict` indeterminate results)
    /// at or above the threshold.
    private func gateFindings(in report: LintReport, configuration: LintConfiguration, strict: Bool) -> Int {
        ResultCounts(report.inputs).tripping(threshold(configuration), countingIndeterminate: strict)
    }

    /// The threshold for messages: `high`, or `never`.
    private func thresholdText(_ configuration: LintConfiguration) -> String {
        if case .severity(let severity) = threshold(configuration) { return severity.rawValue }
        return "never"
    }

    /// The `--fail-on` threshold, from the command line, the configuration, or the default `high`.
    private func threshold(_ configuration: LintConfiguration) -> FailThreshold {
        options.failOn ?? configuration.failOn ?? .severity(.high)
    }

    /// `path:line:column: error: message` lines for unreadable inputs, and warnings for the rest.
    private func diagnostics(_ report: LintReport) -> String {
        var lines = ""
        for error in report.errors { lines += line(error, kind: error.isInternalError ? "internal error" : "error") }
        for warning in report.warnings { lines += line(warning, kind: "warning") }
        for note in report.suppressionReview.notes {
            lines += "\(TerminalSafety.sanitize(note.source.description)): warning: \(TerminalSafety.sanitize(note.message))\n"
        }
        return lines
    }

    private func line(_ diagnostic: Diagnostic, kind: String) -> String {
        var location = TerminalSafety.sanitize(diagnostic.path)
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        return "\(location): \(kind): \(TerminalSafety.sanitize(diagnostic.message))\n"
    }

    /// 3 for an internal error; 2 when an input could not be read, or with `--strict` when no
    /// input held a cluster; 1 when an open finding trips
    /// the gate, or with `--strict` when part of an input was not checked; else 0.
    /// `gateFindings` is how many of the report's findings trip the gate.
    private func exitCode(for report: LintReport, gateFindings: Int, strict: Bool) -> ExitCode {
        if report.errors.contains(where: \.isInternalError) { return .internalError }
        if !report.errors.isEmpty { return .inputOrUsageError }
        if strict && report.noClusterWarning != nil { return .inputOrUsageError }
        let tripped = gateFindings > 0
        let unchecked = strict && report.warnings.contains(where: \.leavesUnchecked)
        return tripped || unchecked ? .findings : .success
    }
}

