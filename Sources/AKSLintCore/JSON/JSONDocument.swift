/// A parsed document: its value tree, its UTF-8 text and the index that turns offsets into lines.
public struct JSONDocument: Sendable {
    /// The top-level value.
    public let root: JSONNode
    /// The UTF-8 text the tree was parsed from (spans are offsets into it).
    public let text: [UInt8]
    /// Line starts of `text`.
    public let lineIndex: LineIndex
    /// Legal but suspicious constructs, such as duplicate keys.
    public let warnings: [JSONWarning]

    /// Creates a document from its parts.
    public init(root: JSONNode, text: [UInt8], lineIndex: LineIndex, warnings: [JSONWarning] = []) {
        self.root = root
        self.text = text
        self.lineIndex = lineIndex
        self.warnings = warnings
    }

    /// The line and column of a byte offset.
    public func position(of offset: Int) -> SourcePosition {
        lineIndex.position(of: offset)
    }

    /// The lines and columns a span covers.
    public func region(of span: SourceSpan) -> SourceRegion {
        lineIndex.region(of: span)
    }
}
