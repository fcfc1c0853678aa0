/// Calls `body` with every byte value at every position of eight `filler` bytes: the bytes, and
/// the word they make in memory order. Tests of code that handles eight bytes at a time compare
/// it with the same test one byte at a time this way.
func forEveryByteInEveryPosition(filler: UInt8, _ body: (_ byte: UInt8, _ position: Int, _ bytes: [UInt8], _ word: UInt64) -> Void) {
    for byte in UInt8.min...UInt8.max {
        for position in 0..<8 {
            var bytes = [UInt8](repeating: filler, count: 8)
            bytes[position] = byte
            body(byte, position, bytes, bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        }
    }
}
