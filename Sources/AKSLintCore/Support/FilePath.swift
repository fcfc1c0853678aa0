/// Lexical path normalization (no file system access).
package enum FilePath {
    /// `path` with `.` and `..` segments and repeated slashes removed.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The folder `path` is in (`.` for a bare file name).
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` made absolute against `directory`, normalized.
    package static func absolute(_ path: String, in directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// `path` relative to `root` when it lies inside it (`root` itself excluded), else nil.
    package static func relative(_ path: String, to root: String) -> String? {
        let absolute = absolute(path, in: root)
        let normalizedRoot = normalize(root)
        if normalizedRoot == "." {
            // The current folder: every relative path that does not climb out of it.
            return absolute.hasPrefix("/") || absolute == "." || absolute == ".." || absolute.hasPrefix("../") ? nil : absolute
        }
        let prefix = normalizedRoot == "/" ? "/" : normalizedRoot + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }
}
