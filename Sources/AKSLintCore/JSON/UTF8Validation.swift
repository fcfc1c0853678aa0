/// Finds where a byte sequence stops being valid UTF-8. Used on the error path to point at the bad
/// byte, and to validate comments, which are skipped rather than decoded.
enum UTF8Validation {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil when all are valid.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimumSecond: UInt8 = 0x80
            var maximumSecond: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minimumSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maximumSecond = 0x9F
            case 0xF0: length = 4; minimumSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximumSecond = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= minimumSecond && second <= maximumSecond else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// The length of the sequence a lead byte starts (1 for anything that is not a lead byte, so
    /// a walk over bytes always advances).
    static func sequenceLength(ofLeadByte byte: UInt8) -> Int {
        switch byte {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    /// The scalar of the `length`-byte sequence at `index` of valid UTF-8 text (a Swift string's
    /// bytes), or nil when it runs past the end.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar? {
        guard length > 1, index + length <= bytes.count else { return nil }
        var value = UInt32(bytes[index]) & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
