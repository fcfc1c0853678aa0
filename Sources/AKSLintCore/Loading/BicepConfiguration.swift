/// What akslint reads of a `bicepconfig.json`: the module aliases (`moduleAliases.br` and
/// `moduleAliases.ts`) and the cache root (`cacheRootDirectory`), so `br/alias:` and `ts/alias:`
/// modules are found in the Bicep CLI's cache as Bicep finds them. Linter settings and
/// everything else in the file are Bicep's own business and are ignored.
package struct BicepConfiguration: Sendable {
    /// The file's name, looked for in the Bicep file's folder and then each folder above it.
    package static let fileName = "bicepconfig.json"
    /// The largest configuration file read.
    static let maximumBytes = 1 << 20

    package var registryAliases: [String: BicepRegistryCache.RegistryAlias] = [:]
    package var templateSpecAliases: [String: BicepRegistryCache.TemplateSpecAlias] = [:]
    /// `cacheRootDirectory`, when it is an absolute path.
    package var cacheRoot: String?
    /// Settings that are present but unusable, with where they are.
    package var problems: [(message: String, offset: Int)] = []

    /// Parses a configuration. A file that is not JSON throws; an alias missing its required
    /// settings is a problem, and the others still apply.
    package static func parse(_ text: [UInt8], file: SourceFileID) throws(JSONParseError) -> (BicepConfiguration, JSONDocument) {
        let document = try JSONParser.parse(text, maxDepth: 32, file: file)
        var configuration = BicepConfiguration()
        guard let root = document.root.object else {
            configuration.problems.append(("bicepconfig.json is not an object; its settings are not used", Int(document.root.span.start)))
            return (configuration, document)
        }
        if let cache = root["cacheRootDirectory"] {
            if let path = cache.string, path.hasPrefix("/") {
                configuration.cacheRoot = FilePath.normalize(path)
            } else {
                configuration.problems.append(("cacheRootDirectory is not an absolute path; akslint looks in ~/.bicep", Int(cache.span.start)))
            }
        }
        let aliases = root["moduleAliases"]?.object
        for member in aliases?["br"]?.object?.members ?? [] {
            guard let registry = member.value.object?["registry"]?.string, !registry.isEmpty else {
                configuration.problems.append(("module alias br/\(member.key) has no registry; modules using it are not found", Int(member.value.span.start)))
                continue
            }
            configuration.registryAliases[member.key] = .init(registry: registry, modulePath: member.value.object?["modulePath"]?.string)
        }
        for member in aliases?["ts"]?.object?.members ?? [] {
            guard let settings = member.value.object, let subscription = settings["subscription"]?.string, let group = settings["resourceGroup"]?.string else {
                configuration.problems.append(("module alias ts/\(member.key) needs subscription and resourceGroup; modules using it are not found", Int(member.value.span.start)))
                continue
            }
            configuration.templateSpecAliases[member.key] = .init(subscription: subscription, resourceGroup: group)
        }
        return (configuration, document)
    }

    /// `cache` with this configuration's root and aliases (a configured alias replaces a
    /// built-in one of the same name, as in Bicep).
    package func applied(to cache: BicepRegistryCache?) -> BicepRegistryCache? {
        guard var configured = cacheRoot.map(BicepRegistryCache.init(root:)) ?? cache else { return nil }
        configured.registryAliases.merge(registryAliases) { _, configured in configured }
        configured.templateSpecAliases.merge(templateSpecAliases) { _, configured in configured }
        return configured
    }
}
