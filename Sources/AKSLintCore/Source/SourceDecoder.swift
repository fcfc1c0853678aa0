/// The character encoding an input arrived in.
public enum SourceEncoding: String, Sendable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-8 with a byte-order mark (what some Windows editors write).
    case utf8WithBOM = "utf-8-bom"
    /// UTF-16 little-endian with a byte-order mark (what Windows PowerShell's `>` writes).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BigEndian = "utf-16be"
}

/// Why an input's bytes could not be turned into UTF-8 text.
public enum SourceDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A UTF-32 byte-order mark: valid Unicode, but no AKS tool writes it.
    case utf32NotSupported
    /// NUL bytes in the pattern of UTF-16 text that has no byte-order mark.
    case utf16WithoutBOM
    /// UTF-16 text with an odd number of bytes.
    case truncatedUTF16
    /// A UTF-16 surrogate without its pair, at this byte offset of the original file.
    case unpairedSurrogate(byteOffset: Int)

    public var description: String {
        switch self {
        case .utf32NotSupported:
            return "UTF-32 is not supported; save the file as UTF-8"
        case .utf16WithoutBOM:
            return "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
        case .truncatedUTF16:
            return "UTF-16 text with an odd number of bytes (the file is truncated)"
        case .unpairedSurrogate(let offset):
            return "invalid UTF-16: unpaired surrogate at byte offset \(offset)"
        }
    }
}

/// Turns the raw bytes of an input into UTF-8 text, recognising byte-order marks.
///
/// UTF-8 itself is validated by the JSON parser as it reads strings and comments, so plain UTF-8
/// input is passed through without a copy or an extra pass.
package enum SourceDecoder {
    /// The UTF-8 text of `raw` (without any byte-order mark) and the encoding it was in.
    package static func decode(_ raw: [UInt8]) throws(SourceDecodingError) -> (text: [UInt8], encoding: SourceEncoding) {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (Array(raw.dropFirst(3)), .utf8WithBOM)
        }
        if raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .utf32NotSupported
        }
        if raw.starts(with: [0xFF, 0xFE]) {
            return (try transcodeUTF16(raw, from: 2, bigEndian: false), .utf16LittleEndian)
        }
        if raw.starts(with: [0xFE, 0xFF]) {
            return (try transcodeUTF16(raw, from: 2, bigEndian: true), .utf16BigEndian)
        }
        if looksLikeUTF16WithoutBOM(raw) {
            throw .utf16WithoutBOM
        }
        return (raw, .utf8)
    }

    /// True when the first bytes alternate between ASCII and NUL, as UTF-16 text does.
    private static func looksLikeUTF16WithoutBOM(_ raw: [UInt8]) -> Bool {
        guard raw.count >= 4 else { return false }
        let evenNUL = raw[0] == 0 && raw[2] == 0 && raw[1] != 0
        let oddNUL = raw[1] == 0 && raw[3] == 0 && raw[0] != 0
        return evenNUL || oddNUL
    }

    private static func transcodeUTF16(_ raw: [UInt8], from start: Int, bigEndian: Bool) throws(SourceDecodingError) -> [UInt8] {
        guard (raw.count - start) % 2 == 0 else { throw .truncatedUTF16 }
        var output: [UInt8] = []
        output.reserveCapacity((raw.count - start) / 2 + 16)
        var index = start
        func unit(at offset: Int) -> UInt32 {
            bigEndian
                ? UInt32(raw[offset]) << 8 | UInt32(raw[offset + 1])
                : UInt32(raw[offset + 1]) << 8 | UInt32(raw[offset])
        }
        while index < raw.count {
            let first = unit(at: index)
            var scalar = first
            if (0xD800...0xDBFF).contains(first) {
                guard index + 3 < raw.count else { throw .unpairedSurrogate(byteOffset: index) }
                let second = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(second) else { throw .unpairedSurrogate(byteOffset: index) }
                scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                index += 4
            } else if (0xDC00...0xDFFF).contains(first) {
                throw .unpairedSurrogate(byteOffset: index)
            } else {
                index += 2
            }
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    /// Appends the UTF-8 encoding of a valid Unicode scalar value.
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
