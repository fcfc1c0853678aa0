@testable import AKSLintCore
import Testing

/// Input text inside XML, Markdown and workflow commands: it must not change their structure.
@Suite("Escaping for report formats")
struct ReportEscapingTests {
    @Test("workflow commands: %, CR and LF in messages; also : and , in properties")
    func workflowCommands() {
        #expect(GitHubReporter.escapeData("50% open\r\nnext::line") == "50%25 open%0D%0Anext::line")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
    }

    @Test("Azure Pipelines logging commands: % as %AZP25, CR and LF in messages; also ; and ] in properties")
    func loggingCommands() {
        #expect(AzureDevOpsReporter.escapeData("50% open\r\nnext") == "50%AZP25 open%0D%0Anext")
        #expect(AzureDevOpsReporter.escapeProperty("a;b]c%d") == "a%3Bb%5Dc%AZP25d")
    }

    @Test("text shown in a CI log never holds a logging command: the agent runs one wherever it is in a line")
    func neutralizedLoggingCommands() {
        #expect(TerminalSafety.sanitize("##vso[task.setvariable variable=x]y ##[error]z") == "##vso\\u{5b}task.setvariable variable=x]y ##\\u{5b}error]z")
        #expect(TerminalSafety.sanitize("issue #12, ## heading") == "issue #12, ## heading")
    }

    @Test("XML: markup characters become entities, characters XML cannot carry become visible escapes")
    func xml() {
        #expect(XMLEscaping.escape(#"<a href="x">&'</a>"#, keepNewlines: false) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(XMLEscaping.escape("line\nnext", keepNewlines: true) == "line\nnext")
        #expect(XMLEscaping.escape("line\nnext", keepNewlines: false) == "line\\u{a}next")
        #expect(XMLEscaping.escape("bell\u{07} esc\u{1B}[31m \u{FFFE} rtl\u{202E}", keepNewlines: true) == "bell\\u{7} esc\\u{1b}[31m \\u{fffe} rtl\\u{202e}")
    }

    @Test("Markdown prose: no links, images, HTML, emphasis, mentions, issue links, math or autolinks", arguments: [
        ("[click](https://evil.example)", "\\[click\\](https\\://evil\\.example)"),
        ("![x](y)", "\\!\\[x\\](y)"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("*bold* _it_ ~~gone~~ `code`", "\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\`"),
        ("ping @octocat about #12", "ping \\@octocat about \\#12"),
        ("cost $x$ | cell", "cost \\$x\\$ \\| cell"),
        ("www.evil.example and :smile:", "www\\.evil\\.example and \\:smile:"),
        ("Ends with a sentence. Then: more.", "Ends with a sentence. Then: more."),
        ("two\nlines", "two\\\\u{a}lines"),
    ])
    func markdownText(raw: String, escaped: String) {
        #expect(MarkdownEscaping.text(raw) == escaped)
    }

    @Test("Markdown code spans hold any text verbatim, backticks and table pipes included")
    func markdownCode() {
        #expect(MarkdownEscaping.code("az aks update -g rg") == "`az aks update -g rg`")
        #expect(MarkdownEscaping.code("a`b") == "``a`b``")
        #expect(MarkdownEscaping.code("`x``") == "``` `x`` ```")
        #expect(MarkdownEscaping.code("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownEscaping.code("a|b") == "`a|b`")
        #expect(MarkdownEscaping.code("evil\u{1B}]0;x\u{07}") == "`evil\\u{1b}]0;x\\u{7}`")
    }

    @Test("UTC timestamps for JUnit")
    func timestamps() {
        #expect(UTCTimestamp.format(.init(timeIntervalSince1970: 1_795_507_200)) == "2026-11-24T08:00:00")
        #expect(UTCTimestamp.format(.init(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00")
        #expect(UTCTimestamp.format(.init(timeIntervalSince1970: 951_868_799.9)) == "2000-02-29T23:59:59")
    }
}

@Suite("Plain bytes, eight at a time (the JSON writer's and string scan's fast path)")
struct JSONWriterWordTests {
    @Test("eight bytes at a time agree with one byte at a time, for every byte in every position")
    func words() {
        forEveryByteInEveryPosition(filler: UInt8(ascii: "a")) { byte, position, bytes, word in
            #expect(PlainBytes.allPlain(word) == PlainBytes.isPlain(byte), "byte \(byte) at \(position)")
            #expect(PlainBytes.plainPrefixLength(word) == (PlainBytes.isPlain(byte) ? 8 : position), "byte \(byte) at \(position)")
            // A second byte that is not plain, after the first, does not move where the prefix ends.
            if position < 7 {
                var withNUL = bytes
                withNUL[7] = 0x00
                let twice = withNUL.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(PlainBytes.plainPrefixLength(twice) == (PlainBytes.isPlain(byte) ? 7 : position), "byte \(byte) at \(position), then NUL")
            }
        }
        var output: [UInt8] = []
        JSONWriter.appendString("plain text, then \"quoted\"\u{7F} and \u{1B}[31m, é\u{202E}x", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #""plain text, then \"quoted\"\u007f and \u001b[31m, é\u202ex""#)
    }

    @Test("a JSONPath key is in dot notation exactly when it is letters, digits, _ and $, not starting with a digit")
    func pathKeyNotation() {
        for byte in UInt8(0)..<128 {
            let character = String(UnicodeScalar(byte))
            let isIdentifierByte = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            let inside = JSONPath.root.appending(key: "a" + character + "b").description
            #expect(inside.hasPrefix("$.") == isIdentifierByte, "byte \(byte): \(inside)")
            let first = JSONPath.root.appending(key: character + "b").description
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            #expect(first.hasPrefix("$.") == (isIdentifierByte && !isDigit), "byte \(byte): \(first)")
        }
        #expect(JSONPath.root.appending(key: "é").description == "$['é']")
        #expect(JSONPath.root.appending(key: "").description == "$['']")
    }

    @Test("a JSONPath is written as its description, escaped only where a quoted key needs it")
    func paths() throws {
        let path = JSONPath.root.appending(key: "properties").appending(key: "addon's \\ \"x\"\u{202E}\u{1B}").appending(index: 12).appending(key: "enabled")
        #expect(path.description == "$.properties['addon\\'s \\\\ \"x\"\u{202E}\u{1B}'][12].enabled")
        var output = ReportOutput()
        JSONWriter.write(to: &output) { json in
            json.beginObject()
            json.member("jsonPath", path)
            json.endObject()
        }
        let written = String(decoding: output.bytes, as: UTF8.self)
        #expect(written.contains(#""$.properties['addon\\'s \\\\ \"x\"\u202e\u001b'][12].enabled""#), "\(written)")
        #expect(!written.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" })
    }

    @Test("integers are written as String(_:) writes them", arguments: [0, 7, 10, -42, 1_000_000, Int.max, Int.min])
    func integers(number: Int) {
        var output: [UInt8] = []
        JSONWriter.appendDecimal(number, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(number))
    }
}
