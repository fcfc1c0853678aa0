import AKSLintCore

/// A Kubernetes version such as `1.31.7`, `1.31` or `v1.31.7`.
struct KubernetesVersion: Equatable {
    let major: Int
    let minor: Int

    init?(_ text: String) {
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
}
