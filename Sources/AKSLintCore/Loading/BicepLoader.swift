/// Reads the files an input brings in (a Bicep file's modules and `loadTextContent` files), at
/// paths already resolved against the file that names them.
public protocol SourceFileReader: Sendable {
    /// The bytes of the file at `path`, at most `limit` of them.
    func read(_ path: String, limit: Int) throws(InputError) -> [UInt8]
    /// Whether a regular file is at `path` (an optional file, such as `bicepconfig.json`, is
    /// read only when it is there).
    func isFile(_ path: String) -> Bool
    /// The names of the regular files in `directory` whose names end in `suffix` (the `.tf`
    /// files beside a Terraform plan).
    func files(in directory: String, endingWith suffix: String) -> [String]
}

extension SourceFileReader {
    /// No listing: a reader that serves known paths only finds no `.tf` files.
    public func files(in directory: String, endingWith suffix: String) -> [String] { [] }
}

/// Reads a `.bicep` file into clusters: lex and parse it and every local module it calls, lower
/// them onto one ARM template (modules as inner-scope nested deployments), then evaluate that
/// template as any other. Values keep the file and line they were written at.
public enum BicepLoader {
    /// How deeply modules may call modules (as deeply as inline deployments may nest is far
    /// more than any real file; Bicep itself has no lower limit).
    static let maximumModuleDepth = 16
    /// The most files one input may bring in.
    static let maximumFiles = 256
    /// The largest file `loadTextContent` reads: Bicep's own limit on a literal (131,072 characters).
    static let maximumLoadedText = 131_072

