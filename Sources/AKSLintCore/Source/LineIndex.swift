/// Maps byte offsets of a UTF-8 text to 1-based lines and UTF-16 columns, in logarithmic time.
///
/// Whoever scans the text (the parser, as it skips whitespace and reads strings) records where
/// each line starts and where each multi-byte character is, so building the index costs no extra
/// pass. A position is then two binary searches: the line, and how many bytes before the offset on
/// that line are not UTF-16 code units of their own. No lookup walks the line, so a minified
/// one-line file with thousands of findings is as fast as a pretty-printed one.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; the first is always 0.
    public private(set) var lineStarts: [UInt32]
    /// Offsets of the lead bytes of multi-byte characters, in increasing order.
    private var wideCharacters: [UInt32] = []
    /// For each entry of `wideCharacters`: the bytes of it and every earlier multi-byte character
    /// that are not UTF-16 code units (1 for a 2-byte character, 2 for 3- and 4-byte ones).
    private var excessThrough: [UInt32] = []

    /// An index of a text whose lines start at the given offsets (the first must be 0) and that
    /// is plain ASCII unless multi-byte characters are recorded.
    public init(lineStarts: [UInt32] = [0]) {
        self.lineStarts = lineStarts.isEmpty ? [0] : lineStarts
    }

    /// Records that a new line starts at `offset` (offsets must be added in increasing order).
    mutating func addLineStart(_ offset: Int) {
        lineStarts.append(UInt32(truncatingIfNeeded: offset))
    }

    /// Records the multi-byte character whose lead byte (at least `0xC0`) is at `offset`
    /// (offsets must be added in increasing order).
    mutating func addMultiByteCharacter(at offset: Int, leadByte: UInt8) {
        let excess: UInt32 = leadByte < 0xE0 ? 1 : 2
        wideCharacters.append(UInt32(truncatingIfNeeded: offset))
        excessThrough.append((excessThrough.last ?? 0) + excess)
    }

    /// Appends the entries of `later`: an index made by scanning only text after every offset
    /// recorded here. Its first line start (the 0 every index has) is not one of that text's and
    /// is left out.
    mutating func append(_ later: LineIndex) {
        lineStarts.append(contentsOf: later.lineStarts.dropFirst())
        let excessBefore = excessThrough.last ?? 0
        wideCharacters.append(contentsOf: later.wideCharacters)
        excessThrough.append(contentsOf: later.excessThrough.lazy.map { $0 + excessBefore })
    }

    /// The line and column of byte `offset`.
    public func position(of offset: Int) -> SourcePosition {
        let target = UInt32(truncatingIfNeeded: max(0, offset))
        let line = Self.countOfElements(in: lineStarts, notAbove: target) - 1
        let lineStart = lineStarts[line]
        let excess = excessBefore(target) - excessBefore(lineStart)
        return SourcePosition(line: line + 1, column: Int(target - lineStart) - Int(excess) + 1)
    }

    /// The region covered by `span`.
    public func region(of span: SourceSpan) -> SourceRegion {
        let start = position(of: Int(span.start))
        let end = span.end > span.start ? position(of: Int(span.end)) : SourcePosition(line: start.line, column: start.column + 1)
        return SourceRegion(start: start, end: end)
    }

    /// The excess of the multi-byte characters that start before `offset`.
    private func excessBefore(_ offset: UInt32) -> UInt32 {
        let count = Self.countOfElements(in: wideCharacters, below: offset)
        return count == 0 ? 0 : excessThrough[count - 1]
    }

    /// How many elements of the increasing `values` are at most `limit` (at least 1 for line starts).
    private static func countOfElements(in values: [UInt32], notAbove limit: UInt32) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return max(1, low)
    }

    /// How many elements of the increasing `values` are below `limit`.
    private static func countOfElements(in values: [UInt32], below limit: UInt32) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
