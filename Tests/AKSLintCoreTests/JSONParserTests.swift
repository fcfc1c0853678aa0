@testable import AKSLintCore
import AKSLintTestSupport
import Testing

@Suite("JSONC parser")
struct JSONParserTests {
    @Test("parses every kind of value with its span")
    func values() throws {
        let document = try JSONParser.parse(#"{"a": [1, -2.5e3, true, false, null, "x"], "b": {}}"#)
        let root = try #require(document.root.object)
        let array = try #require(root["a"]?.array)
        #expect(array.count == 6)
        if case .number(let number) = array[1].value { #expect(number == -2500) } else { Issue.record("not a number") }
        if case .bool(true) = array[2].value {} else { Issue.record("not true") }
        #expect(array[4].isNull)
        #expect(array[5].string == "x")
        let span = array[5].span
        #expect(Array(document.text[Int(span.start)..<Int(span.end)]) == Array(#""x""#.utf8))
        #expect(root["b"]?.object?.members.isEmpty == true)
    }

    @Test("an object finds a member by key without ASCII case, the last duplicate winning, and never a different key of the same digest")
    func memberLookup() throws {
        // "aXbYc" and "aZbWc" share a digest (length, first, middle and last bytes); so do "Ab" and "aB".
        let document = try JSONParser.parse(#"{"aXbYc": 1, "aZbWc": 2, "enableRBAC": 3, "ENABLErbac": 4, "": 5, "é": 6, "Ab": 7}"#)
        let object = try #require(document.root.object)
        func number(_ key: String) -> Double? {
            if case .number(let number) = object.member(named: key)?.value.value { return number }
            return nil
        }
        #expect(number("aXbYc") == 1)
        #expect(number("azbwc") == 2)
        #expect(number("enablerbac") == 4)
        #expect(object.member(named: "enableRBAC")?.key == "ENABLErbac")
        #expect(number("") == 5)
        #expect(number("é") == 6)
        #expect(number("É") == nil)   // only ASCII letters fold, as Azure compares keys
        #expect(number("aB") == 7)
        #expect(number("aXbZc") == nil)
        #expect(number("a") == nil)
        #expect(object.memberIndex(named: "AXBYC") == 0)
        // A member made in code (a template's value) finds the same way.
        let made = JSONObject([JSONMember(key: "osSKU", value: JSONNode(.string("AzureLinux")))])
        #expect(made.member(named: "ossku")?.value.string == "AzureLinux")
    }

    @Test("a node takes 40 bytes and a member 72 (a fleet's tree has millions of them)")
    func nodeLayout() {
        #expect(MemoryLayout<JSONNode>.size <= 40)
        #expect(MemoryLayout<JSONMember>.size <= 72)
    }

    @Test("a long key repeated across the objects of a large text is one string in memory; other keys are made as written")
    func repeatedKeysAreShared() throws {
        // 100 objects: over KeyTable.smallestText, below which no table is made.
        let objects = (0..<100).map { _ in #"{"enableNodePublicIP": false, "short": 1, "k\u0065yWithAnEscapeInIt": 2, "clé-non-ascii-assez-longue": 3}"# }
        let document = try JSONParser.parse("[" + objects.joined(separator: ",") + "]")
        let keys = try #require(document.root.array).map { try #require($0.object).members.map(\.key) }
        #expect(keys.allSatisfy { $0 == ["enableNodePublicIP", "short", "keyWithAnEscapeInIt", "clé-non-ascii-assez-longue"] })
        func storage(_ key: String) -> UnsafePointer<UInt8>? {
            var key = key
            return key.withUTF8 { $0.baseAddress }
        }
        #expect(Set(keys.map { storage($0[0]) }).count == 1, "one copy of the repeated plain key")
        #expect(Set(keys.map { storage($0[2]) }).count == 100, "a key with an escape is made each time")
    }

    @Test("more distinct long keys than the key table holds are all read right")
    func manyDistinctKeys() throws {
        let names = (0..<(3 * KeyTable.capacity)).map { "a-rather-long-key-\($0)" }
        let text = "{" + names.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
        let members = try #require(JSONParser.parse(text).root.object?.members)
        #expect(members.map(\.key) == names)
    }

    @Test("accepts // and /* */ comments and trailing commas, as ARM does")
    func jsonc() throws {
        let text = """
            // exported by hand
            {
              /* the cluster */ "name": "prod", // trailing comment
              "tags": ["a", "b",],
            }
            """
        let document = try JSONParser.parse(text)
        #expect(document.root.object?["name"]?.string == "prod")
        #expect(document.root.object?["tags"]?.array?.count == 2)
    }

    @Test("positions are 1-based lines and UTF-16 columns, with CRLF and lone CR line breaks")
    func positions() throws {
        let text = "{\r\n  \"é\": \"𝄞\", \"k\": 1,\r  \"z\": 2\n}"
        let document = try JSONParser.parse(text)
        let members = try #require(document.root.object?.members)
        #expect(document.position(of: Int(members[0].keySpan.start)) == SourcePosition(line: 2, column: 3))
        // "é" is one UTF-16 unit, "𝄞" two: `"k"` starts after `  "é": "𝄞", ` = 2 + 3 + 2 + 4 + 2 = 13 units.
        #expect(document.position(of: Int(members[1].keySpan.start)) == SourcePosition(line: 2, column: 14))
        #expect(document.position(of: Int(members[2].keySpan.start)) == SourcePosition(line: 3, column: 3))
    }

    @Test("decodes escapes, surrogate pairs and lone surrogates without crashing")
    func escapes() throws {
        let document = try JSONParser.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud834\udd1e", "\ud800x"]"#)
        let strings = try #require(document.root.array).map { $0.string }
        #expect(strings[0] == "a\"b\\c/d\u{8}\u{C}\n\r\t")
        #expect(strings[1] == "é𝄞")
        #expect(strings[2] == "\u{FFFD}x")
    }

    @Test("duplicate keys: the last wins, case-insensitively, with a warning naming both places")
    func duplicateKeys() throws {
        let document = try JSONParser.parse("{\"enableRBAC\": false,\n \"enableRbac\": true}")
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.message.contains("line 1, column 2") == true)
        if case .bool(let flag)? = document.root.object?["ENABLERBAC"]?.value { #expect(flag) } else { Issue.record("missing") }
    }

    @Test("keys of every length up to five words are duplicates in any ASCII case, and only of themselves")
    func duplicateKeysOfEveryLength() throws {
        for length in 1...40 {
            let key = String((0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
            let document = try JSONParser.parse(#"{"\#(key)": 1, "\#(key)x": 2, "\#(key.uppercased())": 3}"#)
            #expect(document.warnings.count == 1, "length \(length): \(document.warnings.map(\.message))")
            if case .number(let value)? = document.root.object?[key]?.value { #expect(value == 3) } else { Issue.record("length \(length): missing") }
        }
    }

    @Test("eight bytes fold to lower case as each byte does, for every byte in every position")
    func wordCaseFolding() {
        forEveryByteInEveryPosition(filler: UInt8(ascii: "Q")) { byte, position, bytes, word in
            #expect(withUnsafeBytes(of: word.asciiLowercasedBytes) { Array($0) } == bytes.map(\.asciiLowercased), "byte \(byte) at \(position)")
        }
    }

    @Test("a key written with escapes repeats the same key written plainly; large objects are checked too", arguments: [8, 40, 64, 65, 300])
    func duplicateKeysWrittenDifferently(memberCount: Int) throws {
        // Key hashes are read from the text when a key has no escape: "\u0041ks" must still
        // match "aks", whether the object is compared pairwise or by sorted hashes.
        var members = (0..<(memberCount - 1)).map { #""key\#($0)": \#($0)"# }
        members.insert(#""aks": 1"#, at: memberCount / 3)
        members.append(#""\u0041ks": 2"#)
        let document = try JSONParser.parse("{" + members.joined(separator: ", ") + "}")
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.message.hasPrefix(#"duplicate key "Aks""#) == true)
        if case .number(let value)? = document.root.object?["aks"]?.value { #expect(value == 2) } else { Issue.record("missing") }
    }

    @Test("errors name the line, column and what was expected", arguments: [
        ("{\"a\": 1", "unexpected end of input inside object started at line 1, column 1", SourcePosition(line: 1, column: 8)),
        ("{\"a\": tru}", "invalid literal 'tru'", SourcePosition(line: 1, column: 7)),
        ("{\"a\" 1}", "expected ':' after the key \"a\", found '1'", SourcePosition(line: 1, column: 6)),
        ("{\"a\": 1 \"b\": 2}", "expected ',' or '}' after the value of \"a\", found '\"'", SourcePosition(line: 1, column: 9)),
        ("[1, 2", "unexpected end of input inside array started at line 1, column 1", SourcePosition(line: 1, column: 6)),
        ("{\"a\": \"x\ny\"}", "unescaped control character 0x0A in a string", SourcePosition(line: 1, column: 9)),
        ("{\"a\": \"\\q\"}", "invalid escape sequence '\\q'", SourcePosition(line: 1, column: 8)),
        ("{\"a\": 01}", "invalid number '01'", SourcePosition(line: 1, column: 7)),
        ("{\"a\": 1} x", "unexpected 'x' after the end of the JSON value", SourcePosition(line: 1, column: 10)),
        ("  \n // only a comment\n", "the input is empty", SourcePosition(line: 3, column: 1)),
        ("{\"a\": \"x", "unterminated string started at line 1, column 7", SourcePosition(line: 1, column: 9)),
        ("/* open", "unterminated /* comment started at line 1, column 1", SourcePosition(line: 1, column: 8)),
        ("{'a': 1}", "expected a string key or '}', found '''", SourcePosition(line: 1, column: 2)),
        ("{\"a\": NaN}", "invalid literal 'NaN'", SourcePosition(line: 1, column: 7)),
    ])
    func errors(text: String, message: String, position: SourcePosition) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed invalid JSON: \(text)")
        } catch {
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
            #expect(error.position == position, "got \(error.position) for \(text)")
        }
    }

    @Test("invalid UTF-8 is reported at the offending byte, in strings and in comments")
    func invalidUTF8() {
        for bytes in [Array("{\"a\": \"x".utf8) + [0xC3, 0x28] + Array("\"}".utf8), Array("// c".utf8) + [0xFF] + Array("\n{}".utf8)] {
            do {
                _ = try JSONParser.parse(bytes)
                Issue.record("accepted invalid UTF-8")
            } catch {
                #expect(error.message.contains("invalid UTF-8"))
            }
        }
    }

    @Test("a multi-byte character or an invalid byte is found at any position of a string, inside or outside the eight-byte ASCII steps")
    func nonASCIIAtEveryPosition() throws {
        for position in 0..<20 {
            let plain = Array(repeating: UInt8(ascii: "a"), count: 20)
            let accented = Array(plain[..<position]) + Array("é".utf8) + Array(plain[position...])
            let parsed = try JSONParser.parse(Array(#"{"k": ""#.utf8) + accented + Array(#""}"#.utf8))
            #expect(parsed.root.object?["k"]?.string == String(decoding: accented, as: UTF8.self))
            let broken = Array(plain[..<position]) + [0xFF] + Array(plain[position...])
            #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(#"{"k": ""#.utf8) + broken + Array(#""}"#.utf8)) }
            let escaped = Array(plain[..<position]) + Array(#"\""#.utf8) + Array(plain[position...])
            let unescaped = try JSONParser.parse(Array(#"{"k": ""#.utf8) + escaped + Array(#"", "after": 1}"#.utf8))
            #expect(unescaped.root.object?["k"]?.string == String(repeating: "a", count: position) + "\"" + String(repeating: "a", count: 20 - position))
            #expect(unescaped.root.object?["after"] != nil, "the string ended at its closing quote, not the escaped one")
            let control = Array(plain[..<position]) + [0x01] + Array(plain[position...])
            #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(#"{"k": ""#.utf8) + control + Array(#""}"#.utf8)) }
            // The column after a string with a multi-byte character anywhere in it.
            let afterAccent = try JSONParser.parse(Array(#"{"k": ""#.utf8) + accented + Array(#"", "z": 1}"#.utf8))
            let zKey = try #require(afterAccent.root.object?.members.last)
            // The string starts at column 8 and is 21 UTF-16 units; `", ` follows it.
            #expect(afterAccent.position(of: Int(zKey.keySpan.start)) == SourcePosition(line: 1, column: 8 + 21 + 3))
        }
    }

    @Test("a key after any number of indenting spaces, inside or outside the eight-space steps, is at its column")
    func indentationOfEveryWidth() throws {
        for width in 0..<20 {
            let document = try JSONParser.parse("{\n" + String(repeating: " ", count: width) + "\"k\": 1}")
            let key = try #require(document.root.object?.members.first)
            #expect(document.position(of: Int(key.keySpan.start)) == SourcePosition(line: 2, column: width + 1))
        }
    }

    @Test("nesting deeper than the limit is refused cleanly, even 100,000 levels deep")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONParser.parse(deep)
            Issue.record("accepted 100,000 levels")
        } catch {
            #expect(error.reason == .tooDeep(limit: 512))
            #expect(error.position == SourcePosition(line: 1, column: 513))
        }
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parse(allowed) }
    }

    @Test("large integers and exponents parse as numbers")
    func numbers() throws {
        let document = try JSONParser.parse("[9007199254740993, 1e400, -0, 0.5]")
        let values = try #require(document.root.array).compactMap { node -> Double? in
            if case .number(let number) = node.value { return number }
            return nil
        }
        #expect(values.count == 4)
        #expect(values[1] == .infinity)
        #expect(values[3] == 0.5)
    }
}
