extension UInt8 {
    /// The byte with an ASCII capital letter folded to lower case; any other byte as it is. Keys,
    /// fingerprints and identities compare and hash this way, as Azure compares names.
    var asciiLowercased: UInt8 { self &- 65 < 26 ? self | 0x20 : self }
}

extension UInt64 {
    /// The eight bytes of the word, each folded as ``UInt8/asciiLowercased`` folds one. (Each
    /// byte's low seven bits plus a constant set its high bit from `A` on, and another from past
    /// `Z`; no sum carries into the next byte.)
    var asciiLowercasedBytes: UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowSevenBits = self & (ones &* 0x7F)
        let fromA = lowSevenBits &+ ones &* (0x80 - 0x41)
        let pastZ = lowSevenBits &+ ones &* (0x80 - 0x5B)
        let capitals = fromA & ~pastZ & ~self & (ones &* 0x80)
        return self | capitals >> 2
    }
}
