@testable import AKSLintCore
import Testing

/// Date functions over literal timestamps, against the examples of Microsoft Learn's "Date
/// functions for ARM templates" (a year is 365 days and a month 30 in durations).
@Suite("dateTimeAdd, dateTimeToEpoch, dateTimeFromEpoch")
struct DateFunctionsTests {
    static var harness: TemplateHarness { try! TemplateHarness() }

    @Test("values", arguments: [
        ("[dateTimeAdd('2023-01-01 00:00:00Z', 'P1Y')]", "\"2024-01-01T00:00:00Z\""),
        ("[dateTimeAdd('2024-01-01 00:00:00Z', 'P1Y')]", "\"2024-12-31T00:00:00Z\""),
        ("[dateTimeAdd('2023-02-01 00:00:00Z', 'P1M')]", "\"2023-03-03T00:00:00Z\""),
        ("[dateTimeAdd('2024-02-01 00:00:00Z', 'P1M')]", "\"2024-03-02T00:00:00Z\""),
        ("[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]", "\"2023-04-07T14:53:14Z\""),
        ("[dateTimeAdd('2020-04-07 14:53:14Z', '-PT9H')]", "\"2020-04-07T05:53:14Z\""),
        ("[dateTimeAdd('2020-04-07T14:53:14Z', 'P1DT1H30M', 'yyyy-MM-dd HH:mm')]", "\"2020-04-08 16:23\""),
        ("[dateTimeAdd('2026-12-01', 'P2W', 'u')]", "\"2026-12-15 00:00:00Z\""),
        ("[dateTimeToEpoch('2026-12-01T00:00:00Z')]", "1796083200"),
        ("[dateTimeFromEpoch(1796083200)]", "\"2026-12-01T00:00:00Z\""),
    ])
    func values(expression: String, expected: String) {
        #expect(Self.harness.json(expression) == expected, "\(expression)")
    }

    @Test("the clock, malformed timestamps and durations, and formats not evaluated are unresolved", arguments: [
        "[dateTimeAdd(utcNow(), 'P1D')]", "[dateTimeAdd('2026-13-01', 'P1D')]", "[dateTimeAdd('2026-12-01T10:00:00+01:00', 'P1D')]",
        "[dateTimeAdd('2026-12-01', 'P1H')]", "[dateTimeAdd('2026-12-01', 'P')]", "[dateTimeAdd('2026-12-01', 'PT1.5S')]",
        "[dateTimeAdd('2026-12-01', 'P1D', 'dddd')]", "[dateTimeAdd('9999-12-31', 'P1D')]", "[dateTimeToEpoch('yesterday')]",
    ])
    func unresolved(expression: String) {
        #expect(Self.harness.json(expression).hasPrefix("unresolved: "), "\(expression) gave \(Self.harness.json(expression))")
    }
}
