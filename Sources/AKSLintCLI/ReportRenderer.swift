import AKSLintCore

/// Renders one report in any of the `check` formats, with the options that shape it.
struct ReportRenderer {
    let options: CheckOptions
    let environment: ProcessEnvironment
    /// Whether indeterminate results count for the gate (`--strict` or the configuration's `strict`).
    let strict: Bool
    /// When the run started, for JUnit timestamps.
    let startTime: UnixTime
    /// The Kubernetes support calendar the run used (the HTML report names its date).
    var calendar: KubernetesCalendar = .builtIn

    /// Writes `report` in `target`'s format to `output` (the caller finishes the output).
    func write(_ report: LintReport, as target: ReportTarget, to output: inout ReportOutput) {
        reporter(for: target).write(report, to: &output)
    }

    private func reporter(for target: ReportTarget) -> any Reporter {
        switch target.format {
        case .text:
            let toTerminal = target.path == nil && environment.stdoutIsTerminal
            let colored = environment.colorEnabled(options.color, streamIsTerminal: toTerminal)
            return TextReporter(colored: colored, quiet: options.quiet, width: toTerminal ? environment.terminalColumns ?? 80 : nil)
        case .json:
            return JSONReporter(includePassed: options.includePassed, parallelism: ProcessFacts.processorCount)
        case .sarif:
            return SARIFReporter(workingDirectory: environment.workingDirectory, includeSuppressed: options.sarifIncludesSuppressed, parallelism: ProcessFacts.processorCount, category: options.sarifCategory)
        case .junit:
            return JUnitReporter(timestamp: UTCTimestamp.format(startTime), strict: strict)
        case .markdown:
            return MarkdownReporter()
        case .github:
            return GitHubReporter(workingDirectory: environment.workingDirectory, strict: strict)
        case .azureDevOps:
            return AzureDevOpsReporter(workingDirectory: environment.workingDirectory)
        case .html:
            return HTMLReporter(facts: HTMLReporter.RunFacts(timestamp: UTCTimestamp.format(startTime) + " UTC", calendarDate: calendar.writtenOn, repositoryURL: options.repositoryURL))
        }
    }
}
