/// A stable 64-bit FNV-1a hash, printed as 16 hex digits. Used for finding fingerprints, which
/// must not change between runs, platforms or Swift versions (unlike `Hasher`).
package enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of the parts, ASCII letters folded to lower case, joined by a separator no part
    /// contains (`\u{1F}`), as 16 hex digits.
    package static func hex(of parts: [String]) -> String {
        hex(hash(of: parts))
    }

    /// The hash of the parts (see ``hex(of:)``).
    package static func hash(of parts: [String]) -> UInt64 {
        var hash = offsetBasis
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* prime }
            var text = part
            hash = text.withUTF8 { bytes in
                var running = hash
                for byte in bytes {
                    let folded = byte &- 65 < 26 ? byte | 0x20 : byte
                    running = (running ^ UInt64(folded)) &* prime
                }
                return running
            }
        }
        return hash
    }

    /// Sixteen lower-case hex digits.
    package static func hex(_ value: UInt64) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for position in 0..<16 {
                buffer[position] = digits.utf8Start[Int((value >> UInt64(60 - 4 * position)) & 0xF)]
            }
            return 16
        }
    }
}
