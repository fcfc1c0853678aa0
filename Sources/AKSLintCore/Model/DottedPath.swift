extension Array where Element == String {
    /// The keys joined with dots after `prefix`, such as `properties.aadProfile.managed`, made in
    /// one allocation (every shown finding's property and setting names are made this way).
    func dottedPath(after prefix: String? = nil) -> String {
        var pieces: [String] = []
        pieces.reserveCapacity(count * 2 + 1)
        forEachDottedPiece(after: prefix) { pieces.append($0) }
        return .concatenating(pieces)
    }

    /// Calls `body` with the pieces of ``dottedPath(after:)`` in order (the prefix, the keys and
    /// the dots between them), so the path can be hashed without being joined.
    func forEachDottedPiece(after prefix: String?, _ body: (String) -> Void) {
        if let prefix { body(prefix) }
        for (offset, key) in enumerated() {
            if prefix != nil || offset > 0 { body(".") }
            body(key)
        }
    }
}
