/// A report format: writes a whole ``LintReport`` to an output.
public protocol Reporter: Sendable {
    /// Writes the report (the caller finishes the output).
    func write(_ report: LintReport, to output: inout ReportOutput)
}

extension Reporter {
    /// The report as text.
    public func render(_ report: LintReport) -> String {
        var output = ReportOutput()
        write(report, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
