/// Where the Bicep CLI keeps the modules `bicep restore` (or `az bicep build`) pulled, so a
/// registry module or a template spec can be linted offline:
/// - `br:` modules: `<root>/br/<registry, ':' as '$', lower case>/<repository, '/' as '$'>/<tag,
///   encoded>/main.json`, the compiled template (Azure/bicep `OciArtifactRegistry.GetArtifactDirectory`,
///   `TagEncoder`);
/// - `ts:` modules: `<root>/ts/<subscription>/<resource group>/<name>/<version>/main.json`, all lower
///   case, holding the template spec version as Resource Manager returns it, whose
///   `properties.mainTemplate` is the template (`TemplateSpecModuleRegistry`).
///
/// The root is `~/.bicep` unless `bicepconfig.json` sets `cacheRootDirectory`; `br/alias:` and
/// `ts/alias:` references use the aliases `bicepconfig.json` defines (see ``BicepConfiguration``).
public struct BicepRegistryCache: Sendable {
    /// A `moduleAliases.br` entry: the registry and the repository prefix an alias stands for.
    package struct RegistryAlias: Sendable, Equatable {
        package let registry: String
        package let modulePath: String?
    }

    /// A `moduleAliases.ts` entry: the resource group holding template specs.
    package struct TemplateSpecAlias: Sendable, Equatable {
        package let subscription: String
        package let resourceGroup: String
    }

    /// A module's place in the cache.
    package struct Entry: Sendable, Equatable {
        /// The cached file.
        package let path: String
        /// Whether the file is a template spec version (the template is its `properties.mainTemplate`).
        package let isTemplateSpec: Bool
    }

    /// The cache root, such as `/home/me/.bicep`.
    public let root: String
    package var registryAliases: [String: RegistryAlias]
    package var templateSpecAliases: [String: TemplateSpecAlias]

    /// A cache at `root` with only the built-in `br/public:` alias.
    public init(root: String) {
        self.root = root
        self.registryAliases = Self.builtInAliases
        self.templateSpecAliases = [:]
    }

    /// The alias every Bicep file may use without configuring it: `br/public:` is the public
    /// module registry.
    static let builtInAliases = ["public": RegistryAlias(registry: "mcr.microsoft.com", modulePath: "bicep")]

    /// Whether a module reference names a registry module or a template spec (`br:`, `br/alias:`,
    /// `ts:`, `ts/alias:`) rather than a file.
    package static func isExternal(_ reference: String) -> Bool {
        reference.hasPrefix("br:") || reference.hasPrefix("br/") || reference.hasPrefix("ts:") || reference.hasPrefix("ts/")
    }

    /// The cache entry of a `br:`, `br/alias:`, `ts:` or `ts/alias:` module reference, or nil when
    /// the reference is not one akslint can place (an unknown alias, a malformed reference).
    package func entry(of reference: String) -> Entry? {
        if reference.hasPrefix("ts:") || reference.hasPrefix("ts/") { return templateSpecEntry(of: reference) }
        return registryPath(of: reference).map { Entry(path: $0, isTemplateSpec: false) }
    }

    private func registryPath(of reference: String) -> String? {
        let registry: String
        var rest: Substring
        if reference.hasPrefix("br:") {
            rest = reference.dropFirst(3)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            registry = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        } else if reference.hasPrefix("br/"), let colon = reference.firstIndex(of: ":") {
            let alias = String(reference[reference.index(reference.startIndex, offsetBy: 3)..<colon])
            guard let known = registryAliases[alias] else { return nil }
            registry = known.registry
            let prefix = known.modulePath.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
            rest = Substring(prefix) + reference[reference.index(after: colon)...]
        } else {
            return nil
        }
        let repository: Substring
        let version: String
        if let at = rest.lastIndex(of: "@") {
            repository = rest[..<at]
            version = rest[rest.index(after: at)...].replacingColons(with: "#")
        } else if let colon = rest.lastIndex(of: ":") {
            repository = rest[..<colon]
            version = Self.encode(tag: String(rest[rest.index(after: colon)...]))
        } else {
            return nil
        }
        guard !registry.isEmpty, !registry.contains("/"), !registry.contains(".."), !repository.isEmpty, !repository.contains(".."), !version.isEmpty, !version.contains("/") else { return nil }
        let registryFolder = registry.replacingColons(with: "$").asciiLowercased()
        let repositoryFolder = repository.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "$")
        return root + "/br/" + registryFolder + "/" + repositoryFolder + "/" + version + "/main.json"
    }

    /// `ts:<subscription>/<resource group>/<name>:<version>` or `ts/<alias>:<name>:<version>`.
    private func templateSpecEntry(of reference: String) -> Entry? {
        let parts: [Substring]
        if reference.hasPrefix("ts:") {
            let body = reference.dropFirst(3)
            guard let colon = body.lastIndex(of: ":") else { return nil }
            let path = body[..<colon].split(separator: "/", omittingEmptySubsequences: false)
            guard path.count == 3 else { return nil }
            parts = path + [body[body.index(after: colon)...]]
        } else {
            let body = reference.dropFirst(3).split(separator: ":", omittingEmptySubsequences: false)
            guard body.count == 3, let alias = templateSpecAliases[String(body[0])] else { return nil }
            parts = [Substring(alias.subscription), Substring(alias.resourceGroup), body[1], body[2]]
        }
        guard parts.allSatisfy({ !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." }) else { return nil }
        return Entry(path: root + "/ts/" + parts.map { String($0).asciiLowercased() }.joined(separator: "/") + "/main.json", isTemplateSpec: true)
    }

    /// The tag followed by `$` and a hex mask of its upper-case letters (nothing after `$` for a
    /// lower-case tag), so tags that differ only in case get different folders.
    static func encode(tag: String) -> String {
        var mask: [UInt64] = [0, 0]
        for (index, byte) in tag.utf8.prefix(128).enumerated() where byte >= 65 && byte <= 90 {
            mask[index / 64] |= 1 << UInt64(index % 64)
        }
        var encoded = tag + "$"
        if mask[1] != 0 {
            encoded += String(mask[1], radix: 16)
            let low = String(mask[0], radix: 16)
            encoded += String(repeating: "0", count: 16 - low.count) + low
        } else if mask[0] != 0 {
            encoded += String(mask[0], radix: 16)
        }
        return encoded
    }
}

extension StringProtocol {
    /// The text with every `:` replaced by `replacement`.
    fileprivate func replacingColons(with replacement: String) -> String {
        split(separator: ":", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
