#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment, as seconds since 1970-01-01T00:00:00 UTC: what the reports' timestamps and the
/// rules that depend on the day need of a clock, read from the C library (Foundation's `Date`
/// would link Foundation into every run).
public struct UnixTime: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00 UTC.
    public let timeIntervalSince1970: Double

    /// The moment `seconds` after 1970-01-01T00:00:00 UTC.
    public init(timeIntervalSince1970 seconds: Double) {
        timeIntervalSince1970 = seconds
    }

    /// The system clock's time now.
    public static var now: UnixTime {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UnixTime(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }
}
