/// Where JSON text is appended: an `[UInt8]`, or a report writer's ``ByteBuffer``.
protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}

/// Bytes appended at the end, as ``JSONWriter`` makes a report: token by token, millions of
/// them for a fleet.
///
/// An `[UInt8]` asks the runtime on every append whether its storage is shared before it checks
/// for room. This buffer cannot be copied, so it owns its storage alone and only checks for room.
struct ByteBuffer: ~Copyable, ByteSink {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes have been appended.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it first grows.
    init(capacity: Int) {
        storage = .allocate(capacity: max(16, capacity))
    }

    deinit { storage.deallocate() }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(toFit: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if storage.count - count < bytes.count { grow(toFit: bytes.count) }
        (storage.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends `"name":` (and a space when `spaceAfterColon`) for a name that needs no escaping,
    /// checking for room once: a report writes a dozen member names for each finding.
    @inline(__always)
    mutating func append(memberName name: UnsafeBufferPointer<UInt8>, spaceAfterColon: Bool) {
        let length = name.count + (spaceAfterColon ? 4 : 3)
        if storage.count - count < length { grow(toFit: length) }
        let start = storage.baseAddress! + count
        start[0] = UInt8(ascii: "\"")
        if let source = name.baseAddress { (start + 1).update(from: source, count: name.count) }
        start[name.count + 1] = UInt8(ascii: "\"")
        start[name.count + 2] = UInt8(ascii: ":")
        if spaceAfterColon { start[name.count + 3] = UInt8(ascii: " ") }
        count += length
    }

    /// Forgets the bytes, keeping the room.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes appended so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(rebasing: storage[..<count]))
    }

    /// A copy of the bytes appended so far.
    var array: [UInt8] { withBytes { Array($0) } }

    private mutating func grow(toFit extra: Int) {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(2 * storage.count, count + extra))
        larger.baseAddress!.initialize(from: storage.baseAddress!, count: count)
        storage.deallocate()
        storage = larger
    }
}
