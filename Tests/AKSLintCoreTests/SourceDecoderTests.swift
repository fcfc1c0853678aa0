@testable import AKSLintCore
import Testing

@Suite("Source decoding")
struct SourceDecoderTests {
    @Test("UTF-8 passes through; a UTF-8 BOM is removed")
    func utf8() throws {
        #expect(try SourceDecoder.decode(Array("{}".utf8)) == (text: Array("{}".utf8), encoding: .utf8))
        let decoded = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(decoded.text == Array("{}".utf8) && decoded.encoding == .utf8WithBOM)
    }

    @Test("UTF-16 with a BOM, little- and big-endian, is transcoded, surrogate pairs included")
    func utf16() throws {
        let text = "{\"n\": \"é𝄞\"}"
        let little: [UInt8] = [0xFF, 0xFE] + utf16Bytes(text, bigEndian: false)
        let big: [UInt8] = [0xFE, 0xFF] + utf16Bytes(text, bigEndian: true)
        #expect(try SourceDecoder.decode(little).text == Array(text.utf8))
        #expect(try SourceDecoder.decode(little).encoding == .utf16LittleEndian)
        #expect(try SourceDecoder.decode(big).text == Array(text.utf8))
        #expect(try SourceDecoder.decode(big).encoding == .utf16BigEndian)
    }

    @Test("unsupported or broken encodings give a clear error", arguments: [
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00] as [UInt8], SourceDecodingError.utf32NotSupported),
        (utf16Bytes("{\"a\": 1}", bigEndian: false), .utf16WithoutBOM),
        ([0xFF, 0xFE, 0x7B], .truncatedUTF16),
        ([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], .unpairedSurrogate(byteOffset: 2)),
    ])
    func failures(bytes: [UInt8], expected: SourceDecodingError) {
        #expect(throws: expected) { try SourceDecoder.decode(bytes) }
    }
}

extension SourceEncoding: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

private func == (lhs: (text: [UInt8], encoding: SourceEncoding), rhs: (text: [UInt8], encoding: SourceEncoding)) -> Bool {
    lhs.text == rhs.text && lhs.encoding == rhs.encoding
}

private func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    for unit in text.utf16 {
        let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
        bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
}
