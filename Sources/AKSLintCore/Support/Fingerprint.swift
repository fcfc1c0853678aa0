/// A stable 64-bit FNV-1a hash, printed as 16 hex digits. Used for finding fingerprints, which
/// must not change between runs, platforms or Swift versions (unlike `Hasher`).
public enum Fingerprint {
    /// The hash of the parts, ASCII letters folded to lower case, joined by a separator no part
    /// contains (`\u{1F}`).
    public static func hex(of parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for byte in part.utf8 {
                let folded = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
            }
        }
        let digits = Array("0123456789abcdef")
        var text = ""
        for shift in stride(from: 60, through: 0, by: -4) {
            text.append(digits[Int((hash >> UInt64(shift)) & 0xF)])
        }
        return text
    }
}
