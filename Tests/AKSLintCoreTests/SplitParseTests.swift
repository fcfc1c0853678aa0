import Testing
@testable import AKSLintCore

/// A text parsed on two threads (see ``SecondHalf``) gives the same document as parsed on one:
/// the same tree and spans, line positions, warnings, and the same error for a text that is not
/// valid. Each text is parsed with the split forced (`splitSize: 0`) and with none.
@Suite("Parsing a large text on two threads")
struct SplitParseTests {
    /// A fleet export like `az graph query`'s: an object whose `data` array holds clusters, each
    /// with a nested array of node pools, non-ASCII text, CRLF line ends in the second half, and a
    /// duplicate key in each half.
    static func fleet(clusters: Int, pretty: Bool) -> String {
        let rows = (0..<clusters).map { index in
            let duplicate = index == 3 || index == clusters - 3 ? #", "NAME": "again-\#(index)""# : ""
            return #"{"name": "aks-\#(index)", "location": "westeurope"\#(duplicate), "tags": {"owner": "équipe-\#(index) 🚀"}, "#
                + #""properties": {"agentPoolProfiles": [{"name": "system", "count": 3}, {"name": "user", "count": \#(index)}], "#
                + #""disableLocalAccounts": \#(index % 2 == 0), "apiServerAccessProfile": null}}"#
        }
        guard pretty else { return #"{"count":\#(clusters),"data":["# + rows.joined(separator: ",") + "]}" }
        let lines = rows.enumerated().map { index, row in (index > clusters / 2 ? "\r\n" : "\n") + "    " + row }
        return "{\n  \"count\": \(clusters),\n  \"data\": [" + lines.joined(separator: ",") + "\n  ]\n}\n"
    }

    @Test("a fleet export, pretty-printed or minified, parses the same on two threads", arguments: [true, false])
    func fleetExport(pretty: Bool) throws {
        let text = Array(Self.fleet(clusters: 400, pretty: pretty).utf8)
        // The guess lands on a cluster, not on a node pool: the split is really made.
        let run = try #require(text.withUnsafeBufferPointer { ParsedRun.guessed(in: $0, from: $0.count / 2, maxDepth: 512, file: .primary) })
        #expect(run.elements.count > 150 && run.elements.count < 250)
        try expectSameDocument(text)
    }

    @Test("a text that is not valid in its second half gives the same error", arguments: [
        (#""count": 3"#, #""count": 3 3"#),              // a missing comma inside a cluster
        (#""user", "count""#, #""user" "count""#),        // inside a node pool
        (#"], "disableLocalAccounts""#, #"}, "disableLocalAccounts""#),   // a bracket that does not match
        (#"true"#, #"tru"#),
        (#"{"owner""#, #"{"owner":"#),
    ])
    func errorsInTheSecondHalf(valid: String, broken: String) throws {
        var text = Self.fleet(clusters: 200, pretty: true)
        // Break the first occurrence after the middle.
        let middle = text.utf8.index(text.utf8.startIndex, offsetBy: text.utf8.count / 2 + 1000)
        let target = try #require(text[middle...].firstRange(of: valid))
        text.replaceSubrange(target, with: broken)
        let bytes = Array(text.utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes, splitSize: .max) }
        #expect(error(parsing: bytes, splitSize: 0) == error(parsing: bytes, splitSize: .max))
    }

    /// The deep value nests 9 levels: with a limit of 6 the guessed run fails on its own; with 8
    /// it does not (it starts 2 levels down), but the whole text does.
    @Test("nesting past the limit in the second half is the same error", arguments: [6, 8])
    func depthLimit(limit: Int) throws {
        let shallow = #"{"a": [1]}"#
        let deep = #"{"a": [[[[[[1]]]]]]}"#
        let rows = (0..<200).map { $0 == 150 ? deep : shallow }
        let bytes = Array(("{\"data\": [\n" + rows.joined(separator: ",\n") + "\n]}").utf8)
        #expect(error(parsing: bytes, splitSize: .max, maxDepth: limit) != nil)
        #expect(error(parsing: bytes, splitSize: 0, maxDepth: limit) == error(parsing: bytes, splitSize: .max, maxDepth: limit))
        try expectSameDocument(bytes, maxDepth: 9)
    }

    @Test("a guess inside a string, or no place to guess at all, changes nothing")
    func badGuesses() throws {
        // From the middle on, the only "},{" is inside a string.
        let padding = String(repeating: "x", count: 5000)
        try expectSameDocument(Array(#"{"a": "\#(padding)", "b": "\#(padding)}, {\"c\": 1}]", "d": [1, 2, 3]}"#.utf8))
        try expectSameDocument(Array("[\(Array(repeating: "1", count: 3000).joined(separator: ", "))]".utf8))
        try expectSameDocument(Array(#"{"tail": [{"a": 1}, {"b": 2}], "after": {"x": [{"y": 1}, {"z": 2}]}}"#.utf8))
    }

    @Test("a scanner started inside a text may make only as many values as the text after its start may hold")
    func valueLimitOfAGuess() {
        // So a guess into the inside of a long string, however dense what it parses there, makes
        // no more values than that much text may hold.
        let text = [UInt8](repeating: UInt8(ascii: " "), count: 4_000_000)
        text.withUnsafeBufferPointer { buffer in
            #expect(JSONScanner(buffer: buffer, maxDepth: 512, file: .primary).maximumValues == JSONParser.maximumValues(forTextOf: 4_000_000))
            #expect(JSONScanner(buffer: buffer, maxDepth: 512, file: .primary, startingAt: 3_000_000).maximumValues == JSONParser.maximumValues(forTextOf: 1_000_000))
        }
    }

    // MARK: Helpers

    private func expectSameDocument(_ text: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let split = try JSONParser.parse(text, maxDepth: maxDepth, splitSize: 0)
        let whole = try JSONParser.parse(text, maxDepth: maxDepth, splitSize: .max)
        let (splitOutline, wholeOutline) = (Self.outline(split.root), Self.outline(whole.root))
        if splitOutline != wholeOutline {
            // The outlines are long: show where they part.
            let common = zip(splitOutline.utf8, wholeOutline.utf8).prefix { $0 == $1 }.count
            func excerpt(_ outline: String) -> String { String(decoding: outline.utf8.dropFirst(common).prefix(120), as: UTF8.self) }
            Issue.record("the trees differ from byte \(common) of their outlines: \(excerpt(splitOutline)) vs \(excerpt(wholeOutline))", sourceLocation: sourceLocation)
        }
        #expect(split.warnings == whole.warnings, sourceLocation: sourceLocation)
        #expect(split.lineIndex.lineStarts == whole.lineIndex.lineStarts, sourceLocation: sourceLocation)
        for offset in stride(from: 0, through: text.count, by: max(1, text.count / 997)) {
            #expect(split.position(of: offset) == whole.position(of: offset), sourceLocation: sourceLocation)
        }
    }

    private func error(parsing text: [UInt8], splitSize: Int, maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text, maxDepth: maxDepth, splitSize: splitSize)
            return nil
        } catch {
            return error
        }
    }

    /// Every value with its kind, contents and span, in document order.
    static func outline(_ node: JSONNode) -> String {
        let span = "@\(node.span.start)-\(node.span.end)"
        switch node.value {
        case .null: return "null" + span
        case .bool(let flag): return "\(flag)" + span
        case .number(let number): return "\(number)" + span
        case .string(let text): return "\"\(text)\"" + span
        case .unresolved(let expression): return "[\(expression.expression)]" + span
        case .array(let elements): return "[" + elements.map(outline).joined(separator: ",") + "]" + span
        case .object(let object):
            let members = object.members.map { "\($0.key)@\($0.keySpan.start):" + outline($0.value) }
            return "{" + members.joined(separator: ",") + "}" + span
        }
    }
}
