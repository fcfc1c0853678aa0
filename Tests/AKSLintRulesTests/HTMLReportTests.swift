@testable import AKSLintCore
import AKSLintRules
import AKSLintTestSupport
import Testing

/// The HTML report as text: no input becomes markup, the page runs only its own script, and the
/// fleet's data is there once. (.ci/browser-check opens it in chromium.)
@Suite("The HTML fleet report")
struct HTMLReportTests {
    static let hostileName = #"</script><script>alert(1)</script><img src=x onerror="alert(2)"> 'q' &amp; ‮evil"#

    private func render(_ document: String) throws -> String {
        let loaded = try InputLoader.load(Array(document.utf8))
        let results = try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: "hostile.json")
        let report = LintReport(inputs: [InputReport(path: "<b>hostile</b>.json", loaded: loaded, results: results)], rules: BuiltinRules.all.map(\.metadata))
        return HTMLReporter(facts: .init(timestamp: "2026-11-24T08:00:00 UTC", calendarDate: KubernetesCalendar.builtIn.writtenOn)).render(report)
    }

    @Test("a cluster and a file named to inject markup stay text, and bidi overrides become visible escapes")
    func hostileNames() throws {
        let nameJSON = Self.hostileName.replacing("\"", with: "\\\"")
        let page = try render(#"{"type": "Microsoft.ContainerService/managedClusters", "name": "\#(nameJSON)", "properties": {"disableLocalAccounts": false}}"#)
        #expect(page.ranges(of: "<script").count == 2, "the data element and the page's script, nothing else")
        #expect(!page.contains("<img"), "no injected element")
        #expect(!page.contains("<b>hostile"), "the file name is escaped where the summary shows it")
        #expect(page.contains("&lt;b&gt;hostile&lt;/b&gt;.json"))
        #expect(!page.contains("\u{202E}"), "no bidi override reaches the page")
        let data = try #require(page.split(separator: "<script type=\"application/json\" id=\"akslint-data\">").last?.split(separator: "</script>").first)
        let markup = data.contains("<") || data.contains(">") || data.contains("&")
        #expect(!markup, "the embedded data holds no markup characters at all")
        #expect(data.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#), "the name is in the data, escaped")
        #expect(data.contains(#"\\u{202e}evil"#), "the override is a visible escape")
    }

    @Test("the page allows nothing remote, and only its own script, by hash")
    func contentSecurityPolicy() throws {
        let page = try render(#"{"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {}}"#)
        let policy = try #require(page.firstMatch(of: /content="(default-src 'none';[^"]*)"/)?.1)
        #expect(policy.contains("script-src 'sha256-\(SHA256.base64Digest(HTMLAssets.script))'"))
        let loose = policy.contains("http") || policy.contains("unsafe-eval") || policy.contains("script-src 'unsafe-inline'")
        #expect(!loose)
        #expect(page.contains("<script>\(HTMLAssets.script)</script>"), "the script on the page is the one hashed")
        #expect(page.contains(##"<th scope="row"><a href="#cluster=prod">prod</a></th>"##), "the most exposed clusters link to their view")
        #expect(HTMLSummary.fragment("rg/a b'ü") == "rg%2Fa%20b'%C3%BC", "as encodeURIComponent writes it")
        let fetches = page.contains("src=\"http") || page.contains("href=\"http")
        #expect(!fetches, "nothing is fetched")
    }

    @Test("SHA-256 matches the standard's test vectors")
    func sha256() {
        #expect(SHA256.base64Digest("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let abc: [UInt8] = SHA256.digest(Array("abc".utf8))
        let hex: String = abc.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(long.prefix(4) == [0x24, 0x8d, 0x6a, 0x61], "a two-block message")
    }

    @Test("each cluster's cell states come from all its results: a failing pool fails the cell")
    func cellStates() throws {
        let page = try render(#"{"type": "Microsoft.ContainerService/managedClusters", "name": "prod", "properties": {"agentPoolProfiles": [{"name": "a", "enableNodePublicIP": false}, {"name": "b", "enableNodePublicIP": true}]}}"#)
        let states = try #require(page.firstMatch(of: /"n":"prod".*?"s":"([A-Z\-]+)"/)?.1)
        let index = try #require(BuiltinRules.all.firstIndex { $0.metadata.id == "AKS206" })
        #expect(Array(states)[index] == "F", "pool b has a public IP")
        #expect(states.count == BuiltinRules.all.count)
    }
}
