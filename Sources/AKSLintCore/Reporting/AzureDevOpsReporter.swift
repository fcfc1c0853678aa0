/// The report as Azure Pipelines logging commands: one `##vso[task.logissue]` line per open
/// finding, which the agent turns into errors and warnings on the run's summary and in its log.
///
/// Azure Pipelines has two levels: critical and high findings are errors; medium, low and info
/// findings, and indeterminate results, are warnings. Suppressed and baselined findings are not
/// listed. The worst come first, as in the GitHub format. Escaping follows the agent's task
/// library (`%` as `%AZP25`, CR and LF in the message; also `;` and `]` in properties), and input
/// text is sanitized, so it can carry neither a terminal escape nor a logging command of its own
/// into the log.
public struct AzureDevOpsReporter: Reporter {
    /// Paths are written relative to this directory (the sources directory in CI).
    public let workingDirectory: String

    /// Creates a reporter.
    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    /// Writes the logging commands, one per line.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        for error in report.errors {
            output.write(command("error", file: error.path, line: error.position?.line, column: error.position?.column, code: "akslint-input",
                                 message: ["akslint: input could not be read: " + error.message]))
        }
        if let noCluster = report.noClusterWarning {
            output.write("##vso[task.logissue type=warning;code=akslint-no-cluster;]akslint: " + Self.escapeData(noCluster) + "\n")
        }
        for finding in CIAnnotation.inOrder(report) {
            let level = finding.state == .fail && finding.severity >= .high ? "error" : "warning"
            let region = finding.location.region
            output.write(command(level, file: finding.location.file, line: region.start.line, column: region.start.column, code: finding.ruleId,
                                 message: [CIAnnotation.title(of: finding) + ": " + finding.message] + CIAnnotation.lines(of: finding).dropFirst()))
        }
        for note in report.suppressionReview.notes {
            output.write(command("warning", file: note.source.path, line: note.source.line, column: nil, code: "akslint-suppression",
                                 message: ["akslint: suppression: " + note.message]))
        }
    }

    /// One logging command and its newline. Every line of `message` is sanitized, then the lines
    /// are joined with an escaped line feed, so the command stays on one line of the log.
    private func command(_ level: String, file: String, line: Int?, column: Int?, code: String, message: [String]) -> String {
        var properties = ["type=" + level, "sourcepath=" + Self.escapeProperty(TerminalSafety.sanitize(FilePath.relative(file, to: workingDirectory) ?? file))]
        if let line { properties.append("linenumber=\(line)") }
        if let column { properties.append("columnnumber=\(column)") }
        properties.append("code=" + Self.escapeProperty(code))
        let text = message.map { Self.escapeData(TerminalSafety.sanitize($0)) }.joined(separator: "%0A")
        return "##vso[task.logissue " + properties.joined(separator: ";") + ";]" + text + "\n"
    }

    /// A command's message: `%`, CR and LF escaped as the agent's task library does.
    static func escapeData(_ text: String) -> String {
        CIAnnotation.escapingLineBreaks(text, percent: "%AZP25")
    }

    /// A command's property value: as a message, and `;` and `]` escaped too.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(";", with: "%3B").replacing("]", with: "%5D")
    }
}
