/// Strings of the JSON scanner: found in one pass that records line starts and multi-byte
/// characters, then made as Swift strings (keys through the ``KeyTable``), checked as UTF-8 and
/// unescaped only when they need it.
extension JSONScanner {
    /// Parses a string starting at the opening quote and leaves `index` after the closing one.
    mutating func parseString() throws(JSONParseError) -> String {
        let scanned = try scanString()
        return try string(scanned)
    }

    /// Parses an object's key as ``parseString()`` does: the key, and its ``foldedHash(of:writtenIn:)``.
    /// A plain key is made once per text (see ``KeyTable``).
    mutating func parseKey() throws(JSONParseError) -> (key: String, hash: UInt64, digest: KeyDigest) {
        let scanned = try scanString()
        guard scanned.isASCII, !scanned.hasEscapes else {
            let key = try string(scanned)
            return (key, foldedHash(of: key, writtenIn: scanned.content), KeyDigest(key))
        }
        let bytes = UnsafeBufferPointer(rebasing: buffer[scanned.content])
        let hash = Self.foldedHash(bytes)
        return (keys.key(bytes, hash: hash), hash, KeyDigest(bytes))
    }

    /// A string's text, between its quotes, as ``scanString()`` found it.
    struct ScannedString {
        let content: Range<Int>
        let hasEscapes: Bool
        let isASCII: Bool
    }

    /// Finds the end of the string starting at the opening quote, recording its line starts and
    /// multi-byte characters, and leaves `index` after the closing quote.
    mutating func scanString() throws(JSONParseError) -> ScannedString {
        let open = index
        index += 1
        let contentStart = index
        var hasEscapes = false
        var isASCII = true
        let base = buffer.baseAddress
        while true {
            // Plain bytes eight at a time (most of a resource id or a URL), stopping at the first
            // quote, escape, control or multi-byte character, which the lines below look at.
            if let base, index + 8 <= buffer.count {
                let plain = PlainBytes.plainPrefixLength(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += plain
                if plain == 8 { continue }
            }
            guard index < buffer.count else {
                throw error(.unterminatedString(openedAt: lines.position(of: open)), at: buffer.count)
            }
            let byte = buffer[index]
            if byte == ASCII.quote { break }
            if byte == ASCII.backslash {
                hasEscapes = true
                index += 2
                continue
            }
            if byte < 0x20 { throw error(.controlCharacterInString(byte), at: index) }
            if byte >= 0x80 {
                isASCII = false
                if byte >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: byte) }
            }
            index += 1
        }
        index += 1
        return ScannedString(content: contentStart..<(index - 1), hasEscapes: hasEscapes, isASCII: isASCII)
    }

    /// The string whose text ``scanString()`` found: checked, decoded and unescaped.
    func string(_ scanned: ScannedString) throws(JSONParseError) -> String {
        let (contentStart, hasEscapes, isASCII) = (scanned.content.lowerBound, scanned.hasEscapes, scanned.isASCII)
        let content = UnsafeBufferPointer(rebasing: buffer[scanned.content])
        if !hasEscapes {
            // Nearly every string of an AKS document is ASCII, which is valid UTF-8 as it is; the
            // standard library's validating initialiser costs several times the decoding one.
            if isASCII { return String(decoding: content, as: UTF8.self) }
            return try validatedString(content, startingAt: contentStart)
        }
        return try unescapedString(content, startingAt: contentStart)
    }

    func validatedString(_ bytes: UnsafeBufferPointer<UInt8>, startingAt offset: Int) throws(JSONParseError) -> String {
        if let string = String(validating: bytes, as: UTF8.self) { return string }
        let bad = UTF8Validation.firstInvalidOffset(in: bytes) ?? 0
        throw error(.invalidUTF8(bytes[bad]), at: offset + bad)
    }

    func unescapedString(_ bytes: UnsafeBufferPointer<UInt8>, startingAt offset: Int) throws(JSONParseError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == ASCII.backslash else {
                output.append(byte)
                position += 1
                continue
            }
            let escapeOffset = offset + position
            guard position + 1 < bytes.count else { throw error(.invalidEscape("\\"), at: escapeOffset) }
            let escaped = bytes[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "\""): output.append(ASCII.quote)
            case UInt8(ascii: "\\"): output.append(ASCII.backslash)
            case UInt8(ascii: "/"): output.append(ASCII.slash)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(ASCII.newline)
            case UInt8(ascii: "r"): output.append(ASCII.carriageReturn)
            case UInt8(ascii: "t"): output.append(ASCII.tab)
            case UInt8(ascii: "u"):
                guard let high = Self.hexQuad(bytes, at: position) else {
                    throw error(.invalidEscape("\\u" + Self.preview(bytes, from: position, count: 4)), at: escapeOffset)
                }
                position += 4
                var scalar = high
                if (0xD800...0xDBFF).contains(high),
                   position + 1 < bytes.count, bytes[position] == ASCII.backslash, bytes[position + 1] == UInt8(ascii: "u"),
                   let low = Self.hexQuad(bytes, at: position + 2), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                } else if (0xD800...0xDFFF).contains(high) {
                    scalar = 0xFFFD
                }
                SourceDecoder.appendUTF8(scalar, to: &output)
            default:
                throw error(.invalidEscape("\\" + describeRaw(escaped)), at: escapeOffset)
            }
        }
        return try output.withUnsafeBufferPointer { (decoded) throws(JSONParseError) -> String in
            if let string = String(validating: decoded, as: UTF8.self) { return string }
            let bad = UTF8Validation.firstInvalidOffset(in: bytes) ?? 0
            throw error(.invalidUTF8(bytes[bad]), at: offset + bad)
        }
    }

    static func hexQuad(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in position..<position + 4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    static func preview(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> String {
        let end = min(bytes.count, start + count)
        guard start < end else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
