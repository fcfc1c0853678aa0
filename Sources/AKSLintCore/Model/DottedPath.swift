extension Array where Element == String {
    /// The keys joined with dots after `prefix`, such as `properties.aadProfile.managed`: one
    /// string grown in place (every setting a rule reads names its property this way).
    func dottedPath(after prefix: String? = nil) -> String {
        var text = prefix ?? ""
        text.reserveCapacity(reduce(text.utf8.count) { $0 + $1.utf8.count + 1 })
        for (offset, key) in enumerated() {
            if prefix != nil || offset > 0 { text.append(".") }
            text.append(key)
        }
        return text
    }
}
