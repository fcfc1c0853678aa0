#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report's bytes go: kept in memory, or written to a file descriptor in blocks as they
/// are produced, so a report of any size needs one block of memory rather than the whole report.
public struct ReportOutput {
    /// Bytes are written out once this many are waiting.
    static let blockSize = 64 * 1024

    private var buffer: [UInt8] = []
    private let descriptor: Int32?
    /// The `errno` of the first write that failed (`EPIPE` when the reader went away); everything
    /// after it is dropped.
    public private(set) var writeError: Int32?

    /// An output that keeps every byte in memory (see ``bytes``).
    public init() {
        descriptor = nil
    }

    /// An output that writes to `descriptor` (which it does not close).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    /// The bytes of an in-memory output; for a descriptor's, those not yet written.
    public var bytes: [UInt8] { buffer }

    /// Appends text.
    public mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// Appends bytes.
    public mutating func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends a block of bytes made elsewhere. A block that fills the buffer goes to the
    /// descriptor as it is, after what is waiting, instead of being copied into the buffer first.
    mutating func write(block: [UInt8]) {
        block.withUnsafeBufferPointer { write(block: $0) }
    }

    /// As ``write(block:)-([UInt8])``, for bytes held elsewhere.
    mutating func write(block: UnsafeBufferPointer<UInt8>) {
        guard descriptor != nil, buffer.count + block.count >= Self.blockSize else {
            write(bytes: block)
            return
        }
        flush()
        writeOut(UnsafeRawBufferPointer(block))
    }

    /// Whether bytes go to a descriptor (rather than staying in memory until the end).
    var isStreaming: Bool { descriptor != nil }

    /// Appends whatever `body` adds to the raw buffer (for writers that build bytes in place).
    mutating func withBuffer(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        flushIfFull()
    }

    /// Writes out everything still waiting (call once the report is complete).
    public mutating func finish() {
        flush()
    }

    private mutating func flushIfFull() {
        if descriptor != nil && buffer.count >= Self.blockSize { flush() }
    }

    private mutating func flush() {
        guard descriptor != nil, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the descriptor, unless an earlier write failed.
    private mutating func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard let descriptor, writeError == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let written = writeToDescriptor(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                writeError = errno
                return
            }
            offset += written
        }
    }
}

/// `write(2)`, under a name no method shadows.
private func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
