import AKSLintCore

/// Reads, parses and lints inputs concurrently, at most one per processor at a time, on threads
/// with a stack for the deepest input akslint accepts, and returns their reports in input order.
/// One input failing never stops the others: whatever goes wrong inside an input becomes that
/// input's error.
struct LintRunner: Sendable {
    let engine: LintEngine
    let readStandardInput: @Sendable () throws(InputError) -> [UInt8]
    let parallelism: Int
    /// Parameters given with `--parameters`; a template without any gets its sibling file.
    let parameters: ExplicitParameters
    /// Where the Bicep CLI caches registry modules (`~/.bicep`), if there is a home folder.
    var registryCache: BicepRegistryCache? = nil
    /// The folder relative input paths are in (`bicepconfig.json` is looked for above them).
    var workingDirectory = "."
    /// `--terraform-dir`: where a Terraform plan's `.tf` files are (default: the plan's folder).
    var terraformDirectory: String? = nil
    /// Threads that judge the clusters of one input (see ``LintEngine/evaluate(_:path:parallelism:)``).
    var clusterParallelism = 1
    /// Whether passes and not-applicable results become findings, or are only counted (see
    /// ``CheckOptions/reportsListPasses``).
    var keepsPasses = true

    /// One input's report, and whether any of its bytes could be read.
    struct Linted: Sendable {
        let report: InputReport
        /// False when nothing was read (a missing file, empty standard input): a run that read no
        /// input at all writes no report files.
        let readSomething: Bool
        /// The sibling parameters file that was read for a template, if any.
        let siblingParameters: String?
    }

    /// Every source's report, in order; `progress` counts each file as it is done.
    func run(_ sources: [InputSource], progress: ProgressMeter? = nil) -> [Linted] {
        var runner = self
        // Processors no file of its own keeps busy judge the clusters of a big one (a fleet export).
        runner.clusterParallelism = max(1, parallelism / max(1, sources.count))
        let linted = WorkerThreads.map(count: sources.count, parallelism: parallelism) { [runner] index in
            let result = runner.lint(sources[index])
            progress?.fileDone()
            return result
        }
        progress?.finish()
        return linted
    }

    /// The report of one input. A `.bicepparam` file named as an input lints the Bicep file it is
    /// `using`, with its values (as `az deployment group create --parameters x.bicepparam` deploys it).
    func lint(_ source: InputSource) -> Linted {
        if case .file(let path, let explicit) = source, ParametersFile.isBicepParameters(path) {
            do throws(InputError) {
                let file = try BicepParametersFile.parse(FileSystem.read(path, limit: InputLimits.maximumParametersBytes), path: path)
                guard let target = file.usingPath else {
                    guard explicit else {
                        // Found in a directory, a parameters file of no Bicep file (`using none`) defines nothing to lint.
                        return Linted(report: InputReport(path: path, format: .bicep, encoding: nil, clusters: [], results: [], error: nil, warnings: []), readSomething: true, siblingParameters: nil)
                    }
                    throw .unreadable(reason: "the parameters file names no Bicep file with `using`")
                }
                let template = FilePath.absolute(target, in: FilePath.directory(of: path))
                return LintRunner(
                    engine: engine, readStandardInput: readStandardInput, parallelism: parallelism,
                    parameters: ExplicitParameters(forEveryTemplate: parameters.parameters(for: path) ?? file.parameters),
                    registryCache: registryCache, workingDirectory: workingDirectory, terraformDirectory: terraformDirectory,
                    clusterParallelism: clusterParallelism, keepsPasses: keepsPasses)
                    .lint(.file(path: template, explicit: explicit))
            } catch {
                return Linted(report: failed(path, error), readSomething: false, siblingParameters: nil)
            }
        }
        let path = source.displayPath
        let bytes: [UInt8]
        do {
            switch source {
            case .file(let filePath, let explicit): bytes = try FileSystem.read(filePath, limit: InputLimits.maximumBytes, requireRegular: !explicit)
            case .standardInput: bytes = try readStandardInput()
            }
        } catch {
            return Linted(report: failed(path, error), readSomething: false, siblingParameters: nil)
        }
        let readSomething = !bytes.isEmpty
        var notes: [InputWarning] = []
        let explicit = source.filePath.flatMap(parameters.parameters(for:)) ?? parameters.forEveryTemplate
        let sibling = explicit == nil ? siblingParameters(of: source, notes: &notes) : nil
        do {
            // The input's bytes go once parsed, and each cluster (with its part of the parse tree)
            // once judged: a fleet export is never held whole next to its findings.
            var loaded = Self.isBicep(path)
                ? try BicepLoader.load(consume bytes, path: path, parameters: explicit ?? sibling, reader: FileReader(), registryCache: registryCache, workingDirectory: workingDirectory)
                : try InputLoader.load(
                    consume bytes, parameters: explicit ?? sibling, path: source.filePath, reader: FileReader(),
                    terraformDirectory: terraformDirectory, workingDirectory: workingDirectory)
            let evaluation: LintEngine.Evaluation
            do {
                evaluation = try engine.evaluate(taking: loaded.takeClusters(), of: loaded, path: path, parallelism: clusterParallelism, keepingPasses: keepsPasses)
            } catch {
                let report = InputReport(path: path, error: Diagnostic(path: path, position: nil, message: error.description, isInternalError: true))
                return Linted(report: report, readSomething: true, siblingParameters: nil)
            }
            var report = InputReport(path: path, loaded: loaded, evaluation: evaluation)
            if !notes.isEmpty && (loaded.format == .armTemplate || loaded.format == .bicep) {
                report = report.addingWarnings(notes.map { Diagnostic(path: path, position: $0.position, message: $0.message) })
            }
            let usedSibling = loaded.format == .armTemplate || loaded.format == .bicep ? sibling?.path : nil
            return Linted(report: report, readSomething: readSomething, siblingParameters: usedSibling)
        } catch {
            return Linted(report: failed(path, error), readSomething: readSomething, siblingParameters: nil)
        }
    }

