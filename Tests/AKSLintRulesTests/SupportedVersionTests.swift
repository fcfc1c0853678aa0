@testable import AKSLintCore
@testable import AKSLintRules
import Testing

@Suite("AKS603 and the support calendar")
struct SupportedVersionTests {
    private func state(_ version: String, on day: String, supportPlan: String? = nil) throws -> (ResultState, String) {
        let plan = supportPlan.map { #", "supportPlan": "\#($0)""# } ?? ""
        let input = #"{"type": "Microsoft.ContainerService/managedClusters", "name": "c", "properties": {"kubernetesVersion": "\#(version)"\#(plan)}}"#
        let loaded = try InputLoader.load(Array(input.utf8))
        let evaluationDay = try #require(CalendarDay(day))
        let result = try #require(try LintEngine(rules: [SupportedKubernetesVersion()], context: RuleContext(evaluationDay: evaluationDay)).evaluate(loaded, path: "c.json").first)
        return (result.state, result.message)
    }

    @Test("support ends on the calendar's last day, inclusive", arguments: [
        ("1.34.2", "2026-11-30", ResultState.pass), ("1.34.2", "2026-12-01", .fail),
        ("1.30", "2025-08-22", .pass), ("1.30", "2025-08-23", .fail),
        ("v1.37.1", "2026-11-24", .pass), ("1.37", "2026-09-30", .fail),
        ("1.25.6", "2026-11-24", .fail), ("1.38.0", "2026-11-24", .indeterminate), ("latest", "2026-11-24", .indeterminate), ("2.1", "2026-11-24", .indeterminate),
    ])
    func window(version: String, day: String, expected: ResultState) throws {
        #expect(try state(version, on: day).0 == expected, "\(version) on \(day)")
    }

    @Test("long-term support extends the window where AKS offers it")
    func longTermSupport() throws {
        #expect(try state("1.32.9", on: "2026-11-24").0 == .fail)
        #expect(try state("1.32.9", on: "2026-11-24", supportPlan: "AKSLongTermSupport").0 == .pass)
        let noLTS = try state("1.28.5", on: "2025-06-01", supportPlan: "AKSLongTermSupport")
        #expect(noLTS.0 == .fail && noLTS.1.contains("AKS offers no long-term support for 1.28"))
    }

    @Test("messages name the version, the end date, the evaluation day and the calendar's date")
    func messages() throws {
        let failing = try state("1.31.7", on: "2026-11-24")
        #expect(failing.1 == "The cluster runs Kubernetes 1.31.7, whose AKS support ended on 2025-11-01, 388 days before 2026-11-24 (AKS support calendar of 2026-11-24): it receives no security patches.")
        let newer = try state("9.99.9", on: "2026-11-24")
        #expect(newer.0 == .indeterminate)
        #expect(newer.1.contains("Kubernetes 9.99.9 is newer than the AKS support calendar of 2026-11-24, which ends at 1.37; update akslint, or give a newer calendar with --k8s-calendar"), "a well-formed version is not called malformed")
        #expect(try state("1.38.0", on: "2026-11-24").1.contains("newer than the AKS support calendar of 2026-11-24"))
        #expect(try state("latest", on: "2026-11-24").1.contains("\"latest\" is not a Kubernetes version"))
        let passing = try state("1.35.4", on: "2026-11-24")
        #expect(passing.1 == "The cluster runs Kubernetes 1.35.4, supported until 2027-03-31 (127 days after 2026-11-24, AKS support calendar of 2026-11-24).")
    }

    @Test("versions are read as written in exports, templates and plans; anything else is not a version", arguments: [
        ("1.31", 1, 31), ("1.31.7", 1, 31), ("v1.31.7", 1, 31), ("V1.29", 1, 29), ("1.30.0-preview", 1, 30), ("1.33.1-akslts", 1, 33),
        ("+1.31", 1, 31), ("1234567890.12", 1_234_567_890, 12), ("0.0.0", 0, 0),
        ("1.31.", nil, nil), ("1..31", nil, nil), ("1.31.7.1", nil, nil), ("1.31.x", nil, nil), ("1", nil, nil), ("", nil, nil),
        ("v", nil, nil), ("-1.31", nil, nil), ("1.-31", nil, nil), ("latest", nil, nil), ("\u{661}.\u{663}\u{661}", nil, nil),
    ] as [(String, Int?, Int?)])
    func versionText(text: String, major: Int?, minor: Int?) {
        let version = KubernetesVersion(text)
        #expect(version?.major == major && version?.minor == minor, "\(text)")
    }

    @Test("the table is in order, consistent, and says when it was written")
    func table() {
        let entries = KubernetesCalendar.builtIn.entries
        #expect(entries.map(\.minor) == Array(27...37))
        #expect(entries.allSatisfy { entry in entry.generallyAvailable < entry.endOfLife && (entry.longTermSupportEnd.map { $0 > entry.endOfLife } ?? true) })
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.endOfLife < $1.endOfLife })
        #expect(KubernetesCalendar.builtIn.writtenOn.description == "2026-11-24")
        #expect(SupportedKubernetesVersion().metadata.remediation.notes?.contains("written 2026-11-24") == true)
    }

    @Test("calendar days parse, compare and count")
    func calendarDays() throws {
        #expect(CalendarDay("2024-02-29") != nil && CalendarDay("2023-02-29") == nil && CalendarDay("2026-13-01") == nil && CalendarDay("26-1-1") == nil)
        let day = try #require(CalendarDay("2026-11-24"))
        #expect(day.daysSinceEpoch == 20_781)
        #expect(CalendarDay(date: .init(timeIntervalSince1970: 20_781 * 86_400 + 3_600)) == day)
        #expect(try #require(CalendarDay("2025-11-01")).days(until: day) == 388)
        #expect(CalendarDay.endOf(year: 2028, month: 2).description == "2028-02-29")
    }
}
