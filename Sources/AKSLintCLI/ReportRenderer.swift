import AKSLintCore
import FoundationEssentials

/// Renders one report in any of the `check` formats, with the options that shape it.
struct ReportRenderer {
    let options: CheckOptions
    let environment: ProcessEnvironment
    /// Whether indeterminate results count for the gate (`--strict` or the configuration's `strict`).
    let strict: Bool
    /// When the run started, for JUnit timestamps.
    let startTime: Date

    func render(_ report: LintReport, as target: ReportTarget) -> String {
        switch target.format {
        case .text:
            let colored = environment.colorEnabled(options.color, streamIsTerminal: target.path == nil && environment.stdoutIsTerminal)
            return TextReporter(colored: colored, quiet: options.quiet).render(report)
        case .json:
            return JSONReporter(includePassed: options.includePassed).render(report)
        case .sarif:
            return SARIFReporter(workingDirectory: environment.workingDirectory, includeSuppressed: options.sarifIncludesSuppressed).render(report)
        case .junit:
            return JUnitReporter(timestamp: UTCTimestamp.format(startTime), strict: strict).render(report)
        case .markdown:
            return MarkdownReporter().render(report)
        case .github:
            return GitHubReporter(workingDirectory: environment.workingDirectory, strict: strict).render(report)
        }
    }
}
