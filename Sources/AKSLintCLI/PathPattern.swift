import AKSLintCore

/// A glob pattern for `--exclude`, matched against a path below a scanned directory.
///
/// `*` matches any run of characters within one name and `?` one character; `**` as a whole
/// segment matches any number of folders. A pattern without `/` is matched against every name
/// along the path (`node_modules`, `*.parameters.json`), as `.gitignore` does; one with `/` is
/// matched against the whole path below the scanned directory (`examples/**`, `env/*/dev.json`).
/// Names are matched as ``GlobPattern`` matches (at worst the product of the lengths: no
/// backtracking explosion whatever the pattern), but with case counting.
package struct PathPattern: Sendable, Equatable {
    /// The pattern as given.
    package let text: String
    private let segments: [[UInt8]]
    private let anchored: Bool

    /// Creates a pattern; a leading `./` or `/` and a trailing `/` are ignored.
    package init(_ text: String) {
        self.text = text
        var body = Substring(text)
        while body.hasPrefix("./") { body = body.dropFirst(2) }
        while body.hasPrefix("/") { body = body.dropFirst() }
        while body.hasSuffix("/") { body = body.dropLast() }
        segments = body.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        anchored = body.contains("/")
    }

    /// Whether `relativePath` (names separated by `/`, relative to the scanned directory) matches.
    package func matches(_ relativePath: String) -> Bool {
        let names = relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        guard anchored else {
            return segments.count == 1 && names.contains { Self.matches(name: $0, pattern: segments[0]) }
        }
        return Self.matches(names: names[...], segments: segments[...])
    }

    /// Path segments against pattern segments, `**` matching zero or more names. Each `**` tries
    /// every split once, and consecutive `**` are one, so the work is bounded by names × segments.
    private static func matches(names: ArraySlice<[UInt8]>, segments: ArraySlice<[UInt8]>) -> Bool {
        var reachable = Array(repeating: false, count: names.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = Array(repeating: false, count: names.count + 1)
            if segment == Array("**".utf8) {
                var seen = false
                for index in 0...names.count {
                    seen = seen || reachable[index]
                    next[index] = seen
                }
            } else {
                for index in 0..<names.count where reachable[index] && matches(name: names[names.startIndex + index], pattern: segment) {
                    next[index + 1] = true
                }
            }
            reachable = next
        }
        return reachable[names.count]
    }

    /// One name against one segment's `*` and `?` (case counts: paths are case-sensitive).
    private static func matches(name: [UInt8], pattern: [UInt8]) -> Bool {
        GlobPattern.matches(name, pattern: pattern, anyRun: UInt8(ascii: "*"), anyOne: UInt8(ascii: "?"))
    }
}
