@testable import AKSLintCore
import Testing

/// Where the Bicep CLI caches a registry module, as `OciArtifactRegistry` and `TagEncoder` lay it out.
@Suite("Bicep registry cache paths")
struct BicepRegistryCacheTests {
    let cache = BicepRegistryCache(root: "/home/me/.bicep")

    @Test("br/public: is the public registry under bicep/; br: names the registry; a digest replaces ':' with '#'")
    func paths() {
        #expect(cache.templatePath(of: "br/public:avm/res/container-service/managed-cluster:0.9.0")
            == "/home/me/.bicep/br/mcr.microsoft.com/bicep$avm$res$container-service$managed-cluster/0.9.0$/main.json")
        #expect(cache.templatePath(of: "br:Contoso.azurecr.io:443/modules/aks:v1")
            == "/home/me/.bicep/br/contoso.azurecr.io$443/modules$aks/v1$/main.json")
        #expect(cache.templatePath(of: "br:contoso.azurecr.io/aks@sha256:abc") == "/home/me/.bicep/br/contoso.azurecr.io/aks/sha256#abc/main.json")
    }

    @Test("a tag's upper-case letters are a hex mask after '$', so tags differing in case do not share a folder")
    func tagEncoding() {
        #expect(BicepRegistryCache.encode(tag: "1.0.0") == "1.0.0$")
        #expect(BicepRegistryCache.encode(tag: "V1") == "V1$1")
        #expect(BicepRegistryCache.encode(tag: "aB") == "aB$2")
        #expect(BicepRegistryCache.encode(tag: String(repeating: "a", count: 64) + "A") == String(repeating: "a", count: 64) + "A$10000000000000000")
    }

    @Test("an unknown alias, a template spec or a path that climbs out is not placed")
    func refused() {
        #expect(cache.templatePath(of: "br/mine:aks:v1") == nil)
        #expect(cache.templatePath(of: "ts:sub/rg/spec:1.0") == nil)
        #expect(cache.templatePath(of: "br:x.io/../../etc:v1") == nil)
    }
}
