/// Bytes that need no attention inside a JSON string: printable ASCII other than `"` and `\`.
/// The writer copies them without escaping; the parser's string scan steps over them. Both test
/// eight at a time with ``allPlain(_:)`` and look at single bytes only where a word has another.
enum PlainBytes {
    /// Whether a byte is plain: printable ASCII other than `"` and `\`. (Multi-byte characters
    /// are checked apart.)
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte &- 0x20 < 0x5F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// Whether all eight bytes of `word` are plain: none is a control character, DEL, `"`, `\`
    /// or not ASCII.
    @inline(__always)
    static func allPlain(_ word: UInt64) -> Bool { notPlainBits(word) == 0 }

    /// How many of the eight bytes of `word` (in memory order) come before the first one that is
    /// not plain; 8 when all are plain.
    @inline(__always)
    static func plainPrefixLength(_ word: UInt64) -> Int { notPlainBits(word).trailingZeroBitCount / 8 }

    /// The high bit of each byte of `word` that is not plain, at least for the first such byte
    /// (the classic "has a byte below n" and "has a zero byte" tests: exact for the lowest byte
    /// they flag; a borrow may flag bytes after it too). Memory order is the machine's
    /// little-endian one.
    @inline(__always)
    private static func notPlainBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highBits
        func hasByte(_ value: UInt64) -> UInt64 {
            let zeroWhereEqual = word ^ (ones &* value)
            return (zeroWhereEqual &- ones) & ~zeroWhereEqual & highBits
        }
        return control | hasByte(0x22) | hasByte(0x5C) | hasByte(0x7F) | word & highBits
    }
}
