/// Which file of an input's ``SourceSet`` a span is in: the input itself (``primary``), or a file
/// it brings in (a Bicep module, a Terraform child module).
public struct SourceFileID: Sendable, Hashable {
    /// The position of the file in its source set.
    public let rawValue: UInt16

    /// The file with the given position in its source set.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The input itself: the file named on the command line.
    public static let primary = SourceFileID(rawValue: 0)
}

/// A half-open range of byte offsets into the UTF-8 text of one file of an input.
///
/// Offsets are `UInt32` because inputs are capped far below 4 GiB (see ``InputLimits``) and
/// every node of the value tree carries one span.
public struct SourceSpan: Sendable, Hashable {
    /// Offset of the first byte.
    public var start: UInt32
    /// Offset just past the last byte.
    public var end: UInt32
    /// The file the offsets are in.
    public var file: SourceFileID

    /// Creates a span from `start` up to, but not including, `end`, in `file`.
    public init(start: Int, end: Int, file: SourceFileID = .primary) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
        self.file = file
    }

    /// Creates a span from its stored parts.
    init(start: UInt32, end: UInt32, file: SourceFileID) {
        self.start = start
        self.end = end
        self.file = file
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
