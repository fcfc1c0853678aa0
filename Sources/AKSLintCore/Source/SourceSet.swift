/// The files behind one input: the input itself and any file it brings in, such as a Bicep
/// module or a Terraform child module, so a value read from any of them is reported at the right
/// file, line and column.
///
/// The input's own path is known only to whoever names the input (the command line, an
/// embedder), so the primary file is stored without one and resolved against the input's path.
public struct SourceSet: Sendable {
    /// One file: its path (none for the primary file) and its line index.
    private struct File: Sendable {
        let path: String?
        var lines: LineIndex
    }

    private var files: [File]

    /// A set holding only the input itself, whose lines are `primary`.
    package init(primary: LineIndex) {
        files = [File(path: nil, lines: primary)]
    }

    /// How many files the set holds, the input itself included.
    public var count: Int { files.count }

    /// Adds the file at `path` and returns its identity, to give the spans of its values; a file
    /// already in the set keeps its identity. Record its lines with ``setLines(_:of:)`` once it is
    /// read. Returns `nil` when the set is full (65,536 files).
    package mutating func add(path: String) -> SourceFileID? {
        if let existing = files.firstIndex(where: { $0.path == path }) { return SourceFileID(rawValue: UInt16(existing)) }
        guard files.count <= Int(UInt16.max) else { return nil }
        files.append(File(path: path, lines: LineIndex()))
        return SourceFileID(rawValue: UInt16(files.count - 1))
    }

    /// Records the line index of `file`, built as the file was read.
    package mutating func setLines(_ lines: LineIndex, of file: SourceFileID) {
        guard Int(file.rawValue) < files.count else { return }
        files[Int(file.rawValue)].lines = lines
    }

    /// The path of `file`, where `inputPath` is the input's own.
    public func path(of file: SourceFileID, inputPath: String) -> String {
        guard Int(file.rawValue) < files.count, let path = files[Int(file.rawValue)].path else { return inputPath }
        return path
    }

    /// The path of `file` when it is not the input itself.
    package func secondaryPath(of file: SourceFileID) -> String? {
        Int(file.rawValue) < files.count ? files[Int(file.rawValue)].path : nil
    }

    /// The line and column of byte `offset` of `file`.
    public func position(of offset: Int, in file: SourceFileID) -> SourcePosition {
        lines(of: file).position(of: offset)
    }

    /// The lines and columns `span` covers, in its own file.
    public func region(of span: SourceSpan) -> SourceRegion {
        lines(of: span.file).region(of: span)
    }

    /// The paths of every file, in identity order, the input's own first (as `inputPath`).
    public func paths(inputPath: String) -> [String] {
        files.map { $0.path ?? inputPath }
    }

    private func lines(of file: SourceFileID) -> LineIndex {
        Int(file.rawValue) < files.count ? files[Int(file.rawValue)].lines : files[0].lines
    }
}
