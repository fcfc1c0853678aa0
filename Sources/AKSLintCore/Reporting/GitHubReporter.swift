/// The report as GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per
/// open finding, which the runner turns into annotations on the pull request's files.
///
/// Critical and high findings are errors, medium warnings, low and info notices; indeterminate
/// results are notices (warnings under `--strict`). Suppressed and baselined findings are not
/// annotated. GitHub shows only the first 10 errors and 10 warnings of a step, so the most severe
/// come first; upload the SARIF report for the full list.
/// Escaping follows the runner's rules (`%`, CR and LF in the message; also `:` and `,` in
/// properties), and input text is sanitized so it cannot carry terminal escapes into the log.
public struct GitHubReporter: Reporter {
    /// Paths are written relative to this directory (the workspace in CI) so annotations attach.
    public let workingDirectory: String
    /// Whether indeterminate results are raised to warnings (`--strict`).
    public let strict: Bool

    /// Creates a reporter.
    public init(workingDirectory: String, strict: Bool = false) {
        self.workingDirectory = workingDirectory
        self.strict = strict
    }

    /// Writes the workflow commands, one per line: failures before indeterminate results, the
    /// most severe first.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        for error in report.errors {
            output.write(command("error", file: error.path, line: error.position?.line, column: error.position?.column, title: "akslint: input could not be read", message: error.message) + "\n")
        }
        if let noCluster = report.noClusterWarning {
            output.write("::\(strict ? "error" : "warning") title=akslint%3A no cluster found::\(Self.escapeData(noCluster))\n")
        }
        for finding in CIAnnotation.inOrder(report) { output.write(annotation(finding) + "\n") }
        for note in report.suppressionReview.notes {
            output.write(command("warning", file: note.source.path, line: note.source.line, column: nil, title: "akslint: suppression", message: note.message) + "\n")
        }
    }

    private func annotation(_ finding: Finding) -> String {
        let level: String
        if finding.state == .indeterminate {
            level = strict ? "warning" : "notice"
        } else {
            switch finding.severity {
            case .critical, .high: level = "error"
            case .medium: level = "warning"
            case .low, .info: level = "notice"
            }
        }
        let region = finding.location.region
        return command(level, file: finding.location.file, line: region.start.line, column: region.start.column,
                       endLine: region.end.line, endColumn: region.end.column, title: CIAnnotation.title(of: finding), message: CIAnnotation.lines(of: finding).joined(separator: "\n"))
    }

    /// One workflow command. Every text from the input is sanitized here, once, so no message
    /// (a finding, a parse error, a suppression note) can carry a terminal escape into the log;
    /// `message` holds several lines joined with newlines, which the escaping keeps as `%0A`.
    private func command(
        _ level: String, file: String, line: Int?, column: Int?, endLine: Int? = nil, endColumn: Int? = nil,
        title: String, message: String
    ) -> String {
        let message = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafety.sanitize(String($0)) }.joined(separator: "\n")
        var properties = ["file=" + Self.escapeProperty(TerminalSafety.sanitize(FilePath.relative(file, to: workingDirectory) ?? file))]
        if let line { properties.append("line=\(line)") }
        // GitHub takes columns only for a region on one line.
        let singleLine = endLine == nil || endLine == line
        if let endLine, !singleLine { properties.append("endLine=\(endLine)") }
        if let column, singleLine { properties.append("col=\(column)") }
        if let endColumn, singleLine { properties.append("endColumn=\(endColumn)") }
        properties.append("title=" + Self.escapeProperty(TerminalSafety.sanitize(title)))
        return "::\(level) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    /// A command's message: `%`, CR and LF percent-encoded.
    static func escapeData(_ text: String) -> String {
        CIAnnotation.escapingLineBreaks(text, percent: "%25")
    }

    /// A command's property value: as a message, and `:` and `,` percent-encoded too.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
