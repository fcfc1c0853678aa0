/// Where the Bicep CLI keeps the registry modules `bicep restore` (or `az bicep build`) pulled,
/// so a `br:` module can be linted offline from its compiled `main.json`:
/// `<root>/br/<registry, ':' as '$', lower case>/<repository, '/' as '$'>/<tag, encoded>/main.json`
/// (Azure/bicep `OciArtifactRegistry.GetArtifactDirectory`, `TagEncoder`). The root is `~/.bicep`
/// unless `bicepconfig.json` sets `cacheRootDirectory`.
public struct BicepRegistryCache: Sendable {
    /// The cache root, such as `/home/me/.bicep`.
    public let root: String

    /// A cache at `root`.
    public init(root: String) {
        self.root = root
    }

    /// The aliases every Bicep file may use without configuring them: `br/public:` is the public
    /// module registry (`bicepconfig.json` aliases are not read yet).
    static let builtInAliases = ["public": (registry: "mcr.microsoft.com", modulePath: "bicep")]

    /// The cached `main.json` of a `br:` or `br/alias:` module reference, or nil when the
    /// reference is not one akslint can place (an unknown alias, a template spec).
    func templatePath(of reference: String) -> String? {
        let registry: String
        var rest: Substring
        if reference.hasPrefix("br:") {
            rest = reference.dropFirst(3)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            registry = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        } else if reference.hasPrefix("br/"), let colon = reference.firstIndex(of: ":") {
            let alias = String(reference[reference.index(reference.startIndex, offsetBy: 3)..<colon])
            guard let known = Self.builtInAliases[alias] else { return nil }
            registry = known.registry
            rest = Substring(known.modulePath + "/") + reference[reference.index(after: colon)...]
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
        guard !repository.isEmpty, !version.isEmpty, !repository.contains(".."), !version.contains("/") else { return nil }
        let registryFolder = registry.replacingColons(with: "$").asciiLowercased()
        let repositoryFolder = repository.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "$")
        return root + "/br/" + registryFolder + "/" + repositoryFolder + "/" + version + "/main.json"
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
