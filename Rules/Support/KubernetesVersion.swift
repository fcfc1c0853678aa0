import AKSLintCore

/// A Kubernetes version such as `1.31.7`, `1.31` or `v1.31.7`.
struct KubernetesVersion: Equatable {
    let major: Int
    let minor: Int

    init?(_ text: String) {
        if let (major, minor) = Self.plainMajorAndMinor(text) {
            (self.major, self.minor) = (major, minor)
            return
        }
        var trimmed = Substring(text)
        if trimmed.first == "v" || trimmed.first == "V" { trimmed = trimmed.dropFirst() }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else { return nil }
        if parts.count == 3 {
            let patch = parts[2].prefix { $0.isNumber }
            guard !patch.isEmpty else { return nil }
        }
        self.major = major
        self.minor = minor
    }

    /// Major and minor of a version written the usual way, read from its bytes: `1.31`, `v1.31`,
    /// or `1.31.` and a patch that starts with a digit and holds no further dot. Nil for anything
    /// else, which the general reading above then decides (every version this accepts, it
    /// accepts too, with the same numbers): a pool's version is read for every cluster of a fleet.
    private static func plainMajorAndMinor(_ text: String) -> (Int, Int)? {
        var utf8 = text.utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "V") { utf8 = utf8.dropFirst() }
        func number() -> Int? {
            var value = 0
            var digits = 0
            while let byte = utf8.first, byte &- UInt8(ascii: "0") < 10, digits < 9 {
                value = value * 10 + Int(byte &- UInt8(ascii: "0"))
                digits += 1
                utf8 = utf8.dropFirst()
            }
            return digits > 0 ? value : nil
        }
        guard let major = number(), utf8.popFirst() == UInt8(ascii: "."), let minor = number() else { return nil }
        if utf8.isEmpty { return (major, minor) }
        guard utf8.popFirst() == UInt8(ascii: "."), let digit = utf8.first, digit &- UInt8(ascii: "0") < 10, !utf8.contains(UInt8(ascii: ".")) else { return nil }
        return (major, minor)
    }
}
