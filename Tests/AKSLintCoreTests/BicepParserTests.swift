@testable import AKSLintCore
import AKSLintTestSupport
import Testing

/// The Bicep lexer and parser on the constructs real files use, and on broken ones.
@Suite("Bicep lexer and parser")
struct BicepParserTests {
    private func parse(_ text: String) throws -> BicepFile {
        try BicepParser.parse(Array(text.utf8), file: .primary)
    }

    private func expression(_ text: String) throws -> BicepExpression {
        let file = try parse("var x = " + text)
        #expect(file.errors.isEmpty, "\(file.errors)")
        guard case .variable(_, let value, _)? = file.statements.first else { throw Failure("no variable") }
        return value
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test("strings: escapes, \\u{...}, interpolation with nested braces and strings, and ''' verbatim")
    func strings() throws {
        guard case .string(let segments, let holes) = try expression(#"'a\'b\u{1F600}${ {k: 'v'}.k }c${'${1}'}'"#).kind else { throw Failure("not a string") }
        #expect(segments == ["a'b😀", "c", ""])
        #expect(holes.count == 2)
        guard case .string(let verbatim, let none) = try expression("'''\nline ${not} \\n\n'''").kind else { throw Failure("not a string") }
        #expect(verbatim == ["line ${not} \\n\n"])
        #expect(none.isEmpty)
    }

    @Test("a new line before ? and :, calls over several lines, comments inside objects and arrays")
    func newlineRules() throws {
        let file = try parse("""
            var a = cond
              ? [
                  1 // one
                  /* two */ 2
                ]
              : {
                  // a comment line
                  k: f(
                    1,
                    2
                  )
                }
            var b = {a: 1, b: 2}
            """)
        #expect(file.errors.isEmpty, "\(file.errors)")
        #expect(file.statements.count == 2)
        #expect(file.comments.map(\.text) == ["one", "two", "a comment line"])
        guard case .variable(_, let value, _) = file.statements[0], case .ternary = value.kind else { throw Failure("not a ternary") }
    }

    @Test("operators bind as Bicep's precedence says: ?? lowest, then ||, &&, comparisons, + and *")
    func precedence() throws {
        guard case .binary("??", _, let right) = try expression("a ?? b || c && d == e + f * g").kind,
              case .binary("||", _, let and) = right.kind, case .binary("&&", _, let equals) = and.kind,
              case .binary("==", _, let plus) = equals.kind, case .binary("+", _, let times) = plus.kind,
              case .binary("*", _, _) = times.kind
        else { throw Failure("wrong tree") }
    }

    @Test("declarations: decorators, types parsed and skipped, nullable, existing, if, for, nested children, func, using")
    func declarations() throws {
        let file = try parse("""
            @secure()
            param key string
            param maybe string?
            param typed { a: string, b: int }[] = []
            type mode = 'System' | 'User'
            import { x } from 'types.bicep'
            resource old 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 'x' }
            resource c 'Microsoft.ContainerService/managedClusters@2025-10-01' = if (deploy) {
              name: 'c'
              resource pool 'agentPools' = { name: 'p' }
            }
            resource many 'Microsoft.Network/virtualNetworks@2024-01-01' = [for (v, i) in vnets: if (i > 0) { name: v }]
            func double(n int) int => n * 2
            output o string = 'x'
            """)
        #expect(file.errors.isEmpty, "\(file.errors)")
        guard case .parameter(let key) = file.statements[0], case .parameter(let maybe) = file.statements[1] else { throw Failure("no parameters") }
        #expect(key.decorators.map(\.name) == ["secure"])
        #expect(key.primitiveType == "string" && !key.isNullable)
        #expect(maybe.isNullable)
        let resources = file.statements.compactMap { statement -> BicepResource? in
            if case .resource(let resource) = statement { return resource } else { return nil }
        }
        #expect(resources.map(\.symbol) == ["old", "c", "many"])
        #expect(resources[0].isExisting)
        #expect(resources[1].value.condition != nil)
        #expect(resources[2].value.loop?.index == "i" && resources[2].value.loop?.filter != nil)
    }

    @Test("a statement that does not parse is an error at its position, and the next declaration is still read")
    func recovery() throws {
        let file = try parse("param a string\nvar broken = {\n  x 'y'\n}\nresource r 'T@1' = {\n  name: 'r'\n}\n")
        #expect(file.errors.count == 1)
        #expect(file.lines.position(of: file.errors[0].offset) == SourcePosition(line: 3, column: 5))
        #expect(file.errors[0].message.hasPrefix("expected ':' after the property name"))
        #expect(file.statements.contains { if case .resource = $0 { return true } else { return false } })
    }

    @Test("text that cannot be lexed is one error with its offset", arguments: [
        ("var s = 'open", "unterminated string"), ("var s = 'a\nb'", "a string cannot span lines"),
        ("var s = '\\q'", "invalid escape"), ("var s = '${1", "unterminated string interpolation"),
        ("/* open", "unterminated comment"), ("var n = 99999999999999999999", "integer literal too large"),
        ("var x = ¤", "unexpected character"),
    ])
    func lexerErrors(text: String, expected: String) throws {
        #expect(throws: BicepSyntaxError.self) { try parse(text) }
        do { _ = try parse(text) } catch let error as BicepSyntaxError { #expect(error.message.hasPrefix(expected), "\(error.message)") }
    }

    @Test("nesting deeper than the limit is an error, not a crash", arguments: ["(", "[", "{a: ", "!"])
    func deepNesting(opener: String) throws {
        let file = try parse("var x = " + String(repeating: opener, count: 5_000) + "1")
        #expect(file.errors.count == 1)
    }

    @Test("every Bicep file of the shared corpus parses without an error", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func corpus() throws {
        let paths = try files(under: Paths.corpus + "/bicep", endingWith: ".bicep")
        #expect(paths.count >= 13)
        for path in paths {
            let file = try BicepParser.parse(try readBytes(path), file: .primary)
            #expect(file.errors.isEmpty, "\(path): \(file.errors.map { "\(file.lines.position(of: $0.offset)) \($0.message)" })")
        }
    }

    @Test("3,000 resources, each with a suppression comment above it, each get their own (found by search, not by scanning every comment per resource)")
    func manySuppressionComments() throws {
        var text = ""
        for index in 0..<3_000 {
            text += "// akslint-disable AKS103 -- reason \(index)\nresource c\(index) 'Microsoft.ContainerService/managedClusters@2025-10-01' = {\n  name: 'c\(index)'\n}\n"
        }
        let file = try BicepParser.parse(Array(text.utf8), file: .primary)
        let suppressions = BicepSuppressionComments(comments: file.comments)
        let resources = file.statements.compactMap { statement -> BicepResource? in
            if case .resource(let resource) = statement { return resource }
            return nil
        }
        #expect(resources.count == 3_000)
        let last = try #require(suppressions.entries(for: resources[2_999].span, lines: file.lines)?.array)
        #expect(last.count == 1)
        #expect(last.first?.object?["reason"]?.string == "reason 2999")
        #expect(suppressions.entries(for: resources[1_500].span, lines: file.lines)?.array?.first?.object?["reason"]?.string == "reason 1500")
    }
}
