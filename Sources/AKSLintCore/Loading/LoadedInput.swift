/// An input read into clusters: what it was, the clusters it holds, and notes about it.
///
/// It holds no parse tree or text of its own: the clusters hold the values they were made from, so
/// those go when the clusters do (see ``takeClusters()``).
public struct LoadedInput: Sendable {
    /// The files the clusters' values were read from: the input itself, and any file it brings in.
    public let sources: SourceSet
    /// The encoding the bytes arrived in.
    public let encoding: SourceEncoding
    /// What kind of document it is.
    public let format: InputFormat
    /// The AKS clusters found, in document order (none once ``takeClusters()`` moved them out).
    public private(set) var clusters: [ClusterResource]
    /// Notes that did not stop linting (duplicate keys, non-AKS content).
    public let warnings: [InputWarning]
    /// The suppressions written in the input, as its reader found them (checked when applied).
    public let suppressionSites: [SuppressionSite]
    /// The parameters file applied to a template, if any.
    public let parametersPath: String?
    /// For a template: the evaluation work it took (compare ``EvaluationCost/limits``).
    package let evaluationCost: EvaluationCost?
    /// Errors that make the input invalid but did not stop it being linted (a Bicep statement that
    /// does not parse is skipped, and the rest of the file is checked).
    public let errors: [InputWarning]
    /// For a Terraform plan: the addresses of the clusters it destroys (not linted, counted).
    public let destroyedClusters: [String]

    /// Creates a loaded input whose values were read from `sources`.
    package init(
        sources: SourceSet, encoding: SourceEncoding, format: InputFormat, clusters: [ClusterResource], warnings: [InputWarning],
        suppressionSites: [SuppressionSite] = [], parametersPath: String? = nil, evaluationCost: EvaluationCost? = nil,
        errors: [InputWarning] = [], destroyedClusters: [String] = []
    ) {
        self.errors = errors
        self.destroyedClusters = destroyedClusters
        self.sources = sources
        self.encoding = encoding
        self.format = format
        self.clusters = clusters
        self.warnings = warnings
        self.suppressionSites = suppressionSites
        self.parametersPath = parametersPath
        self.evaluationCost = evaluationCost
    }
}

extension LoadedInput {
    /// Moves the clusters out, leaving the input without any: a caller that hands them to
    /// ``LintEngine/evaluate(taking:of:path:parallelism:keepingPasses:)`` lets each cluster's
    /// values go as soon as it is judged.
    package mutating func takeClusters() -> [ClusterResource] {
        defer { clusters = [] }
        return clusters
    }

    /// The innermost nested deployment (Bicep module call) `cluster` is deployed through, as
    /// "NAME at FILE:LINE", or nil for a cluster deployed directly.
    package func deployment(of cluster: ClusterResource, inputPath: String) -> String? {
        cluster.deployedThrough.last.map { call in
            "\(call.name) at \(sources.path(of: call.span.file, inputPath: inputPath)):\(sources.position(of: Int(call.span.start), in: call.span.file).line)"
        }
    }
}

/// Reads the bytes of one input into clusters: decode, parse, detect the shape, adapt.
public enum InputLoader {
    /// Loads `bytes`, applying `parameters` if the input is a template. Throws only when the input
    /// is not a readable JSON document; anything readable but not AKS comes back with no clusters
    /// and a warning saying so.
    ///
    /// For a Terraform plan or state read from `path`, `reader` reads the `.tf` files of
    /// `terraformDirectory` (the plan's folder unless given) and its modules, relative paths taken
    /// from `workingDirectory`.
    public static func load(
        _ bytes: [UInt8], parameters: TemplateParameters? = nil, path: String? = nil, reader: (any SourceFileReader)? = nil,
        terraformDirectory: String? = nil, workingDirectory: String = "."
    ) throws(InputError) -> LoadedInput {
        guard bytes.count <= InputLimits.maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: InputLimits.maximumBytes) }
        let decoded: (text: [UInt8], encoding: SourceEncoding)
        do {
            decoded = try SourceDecoder.decode(bytes)
        } catch {
            throw .encoding(error)
        }
        let document: JSONDocument
        do {
            document = try JSONParser.parse(decoded.text, maxDepth: InputLimits.maximumDepth)
        } catch {
            throw .syntax(error)
        }
        if let object = document.root.object, let kind = TerraformDocument.kind(of: object) {
            var (adapted, sources) = TerraformLoader.load(
                document, kind: kind, path: path, configurationDirectory: terraformDirectory, workingDirectory: workingDirectory, reader: reader)
            adapted.warnings.insert(contentsOf: document.warnings.map { InputWarning($0.message, position: document.position(of: $0.offset)) }, at: 0)
            return LoadedInput(
                sources: sources, encoding: decoded.encoding, format: adapted.format, clusters: adapted.clusters, warnings: adapted.warnings,
                suppressionSites: adapted.suppressionSites, destroyedClusters: adapted.destroyedClusters)
        }
        var adapted: DocumentAdapter.Adapted
        do {
            adapted = try DocumentAdapter.adapt(document, parameters: parameters)
        } catch {
            throw .evaluation(error, position: document.position(of: error.offset))
        }
        let duplicateKeyWarnings = document.warnings.map { InputWarning($0.message, position: document.position(of: $0.offset)) }
        adapted.warnings.insert(contentsOf: duplicateKeyWarnings, at: 0)
        let applied = adapted.format == .armTemplate ? parameters?.path : nil
        return LoadedInput(sources: SourceSet(primary: document.lineIndex), encoding: decoded.encoding, format: adapted.format, clusters: adapted.clusters, warnings: adapted.warnings, suppressionSites: adapted.suppressionSites, parametersPath: applied, evaluationCost: adapted.evaluationCost)
    }
}
