/// A canonical property path, such as `properties.aadProfile.managed`: a prefix and the keys a
/// rule read below it, joined with dots only when a report or fingerprint asks. Every setting a
/// rule reads has one, and most results are passes that nobody prints.
public struct PropertyPath: Sendable {
    private let prefix: String?
    private let keys: [String]

    /// The path written out, as given.
    public init(_ text: String) {
        prefix = text
        keys = []
    }

    /// `keys` below `prefix` (`properties`, or a pool's `agentPools[NAME]`), or `keys` alone.
    public init(keys: [String], after prefix: String?) {
        self.prefix = prefix
        self.keys = keys
    }

    /// The path with dots, such as `properties.aadProfile.managed`.
    public var text: String { keys.dottedPath(after: prefix) }

    /// Calls `body` with the pieces of ``text`` in order, so it can be hashed without being joined.
    func forEachPiece(_ body: (String) -> Void) { keys.forEachDottedPiece(after: prefix, body) }
}
