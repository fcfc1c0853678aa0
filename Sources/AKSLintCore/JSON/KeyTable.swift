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
/// bounded: once it holds ``capacity`` keys, or a key's slot is not found within a few probes,
/// keys are made as if there were no table, so a text of unique or colliding keys costs at most
/// a little time.
struct KeyTable {
    /// Longest key kept.
    static let maximumLength = 64
    /// Most keys kept.
    static let capacity = 1_024
    /// Slots probed for a key before giving up on it.
    private static let probes = 8

    /// Twice ``capacity``, so probing stays short; a power of two.
    private var slots = [String?](repeating: nil, count: 2 * KeyTable.capacity)
    private var count = 0

    /// The key whose bytes are `bytes` (ASCII, between the quotes), `hash` being their
    /// ``JSONScanner/foldedHash(_:)``.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        guard bytes.count > 15, bytes.count <= Self.maximumLength else { return String(decoding: bytes, as: UTF8.self) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.probes {
            guard let kept = slots[slot] else {
                let made = String(decoding: bytes, as: UTF8.self)
                if count < Self.capacity {
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
