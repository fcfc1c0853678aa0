/// Maps byte offsets of a UTF-8 text to 1-based lines and UTF-16 columns.
///
/// The parser records where each line starts while it scans, so building the index costs no
/// extra pass; a lookup is a binary search plus a count of the bytes before the offset on its line.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; the first is always 0.
    public private(set) var lineStarts: [UInt32]

    /// An index of a text whose lines start at the given offsets (the first must be 0).
    public init(lineStarts: [UInt32] = [0]) {
        self.lineStarts = lineStarts.isEmpty ? [0] : lineStarts
    }

    /// Builds the index by scanning `bytes` for line breaks (`\n`, `\r\n` and a lone `\r`).
    public init(scanning bytes: [UInt8]) {
        var starts: [UInt32] = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(UInt32(index + 1))
            } else if byte == UInt8(ascii: "\r"), index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
                starts.append(UInt32(index + 1))
            }
            index += 1
        }
        self.lineStarts = starts
    }

    /// Records that a new line starts at `offset` (offsets must be added in increasing order).
    mutating func addLineStart(_ offset: Int) {
        lineStarts.append(UInt32(truncatingIfNeeded: offset))
    }

    /// The position of byte `offset` in `bytes`, the text this index was built for.
    public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = Int(lineStarts[low])
        var column = 1
        var index = lineStart
        while index < clamped {
            column += Self.utf16Width(ofLeadByte: bytes[index])
            index += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The region covered by `span` in `bytes`.
    public func region(of span: SourceSpan, in bytes: [UInt8]) -> SourceRegion {
        let start = position(of: Int(span.start), in: bytes)
        let end = span.end > span.start ? position(of: Int(span.end), in: bytes) : SourcePosition(line: start.line, column: start.column + 1)
        return SourceRegion(start: start, end: end)
    }

    /// How many UTF-16 code units the character that starts with `byte` takes; 0 for continuation bytes.
    @inline(__always)
    static func utf16Width(ofLeadByte byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte < 0xC0 { return 0 }
        if byte < 0xF0 { return 1 }
        return 2
    }
}
