import AKSLintCore

/// Reads, parses and lints inputs concurrently, at most one per processor at a time, and returns
/// their reports in input order. One input failing never stops the others.
struct LintRunner: Sendable {
    let engine: LintEngine
    let readStandardInput: @Sendable () throws(InputError) -> [UInt8]
    let parallelism: Int
    /// Parameters given with `--parameters`; when nil, each template's sibling file is looked for.
    let parameters: TemplateParameters?

    func run(_ sources: [InputSource]) async -> [InputReport] {
        var reports = [InputReport?](repeating: nil, count: sources.count)
        await withTaskGroup(of: (Int, InputReport).self) { group in
            var next = 0
            func startNext() {
                guard next < sources.count else { return }
                let index = next
                let source = sources[index]
                group.addTask { (index, lint(source)) }
                next += 1
            }
            for _ in 0..<max(1, parallelism) { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                startNext()
            }
        }
        return reports.compactMap { $0 }
    }

    /// The report of one input.
    func lint(_ source: InputSource) -> InputReport {
        let path = source.displayPath
        do {
            let bytes: [UInt8]
            switch source {
            case .file(let filePath, _): bytes = try FileSystem.read(filePath)
            case .standardInput: bytes = try readStandardInput()
            }
            var notes: [InputWarning] = []
            let parameters = self.parameters ?? siblingParameters(of: source, notes: &notes)
            let loaded = try InputLoader.load(bytes, parameters: parameters)
            let report = InputReport(path: path, loaded: loaded, results: engine.evaluate(loaded, path: path))
            return notes.isEmpty || loaded.format != .armTemplate ? report : report.addingWarnings(notes.map { InputDiagnostic(path: path, position: $0.position, message: $0.message) })
        } catch {
            return InputReport(path: path, error: InputDiagnostic(path: path, position: error.position, message: error.description))
        }
    }

    /// The parameters file beside a template: `NAME.parameters.json` for `NAME.json`.
    private func siblingParameters(of source: InputSource, notes: inout [InputWarning]) -> TemplateParameters? {
        guard case .file(let path, _) = source, let sibling = Self.siblingParametersPath(of: path), FileSystem.kind(of: sibling) == .file else { return nil }
        do {
            return try TemplateParameters.parse(FileSystem.read(sibling), path: sibling)
        } catch {
            notes.append(InputWarning("the parameters file beside it, \(sibling), cannot be used: \(error.description)", position: nil))
            return nil
        }
    }

    /// `dir/NAME.parameters.json` for `dir/NAME.json`; nil for a parameters file itself.
    static func siblingParametersPath(of path: String) -> String? {
        let lowered = path.lowercased()
        guard lowered.hasSuffix(".json"), !lowered.hasSuffix(".parameters.json") else { return nil }
        return String(path.dropLast(5)) + ".parameters.json"
    }
}
