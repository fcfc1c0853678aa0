extension String {
    /// Calls `body` with the string's UTF-8 bytes: read in place for a native string (every
    /// string akslint makes), from a copy otherwise. `withUTF8` needs a `var`, and on a copy it
    /// first checks that the copy is unique: a cost on the paths that read every key, property
    /// piece and value a report writes or a fingerprint hashes.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
