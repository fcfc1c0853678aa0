@testable import AKSLintCore
import Testing

/// Where the Bicep CLI caches a registry module, as `OciArtifactRegistry` and `TagEncoder` lay it out.
@Suite("Bicep registry cache paths")
struct BicepRegistryCacheTests {
    let cache = BicepRegistryCache(root: "/home/me/.bicep")

    @Test("br/public: is the public registry under bicep/; br: names the registry; a digest replaces ':' with '#'")
    func paths() {
        #expect(cache.entry(of: "br/public:avm/res/container-service/managed-cluster:0.9.0")?.path
            == "/home/me/.bicep/br/mcr.microsoft.com/bicep$avm$res$container-service$managed-cluster/0.9.0$/main.json")
        #expect(cache.entry(of: "br:Contoso.azurecr.io:443/modules/aks:v1")?.path
            == "/home/me/.bicep/br/contoso.azurecr.io$443/modules$aks/v1$/main.json")
        #expect(cache.entry(of: "br:contoso.azurecr.io/aks@sha256:abc")?.path == "/home/me/.bicep/br/contoso.azurecr.io/aks/sha256#abc/main.json")
    }

    @Test("a tag's upper-case letters are a hex mask after '$', so tags differing in case do not share a folder")
    func tagEncoding() {
        #expect(BicepRegistryCache.encode(tag: "1.0.0") == "1.0.0$")
        #expect(BicepRegistryCache.encode(tag: "V1") == "V1$1")
        #expect(BicepRegistryCache.encode(tag: "aB") == "aB$2")
        #expect(BicepRegistryCache.encode(tag: String(repeating: "a", count: 64) + "A") == String(repeating: "a", count: 64) + "A$10000000000000000")
    }

    @Test("an unknown alias or a path that climbs out is not placed")
    func refused() {
        #expect(cache.entry(of: "br/mine:aks:v1") == nil)
        #expect(cache.entry(of: "ts/mine:aks:v1") == nil)
        #expect(cache.entry(of: "br:x.io/../../etc:v1") == nil)
        #expect(cache.entry(of: "ts:sub/../spec:1.0") == nil)
        #expect(cache.entry(of: "ts:sub/rg/spec/extra:1.0") == nil)
    }

    @Test("a template spec is cached under ts/ in lower case, as TemplateSpecModuleRegistry lays it out")
    func templateSpecs() {
        #expect(cache.entry(of: "ts:00000000-0000-0000-0000-00000000000A/Platform-RG/AksSpec:V2")
            == .init(path: "/home/me/.bicep/ts/00000000-0000-0000-0000-00000000000a/platform-rg/aksspec/v2/main.json", isTemplateSpec: true))
    }

    @Test("bicepconfig.json aliases: br/alias: with and without a modulePath, ts/alias:, and a cache root of its own")
    func configuredAliases() throws {
        let text = """
            {
              // Bicep's config allows comments
              "cacheRootDirectory": "/cache/bicep",
              "moduleAliases": {
                "br": {
                  "contoso": {"registry": "contoso.azurecr.io", "modulePath": "bicep/modules"},
                  "bare": {"registry": "bare.azurecr.io"},
                  "broken": {"modulePath": "x"}
                },
                "ts": {"specs": {"subscription": "sub-1", "resourceGroup": "Specs-RG"}}
              }
            }
            """
        let (configuration, _) = try BicepConfiguration.parse(Array(text.utf8), file: .primary)
        #expect(configuration.problems.map(\.message) == ["module alias br/broken has no registry; modules using it are not found"])
        let configured = try #require(configuration.applied(to: cache))
        #expect(configured.entry(of: "br/contoso:aks:1.0")?.path == "/cache/bicep/br/contoso.azurecr.io/bicep$modules$aks/1.0$/main.json")
        #expect(configured.entry(of: "br/bare:aks:1.0")?.path == "/cache/bicep/br/bare.azurecr.io/aks/1.0$/main.json")
        #expect(configured.entry(of: "br/public:avm/x:1.0")?.path == "/cache/bicep/br/mcr.microsoft.com/bicep$avm$x/1.0$/main.json")
        #expect(configured.entry(of: "ts/specs:aks:1.0")?.path == "/cache/bicep/ts/sub-1/specs-rg/aks/1.0/main.json")
        #expect(configured.entry(of: "br/broken:aks:1.0") == nil)
    }
}
