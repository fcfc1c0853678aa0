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

    @Test("forEachInOrder uses every result in order, never more than lookahead ahead", arguments: [(1, 1), (2, 3), (4, 4), (3, 50)])
    func orderedPipeline(parallelism: Int, lookahead: Int) {
        let made = Atomic<Int>(0)
        var used: [Int] = []
        var mostAhead = 0
        WorkerThreads.forEachInOrder(count: 200, parallelism: parallelism, lookahead: lookahead) { index in
            made.add(1, ordering: .relaxed)
            return index * 3
        } use: { result in
            // Results made (or being made) but not used yet: this one, and at most lookahead after it.
            mostAhead = max(mostAhead, made.load(ordering: .relaxed) - used.count)
            used.append(result)
        }
        #expect(used == (0..<200).map { $0 * 3 })
        #expect(mostAhead >= 1 && mostAhead <= lookahead + 1)
    }

    @Test("forEachInOrder with fewer items than threads or lookahead")
    func orderedPipelineShortRun() {
        var used: [Int] = []
        WorkerThreads.forEachInOrder(count: 2, parallelism: 8, lookahead: 16) { $0 } use: { used.append($0) }
        #expect(used == [0, 1])
        WorkerThreads.forEachInOrder(count: 0, parallelism: 2, lookahead: 4) { $0 } use: { used.append($0) }
        #expect(used == [0, 1])
    }
}
