#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on threads akslint starts itself, each with a stack of ``stackSize`` bytes.
///
/// The parser and the template evaluator bound their recursion (512 levels of JSON, 1,000 nested
/// evaluations). At those limits a release build needs under 2 MiB of stack and a debug build
/// about 12 MiB (measured with a chain of 2,600 variables), more than a thread of the system's
/// default size may have (512 KiB for secondary threads on macOS). Call ``InputLoader`` and
/// ``LintEngine`` from these threads, as the command line does. The memory is reserved, not
/// used: only the pages a deep input touches become resident.
package enum WorkerThreads {
    /// The stack of each worker thread.
    package static let stackSize = 64 * 1024 * 1024

    /// `body(index)` for every index in `0..<count`, on up to `parallelism` threads, each taking
    /// the next index when it is done with one; the results are in index order.
    package static func map<Result: Sendable>(count: Int, parallelism: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let work = Work(count: count, body: body)
        let threads = (0..<max(1, min(parallelism, count))).compactMap { _ in start(work) }
        for thread in threads { pthread_join(thread, nil) }
        return work.results()
    }

    /// `body(item)` for every item, as ``map(count:parallelism:_:)`` does for indexes. Each item is
    /// moved out of `items` when a thread takes it, so it is let go as soon as `body` is done with
    /// it rather than when every item is (a fleet's clusters, each holding its part of the parse
    /// tree); pass the last copy of the array.
    package static func map<Item: Sendable, Result: Sendable>(taking items: consuming [Item], parallelism: Int, _ body: @escaping @Sendable (consuming Item) -> Result) -> [Result] {
        let handout = Handout(items)
        return map(count: handout.count, parallelism: parallelism) { index in body(handout.take(index)) }
    }

    /// `make(index)` for every index in `0..<count` on up to `parallelism` threads, and `use` of
    /// each result on the calling thread, in index order, as soon as it and every result before
    /// it are made. At most `lookahead` results are made ahead of the one `use` is waiting for,
    /// so a long run (a fleet report's batches) holds a few results at a time, and the same
    /// threads make all of them: starting threads per window cost a 64 MiB stack mapped and
    /// unmapped each time.
    package static func forEachInOrder<Result: Sendable>(
        count: Int, parallelism: Int, lookahead: Int, make: @escaping @Sendable (Int) -> Result, use: (Result) -> Void
    ) {
        guard count > 0 else { return }
        let pipeline = Pipeline(count: count, lookahead: max(1, lookahead), make: make)
        let threads = (0..<max(1, min(parallelism, count))).compactMap { _ in startThread { pipeline.produce() } }
        if threads.isEmpty {
            for index in 0..<count { use(make(index)) }
            return
        }
        for index in 0..<count { use(pipeline.take(index)) }
        for thread in threads { pthread_join(thread, nil) }
    }

    /// `body()` on one worker thread, waiting for its result.
    package static func run<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
        map(count: 1, parallelism: 1) { _ in body() }[0]
    }

    /// `body()` on a worker thread that starts now; ``Spawned/join()`` waits for its result. When
    /// no thread can be started, `body` runs here, before this returns.
    package static func spawn<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Spawned<Result> {
        let work = Work(count: 1) { _ in body() }
        return Spawned(work: work, thread: start(work))
    }

    /// Work started by ``spawn(_:)``. Only the thread that spawned it may join it.
    package final class Spawned<Result: Sendable> {
        private let work: Work<Result>
        private var thread: pthread_t?
        private var result: Result?

        fileprivate init(work: Work<Result>, thread: pthread_t?) {
            self.work = work
            self.thread = thread
        }

        /// Waits for the work to end (at once after the first call) and returns its result.
        package func join() -> Result {
            if let result { return result }
            if let thread { pthread_join(thread, nil) }
            thread = nil
            let ended = work.results()[0]
            result = ended
            return ended
        }
    }

    /// The shared state of one `map`: the next index to take and the results so far.
    fileprivate final class Work<Result: Sendable>: @unchecked Sendable {
        let count: Int
        let body: @Sendable (Int) -> Result
        private var next = 0
        private var slots: [Result?]
        private var lock = pthread_mutex_t()

        init(count: Int, body: @escaping @Sendable (Int) -> Result) {
            self.count = count
            self.body = body
            self.slots = Array(repeating: nil, count: count)
            pthread_mutex_init(&lock, nil)
        }

        deinit { pthread_mutex_destroy(&lock) }

        /// Works until no index is left (run by each thread).
        func drain() {
            while let index = take() {
                let result = body(index)
                pthread_mutex_lock(&lock)
                slots[index] = result
                pthread_mutex_unlock(&lock)
            }
        }

        private func take() -> Int? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        /// Every result (after every thread has been joined).
        func results() -> [Result] { slots.map { $0! } }
    }

    /// The shared state of one ``forEachInOrder(count:parallelism:lookahead:make:use:)``: the
    /// next index to make, and a ring of `lookahead` slots that producers fill and the consumer
    /// empties in index order.
    private final class Pipeline<Result: Sendable>: @unchecked Sendable {
        private let count: Int
        private let make: @Sendable (Int) -> Result
        private var slots: [Result?]
        private var next = 0
        /// Results taken by the consumer so far; index `i` may be made once `i < taken + lookahead`.
        private var taken = 0
        private var lock = pthread_mutex_t()
        private var resultMade = pthread_cond_t()
        private var slotFreed = pthread_cond_t()

        init(count: Int, lookahead: Int, make: @escaping @Sendable (Int) -> Result) {
            self.count = count
            self.make = make
            slots = Array(repeating: nil, count: min(lookahead, count))
            pthread_mutex_init(&lock, nil)
            pthread_cond_init(&resultMade, nil)
            pthread_cond_init(&slotFreed, nil)
        }

        deinit {
            pthread_cond_destroy(&slotFreed)
            pthread_cond_destroy(&resultMade)
            pthread_mutex_destroy(&lock)
        }

        /// Makes results until no index is left (run by each thread).
        func produce() {
            while let index = reserve() {
                let result = make(index)
                pthread_mutex_lock(&lock)
                slots[index % slots.count] = result
                pthread_cond_broadcast(&resultMade)
                pthread_mutex_unlock(&lock)
            }
        }

        /// The next index, once its slot is free; nil when every index is taken.
        private func reserve() -> Int? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            while next < count && next >= taken + slots.count { pthread_cond_wait(&slotFreed, &lock) }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        /// The result at `index`, once made (indexes are taken in order, by one thread).
        func take(_ index: Int) -> Result {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            let slot = index % slots.count
            while slots[slot] == nil { pthread_cond_wait(&resultMade, &lock) }
            let result = slots[slot]!
            slots[slot] = nil
            taken = index + 1
            pthread_cond_broadcast(&slotFreed)
            return result
        }
    }

    /// Items given out once each, by index, to whichever thread asks.
    private final class Handout<Item: Sendable>: @unchecked Sendable {
        let count: Int
        private var items: [Item?]
        private var lock = pthread_mutex_t()

        init(_ items: consuming [Item]) {
            count = items.count
            self.items = items.map(Optional.some)
            pthread_mutex_init(&lock, nil)
        }

        deinit { pthread_mutex_destroy(&lock) }

        /// The item at `index`, which no longer holds it (each index is taken once).
        func take(_ index: Int) -> Item {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            let item = items[index]!
            items[index] = nil
            return item
        }
    }

    /// A type-erased `drain` for the C entry point.
    private final class Job {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Starts a thread draining `work`; nil when no thread could be started, after draining it on
    /// the calling thread instead.
    private static func start<Result: Sendable>(_ work: Work<Result>) -> pthread_t? {
        if let thread = startThread({ work.drain() }) { return thread }
        work.drain()
        return nil
    }

    /// Starts a thread running `run`; nil, with `run` not run, when no thread could be started.
    private static func startThread(_ run: @escaping () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let job = Unmanaged.passRetained(Job(run)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, job)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(job).release()
            return nil
        }
        return thread
    }
}