    /// Loads the Bicep file at `path` (as named on the command line), whose bytes are `bytes`,
    /// applying `parameters`. Syntax errors that the parser recovered from come back in
    /// ``LoadedInput/errors``, with everything else still linted. Registry modules and template
    /// specs are read from `registryCache` when it holds them, with the cache root and aliases of
    /// the nearest `bicepconfig.json` (looked for from the file's folder up, relative paths taken
    /// from `workingDirectory`).
    public static func load(
        _ bytes: [UInt8], path: String, parameters: TemplateParameters?, reader: some SourceFileReader,
        registryCache: BicepRegistryCache? = nil, workingDirectory: String = "."
    ) throws(InputError) -> LoadedInput {
        guard bytes.count <= InputLimits.maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: InputLimits.maximumBytes) }
        let text: [UInt8]
        let encoding: SourceEncoding
        do {
            (text, encoding) = try SourceDecoder.decode(bytes)
        } catch {
            throw .encoding(error)
        }
        let file: BicepFile
        do {
            file = try BicepParser.parse(text, file: .primary)
        } catch {
            throw .invalid(message: error.message, position: BicepLexer.position(of: error.offset, in: text))
        }
        var session = Session(reader: reader, sources: SourceSet(primary: file.lines), registryCache: registryCache, root: FilePath.directory(of: path))
        session.configure(searchingFrom: FilePath.absolute(FilePath.directory(of: path), in: workingDirectory))
        let template = session.lower(file, fileID: .primary, path: path, text: text, depth: 0, stack: [path])
        var adapted: DocumentAdapter.Adapted
        do {
            adapted = try TemplateAdapter.adapt(ValueRef(node: template, path: .root), sources: session.sources, parameters: parameters, kind: "Bicep file")
        } catch {
            guard error.file == .primary else {
                throw .invalid(message: "\(session.sources.path(of: error.file, inputPath: path)):\(session.sources.position(of: error.offset, in: error.file)): \(error.description)", position: SourcePosition(line: 1, column: 1))
            }
            throw .evaluation(error, position: file.lines.position(of: error.offset))
        }
        adapted.warnings.insert(contentsOf: session.warnings, at: 0)
        return LoadedInput(
            sources: session.sources, encoding: encoding, format: .bicep, clusters: adapted.clusters, warnings: adapted.warnings,
            suppressionSites: adapted.suppressionSites, parametersPath: parameters?.path, evaluationCost: adapted.evaluationCost,
            errors: session.errors)
    }

    /// The paths of the local modules the Bicep file at `path` calls, resolved against its folder
    /// (none when it cannot be read).
    package static func localModulePaths(of bytes: [UInt8], path: String) -> [String] {
        guard let text = try? SourceDecoder.decode(bytes).text, let file = try? BicepParser.parse(text, file: .primary) else { return [] }
        return file.statements.compactMap { statement in
            guard case .module(let module) = statement, !BicepRegistryCache.isExternal(module.path) else { return nil }
            return FilePath.absolute(module.path, in: FilePath.directory(of: path))
        }
    }

    /// The state of one input's loading: its files, and what was found wrong in them.
    private struct Session {
        let reader: any SourceFileReader
        var sources: SourceSet
        var registryCache: BicepRegistryCache?
        /// The folder of the input: `loadTextContent` reads nothing outside it, so a pull request
        /// cannot put a file of the machine that lints it into a report.
        let root: String
        var warnings: [InputWarning] = []
        var errors: [InputWarning] = []
        /// Lowered modules by path, so a module called many times is read once.
        var lowered: [String: BicepModuleTemplate] = [:]

        init(reader: any SourceFileReader, sources: SourceSet, registryCache: BicepRegistryCache?, root: String) {
            self.root = root
            self.reader = reader
            self.sources = sources
            self.registryCache = registryCache
        }

        /// Applies the nearest `bicepconfig.json` at or above `directory` to the registry cache;
        /// a file that cannot be used is a warning naming it, and the defaults apply.
        mutating func configure(searchingFrom directory: String) {
            var folder = directory
            for _ in 0..<64 {
                let candidate = (folder == "/" ? "" : folder) + "/" + BicepConfiguration.fileName
                if reader.isFile(candidate) {
                    readConfiguration(candidate)
                    return
                }
                let parent = FilePath.directory(of: folder)
                guard parent != folder, folder != "." else { return }
                folder = parent
            }
        }

        private mutating func readConfiguration(_ path: String) {
            guard let fileID = sources.add(path: path) else { return }
            var text: [UInt8] = []
            do {
                text = try SourceDecoder.decode(try reader.read(path, limit: BicepConfiguration.maximumBytes)).text
                let (configuration, document) = try BicepConfiguration.parse(text, file: fileID)
                sources.setLines(document.lineIndex, of: fileID)
                for problem in configuration.problems {
                    warnings.append(InputWarning(problem.message, position: document.position(of: problem.offset), file: fileID))
                }
                registryCache = configuration.applied(to: registryCache)
            } catch let error as JSONParseError {
                warnings.append(InputWarning("\(path) is not valid JSON (\(error.message) at \(error.position)); its module aliases are not used", position: nil))
            } catch {
                warnings.append(InputWarning("\(path) cannot be read (\(error)); its module aliases are not used", position: nil))
            }
        }

        /// The template of a parsed file; its modules are read and lowered on the way.
        mutating func lower(_ file: BicepFile, fileID: SourceFileID, path: String, text: [UInt8], depth: Int, stack: [String]) -> JSONNode {
            for error in file.errors {
                errors.append(InputWarning(error.message, position: file.lines.position(of: error.offset), file: fileID))
            }
            var resolved: [String: BicepModuleTemplate] = [:]
            for case .module(let module) in file.statements where resolved[module.path] == nil {
                resolved[module.path] = moduleTemplate(module.path, from: path, depth: depth, stack: stack)
            }
            let directory = FilePath.directory(of: path)
            let reader = self.reader
            let root = self.root
            var lowering = BicepLowering(
                file: file, fileID: fileID, text: text,
                moduleTemplate: { module in resolved[module.path] ?? .unavailable("module \(module.path) is not available") },
                loadText: { relative in
                    let target = FilePath.absolute(relative, in: directory)
                    guard FilePath.relative(target, to: root) != nil else {
                        return .failure(BicepLoweringProblem(message: "the file is outside the input's folder \(root), which akslint does not read"))
                    }
                    do {
                        let bytes = try reader.read(target, limit: BicepLoader.maximumLoadedText * 4)
                        let text = String(decoding: try SourceDecoder.decode(bytes).text, as: UTF8.self)
                        guard text.count <= BicepLoader.maximumLoadedText else { return .failure(BicepLoweringProblem(message: "the file is larger than Bicep's limit of \(BicepLoader.maximumLoadedText) characters")) }
                        return .success(text)
                    } catch {
                        return .failure(BicepLoweringProblem(message: "cannot read \(target): \(error)"))
                    }
                })
            let template = lowering.lower()
            warnings += lowering.warnings
            return template
        }

        /// `br/name` or `ts/name` of an aliased reference.
        static func alias(in reference: String) -> String? {
            guard reference.hasPrefix("br/") || reference.hasPrefix("ts/"), let colon = reference.firstIndex(of: ":") else { return nil }
            return String(reference[..<colon])
        }

        /// The template a module call deploys: a local `.bicep` (lowered) or `.json` (compiled)
        /// file, or a cached registry module or template spec.
        mutating func moduleTemplate(_ reference: String, from path: String, depth: Int, stack: [String]) -> BicepModuleTemplate {
            let isRegistry = BicepRegistryCache.isExternal(reference)
            func notFetched(_ looked: String?) -> BicepModuleTemplate {
                let source = reference.hasPrefix("ts") ? "a template spec" : "a registry"
                var why = looked.map { " (it is not in the Bicep cache at \($0))" } ?? ""
                if looked == nil, let alias = Self.alias(in: reference) {
                    why = " (alias \(alias) is not defined by a bicepconfig.json at or above the file)"
                }
                return .unavailable("module \(reference) comes from \(source), which akslint does not fetch\(why): the clusters it may define are not checked (run `bicep restore`, or compile the file with `bicep build` and lint the template, or vendor the module and call it by path)")
            }
            let target: String
            var isTemplateSpec = false
            if isRegistry {
                guard let cached = registryCache?.entry(of: reference) else { return notFetched(nil) }
                guard reader.isFile(cached.path) else { return notFetched(cached.path) }
                target = cached.path
                isTemplateSpec = cached.isTemplateSpec
            } else {
                target = FilePath.absolute(reference, in: FilePath.directory(of: path))
                let lowered = target.lowercased()
                guard lowered.hasSuffix(".bicep") || lowered.hasSuffix(".json") else {
                    return .unavailable("module \(reference) is not a .bicep or .json file; it is not read")
                }
            }
            if let done = lowered[target] { return done }
            guard !stack.contains(target) else { return .unavailable("module \(reference) calls itself (through \(stack.last ?? path)); it is not evaluated again") }
            guard depth < BicepLoader.maximumModuleDepth else { return .unavailable("modules are nested more than \(BicepLoader.maximumModuleDepth) deep; module \(reference) is not evaluated") }
            guard sources.count < BicepLoader.maximumFiles, let fileID = sources.add(path: target) else {
                return .unavailable("the input brings in more than \(BicepLoader.maximumFiles) files; module \(reference) is not evaluated")
            }
            let result: BicepModuleTemplate
            var text: [UInt8] = []
            do {
                text = try SourceDecoder.decode(try reader.read(target, limit: InputLimits.maximumBytes)).text
                if target.lowercased().hasSuffix(".json") {
                    let document = try JSONParser.parse(text, maxDepth: InputLimits.maximumDepth, file: fileID)
                    sources.setLines(document.lineIndex, of: fileID)
                    if isTemplateSpec {
                        guard let template = document.root.object?["properties"]?.object?["mainTemplate"], template.object != nil else {
                            throw InputError.unreadable(reason: "the cached template spec has no properties.mainTemplate")
                        }
                        result = .template(template)
                    } else {
                        result = .template(document.root)
                    }
                } else {
                    let file = try BicepParser.parse(text, file: fileID)
                    sources.setLines(file.lines, of: fileID)
                    result = .template(lower(file, fileID: fileID, path: target, text: text, depth: depth + 1, stack: stack + [target]))
                }
            } catch let error as BicepSyntaxError {
                result = .unavailable("module \(target) cannot be read: \(error.message) at \(BicepLexer.position(of: error.offset, in: text))")
            } catch let error as JSONParseError {
                result = .unavailable("module \(target) cannot be read: \(error.message) at \(error.position)")
            } catch {
                result = .unavailable("module \(reference) cannot be read (\(target)): \(error)")
            }
            lowered[target] = result
            return result
        }
    }
}
