extension Array where Element == String {
    /// The keys joined with dots after `prefix`, such as `properties.aadProfile.managed`, made in
    /// one allocation (every shown finding's property and setting names are made this way).
    func dottedPath(after prefix: String? = nil) -> String {
        var pieces: [String] = []
        pieces.reserveCapacity(count * 2 + 1)
        if let prefix { pieces.append(prefix) }
        for key in self {
            if !pieces.isEmpty { pieces.append(".") }
            pieces.append(key)
        }
        return .concatenating(pieces)
    }
}
