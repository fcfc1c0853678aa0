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
                written += piece.withUTF8Bytes { bytes in
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[written..<(written + bytes.count)]).copyMemory(from: UnsafeRawBufferPointer(bytes))
                    return bytes.count
                }
            }
            return written
        }
    }
}
