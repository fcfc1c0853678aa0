#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The object keys one scanner has made, so that a key written many times (every cluster of a
/// fleet has `enableNodePublicIP`) is one string in memory rather than one per object.
///
/// Only plain keys (ASCII, no escapes) too long to be stored inline (Swift keeps up to 15 UTF-8
/// bytes inside the string itself) and at most ``maximumLength`` bytes are kept. The table is
/// bounded: once it is half full, or a key's slot is not found within a few probes, keys are made
/// as if there were no table, so a text of unique or colliding keys costs at most a little time.
///
/// Its size follows the text's: making and freeing the slots costs time, and a small file (one
/// cluster) repeats few keys, so a text under ``smallestText`` has no table at all.
struct KeyTable {
    /// Longest key kept.
    static let maximumLength = 64
    /// Most keys kept (by the table of a text of 64 KiB or more).
    static let capacity = 1_024
    /// Texts shorter than this have no table.
    static let smallestText = 8 * 1024
    /// Slots probed for a key before giving up on it.
    private static let probes = 8

    /// A power of two, twice as many as the keys kept, so probing stays short; none for a small text.
    private var slots: [String?]
    private var count = 0

    /// A table for a text of `byteCount` bytes: one slot per 32 bytes, up to twice ``capacity``.
    init(forTextOf byteCount: Int) {
        guard byteCount >= Self.smallestText else {
            slots = []
            return
        }
        var size = 256
        while size < 2 * Self.capacity && size * 32 < byteCount { size *= 2 }
        slots = [String?](repeating: nil, count: size)
    }

    /// The key whose bytes are `bytes` (ASCII, between the quotes), `hash` being their
    /// ``JSONScanner/foldedHash(_:)``.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        guard !slots.isEmpty, bytes.count > 15, bytes.count <= Self.maximumLength else { return String(decoding: bytes, as: UTF8.self) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probes {
            guard let kept = slots[slot] else {
                let made = String(decoding: bytes, as: UTF8.self)
                if count < slots.count / 2 {
                    slots[slot] = made
                    count += 1
                }
                return made
            }
            if Self.equal(kept, bytes) { return kept }
            slot = (slot + 1) & mask
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func equal(_ kept: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var kept = kept
        return kept.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}
