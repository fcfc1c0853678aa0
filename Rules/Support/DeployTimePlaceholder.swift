import AKSLintCore

/// Recognises strings that stand for a value a pipeline substitutes at deployment, such as the
/// Azure Quickstart Templates' generator tokens (`GEN-PASSWORD`, `GEN-SSH-PUB-KEY`, `GEN-UNIQUE-8`)
/// or a release pipeline's `#{AdminPassword}#`, `${ADMIN_PASSWORD}`, `$(adminPassword)`,
/// `__AdminPassword__`, `{{ admin_password }}` and `<your-password>`.
///
/// A whole string must have one of these forms: a literal that merely contains `<` or `GEN-` is
/// still a literal.
enum DeployTimePlaceholder {
    /// Whether `text` is, in its entirety, a well-known placeholder form.
    static func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 128 else { return false }
        if isGeneratorToken(bytes) { return true }
        let wrappers: [(open: [UInt8], close: [UInt8])] = [
            (Array("#{".utf8), Array("}#".utf8)), (Array("${".utf8), Array("}".utf8)), (Array("$(".utf8), Array(")".utf8)),
            (Array("{{".utf8), Array("}}".utf8)), (Array("__".utf8), Array("__".utf8)), (Array("<".utf8), Array(">".utf8)),
        ]
        for wrapper in wrappers where bytes.starts(with: wrapper.open) && bytes.reversed().starts(with: wrapper.close.reversed()) {
            let inner = bytes.dropFirst(wrapper.open.count).dropLast(wrapper.close.count)
            if !inner.isEmpty, inner.allSatisfy(isNameByte) { return true }
        }
        return false
    }

    /// `GEN-` followed by upper-case words, digits and dashes: the quickstart repository's tokens.
    private static func isGeneratorToken(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("GEN-".utf8)), bytes.count > 4 else { return false }
        return bytes.dropFirst(4).allSatisfy { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }

    /// Letters, digits, `_`, `-`, `.` and spaces: what a variable name inside a token is made of.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }
}
