import AKSLintCore

/// What akslint reads from the process around it. The executable fills it from the real process;
/// tests fill it by hand, so the whole command line runs in-process.
package struct ProcessEnvironment: Sendable {
    /// The arguments after the program name.
    package var arguments: [String]
    /// Environment variables (`NO_COLOR`, `TERM`).
    package var variables: [String: String]
    /// Absolute path of the working directory.
    package var workingDirectory: String
    package var stdinIsTerminal: Bool
    package var stdoutIsTerminal: Bool
    /// The width of the terminal standard output is, when it is one (text is wrapped to it).
    package var terminalColumns: Int?
    /// Shows a line of progress on standard error, when it is a terminal (nil otherwise: progress
    /// never goes to a pipe or a file). The text replaces the line shown before.
    package var showProgress: (@Sendable (String) -> Void)?
    /// Reads all of standard input (called at most once, only when an input is `-` or piped).
    package var readStandardInput: @Sendable () throws(InputError) -> [UInt8]
    /// When the run started (JUnit timestamps).
    package var startTime: UnixTime
    /// Where `check` writes the report meant for standard output as it renders it: the process's
    /// descriptor 1 (-1 when it is closed), or nil to return it in ``CommandOutcome/standardOutput``.
    package var standardOutputDescriptor: Int32?

    package init(
        arguments: [String], variables: [String: String] = [:], workingDirectory: String,
        stdinIsTerminal: Bool = true, stdoutIsTerminal: Bool = false, terminalColumns: Int? = nil,
        showProgress: (@Sendable (String) -> Void)? = nil,
        readStandardInput: @escaping @Sendable () throws(InputError) -> [UInt8] = { [] },
        startTime: UnixTime = .now, standardOutputDescriptor: Int32? = nil
    ) {
        self.arguments = arguments
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.terminalColumns = terminalColumns
        self.showProgress = showProgress
        self.readStandardInput = readStandardInput
        self.startTime = startTime
        self.standardOutputDescriptor = standardOutputDescriptor
    }

    /// Whether colour may be used on a stream: `always`, or `auto` on a terminal with `NO_COLOR`
    /// unset and `TERM` not `dumb` (https://no-color.org).
    func colorEnabled(_ choice: ColorChoice, streamIsTerminal: Bool) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = variables["NO_COLOR"], !noColor.isEmpty { return false }
            if variables["TERM"] == "dumb" { return false }
            return streamIsTerminal
        }
    }
}

/// What a run printed and how it ended.
package struct CommandOutcome: Sendable {
    package var exitCode: ExitCode
    package var standardOutput: String
    package var standardError: String
    /// The run's report, handed back so that a process that exits right after does not first
    /// spend time freeing it (a fleet's is hundreds of megabytes of small objects).
    package var report: LintReport? = nil
}
