/// The parser's stack of the members (or elements) of every container being parsed, outer ones
/// first. A container's items are pushed as they are parsed and moved out, once, into an array of
/// exactly their count when it closes: no array grows by doubling (moving its items at every
/// step) or keeps the unused half of its last growth, and nothing is retained or released on the
/// way.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many items are on the stack.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes an item.
    func push(_ item: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: item)
        count += 1
    }

    /// Moves the items from `start` on into an array, and takes them off the stack.
    func popItems(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let items = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: storage + start, count: taken)
            initialized = taken
        }
        count = start
        return items
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
