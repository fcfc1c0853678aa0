import AKSLintCore

/// Reads, parses and lints inputs concurrently, at most one per processor at a time, and returns
/// their reports in input order. One input failing never stops the others.
struct LintRunner: Sendable {
    let engine: LintEngine
    let readStandardInput: @Sendable () throws(InputError) -> [UInt8]
    let parallelism: Int

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
            let loaded = try InputLoader.load(bytes)
            return InputReport(path: path, loaded: loaded, results: engine.evaluate(loaded, path: path))
        } catch {
            return InputReport(path: path, error: InputDiagnostic(path: path, position: error.position, message: error.description))
        }
    }
}
