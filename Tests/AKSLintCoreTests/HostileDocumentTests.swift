@testable import AKSLintCore
import AKSLintTestSupport
import Testing

/// Documents written to make the parser, the positions or the reports blow up.
@Suite("Hostile documents")
struct HostileDocumentTests {
    @Test("positions on one long minified line are exact, multi-byte characters included")
    func positionsOnOneLine() throws {
        // 400 clusters on one line, each with names in three scripts before the value looked up.
        let cluster = #"{"name":"é-ü-€-😀","type":"Microsoft.ContainerService/managedClusters","properties":{"enableRBAC":false}}"#
        let text = "[" + Array(repeating: cluster, count: 400).joined(separator: ",") + "]"
        let document = try JSONParser.parse(text)
        let last = try #require(document.root.array?.last?.object?["properties"]?.object?["enableRBAC"])
        // Columns count UTF-16 code units: é, ü and € are one each, 😀 is two.
        let prefix = text.utf8.prefix(Int(last.span.start))
        let expected = String(decoding: prefix, as: UTF8.self).utf16.count + 1
        #expect(document.position(of: Int(last.span.start)) == SourcePosition(line: 1, column: expected))
        #expect(document.lineIndex.lineStarts == [0])
    }

    @Test("positions after multi-byte characters on later lines, in strings and comments")
    func positionsAcrossLines() throws {
        let text = "{\n  // ümlaut comment 😀\n  \"ключ\": \"значение\",\n  /* € */ \"b\": true\n}"
        let document = try JSONParser.parse(text)
        let root = try #require(document.root.object)
        #expect(document.position(of: Int(try #require(root["ключ"]).span.start)) == SourcePosition(line: 3, column: 11))
        #expect(document.position(of: Int(try #require(root["b"]).span.start)) == SourcePosition(line: 4, column: 16))
    }

    @Test("a text far denser in values than any real document is refused, not built")
    func valueDensity() {
        let count = 2_000_000
        let text = "[" + Array(repeating: "0", count: count).joined(separator: ",") + "]"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message.contains("values for a text of this size"), "\(error.message)")
        }
        #expect(JSONParser.maximumValues(forTextOf: text.utf8.count) < count)
    }

    @Test("the shared corpus is far from the value limit", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func corpusDensity() throws {
        for path in try files(under: Paths.corpus, endingWith: ".json") {
            let bytes = try readBytes(path)
            guard let document = try? JSONParser.parse(try SourceDecoder.decode(bytes).text) else { continue }
            #expect(Self.count(document.root) * 4 < JSONParser.maximumValues(forTextOf: bytes.count), "\(path)")
        }
    }

    @Test("thousands of duplicate keys give twenty warnings and a count, not thousands")
    func duplicateKeys() throws {
        let text = "{" + (0..<10_000).map { _ in #""a": 1"# }.joined(separator: ",") + "}"
        let document = try JSONParser.parse(text)
        #expect(document.warnings.count == JSONParser.maximumDuplicateKeyWarnings + 1)
        #expect(document.warnings.last?.message.hasPrefix("9979 more duplicate keys") == true)
    }

    @Test("an unquoted word is echoed only when it is a misspelt literal", arguments: [
        (#"{"password": hunter2secret}"#, "unquoted text (13 characters, not shown)", "hunter2"),
        (#"{"a": True}"#, "invalid literal 'True'", nil),
        (#"{"a": nul}"#, "invalid literal 'nul'", nil),
        (#"{"a": NaN}"#, "invalid literal 'NaN'", nil),
    ] as [(String, String, String?)])
    func unquotedWords(text: String, message: String, secret: String?) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            if let secret { #expect(!error.description.contains(secret)) }
        }
    }

    @Test("an invalid number's text stops at the number", arguments: [
        (#"{"a": -}"#, "invalid number '-'"),
        (#"[-, 1]"#, "invalid number '-'"),
        (#"[-x1]"#, "invalid number '-x1'"),
        (#"[01]"#, "invalid number '01'"),
    ])
    func invalidNumbers(text: String, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message == message, "\(error.message)")
        }
    }

    @Test("keys and numbers of megabytes are cut in messages")
    func longTokensInMessages() {
        let key = String(repeating: "k", count: 1_000_000)
        for text in [#"{""# + key + #"" 1}"#, "[" + String(repeating: "1", count: 1_000_000) + "x]"] {
            do {
                _ = try JSONParser.parse(text)
                Issue.record("parsed")
            } catch {
                #expect(error.message.utf8.count < 300, "\(error.message.prefix(100))")
            }
        }
        let duplicate = try? JSONParser.parse(#"{""# + key + #"": 1, ""# + key + #"": 2}"#)
        #expect((duplicate?.warnings.first?.message.utf8.count ?? 0) < 300)
    }

    @Test("a baseline version that is not exactly 1, or not a number an Int can hold, is refused", arguments: [
        #"{"akslintBaseline": 1e300, "findings": []}"#, #"{"akslintBaseline": 1.5, "findings": []}"#, #"{"akslintBaseline": 1e999, "findings": []}"#,
    ])
    func baselineVersions(text: String) {
        #expect(throws: Diagnostic.self) { try Baseline.parse(Array(text.utf8), path: "b.json") }
    }

    private static func count(_ node: JSONNode) -> Int {
        switch node.value {
        case .array(let elements): return 1 + elements.reduce(0) { $0 + count($1) }
        case .object(let object): return 1 + object.members.reduce(0) { $0 + count($1.value) }
        default: return 1
        }
    }
}
