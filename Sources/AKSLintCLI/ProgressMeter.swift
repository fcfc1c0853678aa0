#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// "akslint: 120 of 10000 files linted" on a terminal's standard error, for runs that last: it
/// appears only after a second, changes at most ten times a second, and is cleared when the run
/// ends, so a short run shows nothing and the report below is not disturbed. It is made only
/// when standard error is a terminal (see ``ProcessEnvironment/showProgress``).
final class ProgressMeter: @unchecked Sendable {
    private let total: Int
    private let show: @Sendable (String) -> Void
    private let start = ContinuousClock.now
    /// Guards the counters below: files finish on several threads.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var done = 0
    private var lastShown: ContinuousClock.Instant?

    /// How long a run goes before progress appears.
    private let delay: Duration
    /// How often the line may change.
    private let interval: Duration

    init(total: Int, delay: Duration = .seconds(1), interval: Duration = .milliseconds(100), show: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.delay = delay
        self.interval = interval
        self.show = show
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Counts one more file done, and shows the count when it is time to.
    func fileDone() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        done += 1
        let now = ContinuousClock.now
        guard now - start >= delay, lastShown.map({ now - $0 >= interval }) ?? true else { return }
        lastShown = now
        show("\rakslint: \(done) of \(total) \(total == 1 ? "file" : "files") linted\u{1B}[K")
    }

    /// Clears the line, if anything was shown.
    func finish() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if lastShown != nil { show("\r\u{1B}[K") }
    }
}
