/// Where a suppression is written: a file, and the line when there is one.
public struct SourceReference: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int?

    /// A reference to `path`, at `line` if given.
    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// `path:line`, or `path`.
    public var description: String { line.map { "\(path):\($0)" } ?? path }
}
