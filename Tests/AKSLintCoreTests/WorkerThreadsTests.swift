@testable import AKSLintCore
import Synchronization
import Testing

@Suite("Worker threads")
struct WorkerThreadsTests {
    /// Counts the items alive, so a test sees when each one goes.
    final class Tracked: Sendable {
        static let alive = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.alive.add(1, ordering: .relaxed)
        }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    @Test("map(taking:) gives results in order and lets each item go once its body returns")
    func handsOutItemsOnce() {
        let items = (0..<50).map(Tracked.init)
        #expect(Tracked.alive.load(ordering: .relaxed) == 50)
        // On one thread, items are taken in order: by the time item n is judged, the n before it
        // must be gone, or the array (or a copy of it) is still holding them.
        let aliveWhenTaken = WorkerThreads.map(taking: consume items, parallelism: 1) { item in
            (item.value, Tracked.alive.load(ordering: .relaxed))
        }
        #expect(aliveWhenTaken.map(\.0) == Array(0..<50))
        #expect(aliveWhenTaken.map(\.1) == (0..<50).map { 50 - $0 })
        #expect(Tracked.alive.load(ordering: .relaxed) == 0)
    }

    @Test("map(taking:) on several threads gives every result, in order")
    func parallelResultsInOrder() {
        let doubled = WorkerThreads.map(taking: Array(0..<1_000), parallelism: 4) { $0 * 2 }
        #expect(doubled == (0..<1_000).map { $0 * 2 })
    }
}
