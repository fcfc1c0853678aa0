extension String {
    /// The pieces one after another, made in one allocation of exactly their length. Messages
    /// are made of a few pieces each, for every finding a report shows; appending them one by one
    /// (as `+` and interpolation do) costs several times as much, growing the string as it goes.
    public static func concatenating(_ pieces: String...) -> String {
        concatenating(pieces)
    }

    /// The pieces one after another (see ``concatenating(_:)-(String...)``).
    public static func concatenating(_ pieces: [String]) -> String {
        if pieces.count == 1 { return pieces[0] }
        let length = pieces.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for piece in pieces {
                let count = piece.utf8.count
                let copied: Void? = piece.utf8.withContiguousStorageIfAvailable { bytes in
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[written..<(written + count)]).copyMemory(from: UnsafeRawBufferPointer(bytes))
                }
                if copied == nil {
                    for (offset, byte) in piece.utf8.enumerated() { buffer[written + offset] = byte }
                }
                written += count
            }
            return written
        }
    }
}
