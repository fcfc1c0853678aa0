@testable import AKSLintCore
import Testing

@Suite("Bounded text")
struct BoundedTextTests {
    @Test("a text over the limit keeps its first characters and says how many it had, ASCII or not")
    func cutsByCharacters() {
        let ascii = String(repeating: "a", count: 300)
        #expect(BoundedText.bounded(ascii) == String(repeating: "a", count: 256) + "… (300 characters)")
        let accented = String(repeating: "é", count: 300)
        #expect(BoundedText.bounded(accented) == String(repeating: "é", count: 256) + "… (300 characters)")
        // 400 bytes but 200 characters: under the limit, kept whole.
        let short = String(repeating: "é", count: 200)
        #expect(BoundedText.bounded(short) == short)
        // One character of two scalars counts once.
        let combined = String(repeating: "e\u{301}", count: 257)
        #expect(BoundedText.bounded(combined) == String(repeating: "e\u{301}", count: 256) + "… (257 characters)")
    }

    @Test("character counts and the ASCII test agree with the standard library")
    func counts() {
        for text in ["", "plain", "café", "e\u{301}", "👩‍👩‍👧", String(repeating: "x", count: 1000) + "é"] {
            #expect(text.characterCount == text.count, "\(text)")
            #expect(text.isASCII == text.unicodeScalars.allSatisfy(\.isASCII), "\(text)")
        }
    }

    @Test("an expression is cut at 120 characters only when it has more")
    func expressions() {
        let exactly = String(repeating: "é", count: 120)
        #expect(ValueDescription.expression(exactly) == exactly)
        #expect(ValueDescription.expression(exactly + "x") == String(repeating: "é", count: 119) + "…")
    }
}
