/// A half-open range of byte offsets into a document's UTF-8 text.
///
/// Offsets are `UInt32` because inputs are capped far below 4 GiB (see ``InputLimits``) and
/// every node of the value tree carries one span.
public struct SourceSpan: Sendable, Hashable {
    /// Offset of the first byte.
    public var start: UInt32
    /// Offset just past the last byte.
    public var end: UInt32

    /// Creates a span from `start` up to, but not including, `end`.
    public init(start: Int, end: Int) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    /// A span that points at a value that has no text of its own (built by akslint, not read).
    public static let synthetic = SourceSpan(start: 0, end: 0)
}

/// A 1-based line and column. Columns count UTF-16 code units, as SARIF's
/// `columnKind: utf16CodeUnits` says and as editors do.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in UTF-16 code units.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The start and end of a region of a document, as lines and columns.
public struct SourceRegion: Sendable, Hashable {
    /// Where the region starts.
    public var start: SourcePosition
    /// The position just after the region's last character.
    public var end: SourcePosition

    /// Creates a region.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }
}
