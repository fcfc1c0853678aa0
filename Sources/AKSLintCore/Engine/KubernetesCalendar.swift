/// When each Kubernetes minor version is supported on AKS: the table AKS603 judges versions by.
///
/// akslint ships one (``builtIn``), written from Microsoft Learn's "Supported Kubernetes versions
/// in AKS"; `--k8s-calendar FILE` replaces it with a newer one without a new release of akslint.
/// The file is the JSON that `akslint calendar` prints, so the way to make one is to print the
/// built-in table and edit it.
public struct KubernetesCalendar: Sendable, Equatable {
    /// One minor version's support window.
    public struct Entry: Sendable, Equatable {
        /// The minor version: 31 for 1.31.
        public let minor: Int
        /// AKS general availability.
        public let generallyAvailable: CalendarDay
        /// End of AKS community support.
        public let endOfLife: CalendarDay
        /// End of long-term support (clusters with `supportPlan: AKSLongTermSupport`), when AKS offers it.
        public let longTermSupportEnd: CalendarDay?

        /// Creates an entry.
        public init(minor: Int, generallyAvailable: CalendarDay, endOfLife: CalendarDay, longTermSupportEnd: CalendarDay?) {
            self.minor = minor
            self.generallyAvailable = generallyAvailable
            self.endOfLife = endOfLife
            self.longTermSupportEnd = longTermSupportEnd
        }
    }

    /// The day the table was written: messages name it, so a stale table shows.
    public let writtenOn: CalendarDay
    /// Where the table came from.
    public let source: String
    /// The versions, oldest first, without gaps.
    public let entries: [Entry]

    /// Creates a calendar.
    public init(writtenOn: CalendarDay, source: String, entries: [Entry]) {
        self.writtenOn = writtenOn
        self.source = source
        self.entries = entries
    }

    /// The entry of a minor version, if the table has it.
    public func entry(forMinor minor: Int) -> Entry? { entries.first { $0.minor == minor } }

    /// The table as documentation lines: "1.32: GA 2025-04-01, supported until 2026-03-31, LTS until 2027-03-31".
    public var documentation: String {
        entries.map { entry in
            let lts = entry.longTermSupportEnd.map { ", LTS until \($0)" } ?? ""
            return "1.\(entry.minor): GA \(entry.generallyAvailable), supported until \(entry.endOfLife)\(lts)"
        }.joined(separator: "; ")
    }

    /// The table akslint ships. Written 2026-11-24 from Microsoft Learn, "Supported Kubernetes
    /// versions in AKS": the AKS Kubernetes release calendar (community support) and the
    /// long-term support table. Where the page gives a month, support ends on its last day.
    public static let builtIn = KubernetesCalendar(
        writtenOn: day(2026, 11, 24),
        source: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
        entries: [
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
        ])

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: day)! }
    private static func endOf(_ year: Int, _ month: Int) -> CalendarDay { CalendarDay.endOf(year: year, month: month) }
}
