/// A stable 64-bit FNV-1a hash, printed as 16 hex digits. Used for finding fingerprints, which
/// must not change between runs, platforms or Swift versions (unlike `Hasher`).
package enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of the parts, ASCII letters folded to lower case, joined by a separator no part
    /// contains (`\u{1F}`), as 16 hex digits.
    package static func hex(of parts: [String]) -> String {
        hex(hash(of: parts))
    }

    /// The hash of the parts (see ``hex(of:)``).
    package static func hash(of parts: [String]) -> UInt64 {
        var builder = Builder()
        for part in parts {
            builder.startPart()
            builder.add(part)
        }
        return builder.value
    }

    /// The hash of ``hash(of:)`` made part by part, each part from pieces, so a caller need not
    /// join its texts into strings and an array first (every shown finding has a fingerprint).
    package struct Builder {
        private var hash = Fingerprint.offsetBasis
        private var hasParts = false

        package init() {}

        /// Starts the next part (after the separator, unless it is the first).
        package mutating func startPart() {
            if hasParts { hash = (hash ^ 0x1F) &* Fingerprint.prime }
            hasParts = true
        }

        /// Adds text to the current part.
        package mutating func add(_ text: String) {
            add(text, folding: true)
        }

        /// Adds text that is already folded (no ASCII capital letter: a cluster's identity) to the
        /// current part: the hash ``add(_:)`` makes of it, without folding each byte again.
        package mutating func add(folded text: String) {
            assert(!text.utf8.contains { $0.asciiLowercased != $0 }, "text with capital letters is not folded")
            add(text, folding: false)
        }

        @inline(__always)
        private mutating func add(_ text: String, folding: Bool) {
            hash = text.withUTF8Bytes { bytes in
                var running = hash
                for byte in bytes {
                    running = (running ^ UInt64(folding ? byte.asciiLowercased : byte)) &* Fingerprint.prime
                }
                return running
            }
        }

        /// The hash so far.
        package var value: UInt64 { hash }
    }

    /// Sixteen lower-case hex digits.
    package static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            writeHex(value, into: buffer)
            return 16
        }
    }

    /// Writes ``hex(_:)``'s sixteen digits into the first sixteen bytes of `buffer` (a report
    /// writes them straight into its text).
    static func writeHex(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        let digits: StaticString = "0123456789abcdef"
        for position in 0..<16 {
            buffer[position] = digits.utf8Start[Int((value >> UInt64(60 - 4 * position)) & 0xF)]
        }
    }
}
