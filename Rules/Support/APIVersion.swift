import AKSLintCore

/// A resource API version such as `2023-06-01` or `2023-05-02-preview`, ordered by date.
struct APIVersion: Comparable {
    let day: CalendarDay
    let isPreview: Bool

    /// Parses `YYYY-MM-DD` with an optional `-preview` (or other) suffix; nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
              let day = CalendarDay(year: year, month: month, day: dayOfMonth) else { return nil }
        self.day = day
        self.isPreview = parts.count == 4
    }

    static func < (left: APIVersion, right: APIVersion) -> Bool { left.day < right.day }
}

extension ClusterResource {
    /// The API version a template resource is deployed with, when it is written as a literal.
    var templateAPIVersion: (text: String, version: APIVersion)? {
        guard origin == .template, let text = resource.child("apiVersion")?.node.string, let version = APIVersion(text) else { return nil }
        return (text, version)
    }
}
