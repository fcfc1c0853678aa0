import AKSLintCore

/// When each Kubernetes minor version is supported on AKS.
///
/// Written 2026-11-24 from Microsoft Learn, "Supported Kubernetes versions in AKS": the AKS Kubernetes
/// release calendar (community support) and the long-term support table. Where the page gives a
/// month, support ends on its last day. Versions newer than the table are judged indeterminate
/// until akslint is updated; older ones are out of support.
enum KubernetesSupportCalendar {
    /// The day the table was written.
    static let writtenOn = day(2026, 11, 24)

    struct Entry {
        let minor: Int
        /// AKS general availability (first day of the month the page names).
        let generallyAvailable: CalendarDay
        /// End of AKS community support.
        let endOfLife: CalendarDay
        /// End of long-term support (clusters with `supportPlan: AKSLongTermSupport`), when AKS offers it.
        let longTermSupportEnd: CalendarDay?
    }

    static let entries: [Entry] = [
        Entry(minor: 27, generallyAvailable: day(2023, 7, 1), endOfLife: endOf(2024, 7), longTermSupportEnd: endOf(2025, 7)),
        Entry(minor: 28, generallyAvailable: day(2023, 11, 1), endOfLife: endOf(2025, 1), longTermSupportEnd: nil),
        Entry(minor: 29, generallyAvailable: day(2024, 3, 1), endOfLife: endOf(2025, 3), longTermSupportEnd: endOf(2026, 4)),
        Entry(minor: 30, generallyAvailable: day(2024, 7, 1), endOfLife: day(2025, 8, 22), longTermSupportEnd: endOf(2026, 7)),
        Entry(minor: 31, generallyAvailable: day(2024, 11, 1), endOfLife: day(2025, 11, 1), longTermSupportEnd: endOf(2026, 11)),
        Entry(minor: 32, generallyAvailable: day(2025, 4, 1), endOfLife: endOf(2026, 3), longTermSupportEnd: endOf(2027, 3)),
        Entry(minor: 33, generallyAvailable: day(2025, 6, 1), endOfLife: endOf(2026, 7), longTermSupportEnd: endOf(2027, 7)),
        Entry(minor: 34, generallyAvailable: day(2025, 11, 1), endOfLife: endOf(2026, 11), longTermSupportEnd: endOf(2027, 11)),
        Entry(minor: 35, generallyAvailable: day(2026, 3, 1), endOfLife: endOf(2027, 3), longTermSupportEnd: endOf(2028, 3)),
        Entry(minor: 36, generallyAvailable: day(2026, 6, 1), endOfLife: endOf(2027, 6), longTermSupportEnd: endOf(2028, 6)),
        Entry(minor: 37, generallyAvailable: day(2026, 10, 1), endOfLife: endOf(2027, 10), longTermSupportEnd: endOf(2028, 10)),
    ]

    static func entry(forMinor minor: Int) -> Entry? { entries.first { $0.minor == minor } }

    /// The table as documentation lines: "1.32: GA 2025-04, community support until 2026-03-31, LTS until 2027-03-31".
    static var documentation: String {
        entries.map { entry in
            let lts = entry.longTermSupportEnd.map { ", LTS until \($0)" } ?? ""
            return "1.\(entry.minor): GA \(entry.generallyAvailable), supported until \(entry.endOfLife)\(lts)"
        }.joined(separator: "; ")
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: day)! }
    private static func endOf(_ year: Int, _ month: Int) -> CalendarDay { CalendarDay.endOf(year: year, month: month) }
}

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
