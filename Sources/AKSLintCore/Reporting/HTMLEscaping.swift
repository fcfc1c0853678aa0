/// Text from an input inside the HTML report. Everything the report shows of an input passes
/// through here or through the page's script, which only ever sets `textContent` and attributes:
/// no input text is parsed as markup.
enum HTMLEscaping {
    /// `text` for an element's content or a quoted attribute: markup characters as entities, and
    /// controls and bidirectional overrides as visible `\u{…}` escapes (so no file name can
    /// reorder what a reader sees). The same as XML's, which HTML5 reads alike.
    static func text(_ text: String) -> String {
        XMLEscaping.escape(text, keepNewlines: false)
    }

    /// JSON text made safe inside `<script type="application/json">`: `<`, `>` and `&` only occur
    /// inside JSON strings, where `\u003c` means the same, so no `</script>` or `<!--` can end or
    /// change the element.
    static func scriptJSON(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 32)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): output += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): output += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): output += Array("\\u0026".utf8)
            default: output.append(byte)
            }
        }
        return output
    }
}
