@testable import AKSLintCore
import Testing

@Suite("ARM expression grammar")
struct ExpressionParserTests {
    @Test("strings, escapes, numbers, nested calls, property access and indexing")
    func grammar() throws {
        #expect(TemplateString.classify("[concat('it''s', parameters('a').b[0], -3)]") == .expression(
            .call(name: "concat", arguments: [
                .string("it's"),
                .index(.property(.call(name: "parameters", arguments: [.string("a")]), "b"), .integer(0)),
                .integer(-3),
            ])))
        #expect(TemplateString.classify("[ toLower( 'A' ) ]") == .expression(.call(name: "toLower", arguments: [.string("A")])))
        #expect(TemplateString.classify("[namespace.fn()]") == .expression(.call(name: "namespace.fn", arguments: [])))
        #expect(TemplateString.classify("[variables('x')[parameters('k')]]") == .expression(.index(.call(name: "variables", arguments: [.string("x")]), .call(name: "parameters", arguments: [.string("k")]))))
    }

    @Test("[[ escapes a literal bracket; plain text is a literal")
    func literals() {
        #expect(TemplateString.classify("[[not an expression]") == .literal("[not an expression]"))
        #expect(TemplateString.classify("plain") == .literal("plain"))
        #expect(TemplateString.classify("[") == .literal("["))
        #expect(TemplateString.classify("a[b]") == .literal("a[b]"))
    }

    @Test("malformed expressions are reported, not crashed on", arguments: [
        "[concat('a']", "[concat('a',]", "['unterminated]", "[foo]", "[1 2]", "[a.]", "[x()[1]",
    ])
    func malformed(text: String) {
        guard case .malformed = TemplateString.classify(text) else {
            Issue.record("\(text) parsed")
            return
        }
    }

    @Test("nesting is bounded")
    func depth() {
        let deep = "[" + String(repeating: "f(", count: 1000) + String(repeating: ")", count: 1000) + "]"
        guard case .malformed(let reason) = TemplateString.classify(deep) else {
            Issue.record("parsed 1000 levels")
            return
        }
        #expect(reason.contains("nested too deeply"))
    }
}