    private func failed(_ path: String, _ error: InputError) -> InputReport {
        InputReport(path: path, error: Diagnostic(path: path, position: error.position, message: error.description))
    }

    /// The parameters file beside a template: `NAME.parameters.json` for `NAME.json`; for
    /// `NAME.bicep`, `NAME.bicepparam` when it is `using` that file, else `NAME.parameters.json`.
    private func siblingParameters(of source: InputSource, notes: inout [InputWarning]) -> TemplateParameters? {
        guard case .file(let path, _) = source else { return nil }
        if Self.isBicep(path), let parameters = siblingBicepParameters(of: path, notes: &notes) { return parameters }
        guard let sibling = Self.siblingParametersPath(of: path), FileSystem.kind(of: sibling) == .file else { return nil }
        do {
            return try ParametersFile.read(sibling, requireRegular: true)
        } catch {
            notes.append(InputWarning("the parameters file beside it, \(sibling), cannot be used: \(error.description)", position: nil))
            return nil
        }
    }

    /// `NAME.bicepparam` beside `NAME.bicep`, when its `using` names that file.
    private func siblingBicepParameters(of path: String, notes: inout [InputWarning]) -> TemplateParameters? {
        let sibling = String(path.dropLast(6)) + ".bicepparam"
        guard FileSystem.kind(of: sibling) == .file else { return nil }
        do {
            let file = try BicepParametersFile.parse(FileSystem.read(sibling, limit: InputLimits.maximumParametersBytes, requireRegular: true), path: sibling)
            guard let target = file.usingPath, FilePath.absolute(target, in: FilePath.directory(of: sibling)) == FilePath.normalize(path) else { return nil }
            return file.parameters
        } catch {
            notes.append(InputWarning("the parameters file beside it, \(sibling), cannot be used: \(error.description)", position: nil))
            return nil
        }
    }

    /// `dir/NAME.parameters.json` for `dir/NAME.json`; nil for a parameters file itself.
    static func siblingParametersPath(of path: String) -> String? {
        let lowered = path.lowercased()
        if isBicep(path) { return String(path.dropLast(6)) + ".parameters.json" }
        guard lowered.hasSuffix(".json"), !lowered.hasSuffix(".parameters.json") else { return nil }
        return String(path.dropLast(5)) + ".parameters.json"
    }

    /// Whether the input is a Bicep file, by its extension (as the Bicep CLI decides).
    static func isBicep(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".bicep")
    }

    /// Reads the modules and text files a Bicep input brings in, as its own file was read.
    private struct FileReader: SourceFileReader {
        func read(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
            try FileSystem.read(path, limit: limit, requireRegular: true)
        }

        func isFile(_ path: String) -> Bool {
            FileSystem.kind(of: path) == .file
        }

        func files(in directory: String, endingWith suffix: String) -> [String] {
            (FileSystem.entries(of: directory) ?? []).compactMap(\.name).filter { $0.hasSuffix(suffix) && FileSystem.kind(of: directory + "/" + $0) == .file }
        }
    }
}
