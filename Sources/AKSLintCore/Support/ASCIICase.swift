extension UInt8 {
    /// The byte with an ASCII capital letter folded to lower case; any other byte as it is. Keys,
    /// fingerprints and identities compare and hash this way, as Azure compares names.
    var asciiLowercased: UInt8 { self &- 65 < 26 ? self | 0x20 : self }
}
