import AKSLintTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp for a test's files, removed with everything in it by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/akslint-test-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        path = String(cString: created)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path + "/" + name
        guard let handle = fopen(file, "wb") else { throw TestFailure("cannot write \(file)") }
        defer { fclose(handle) }
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        return file
    }

    /// Creates a subdirectory and returns its path.
    func directory(_ name: String) -> String {
        let sub = path + "/" + name
        mkdir(sub, 0o755)
        return sub
    }

    func read(_ name: String) throws -> String {
        String(decoding: try readBytes(path + "/" + name), as: UTF8.self)
    }

    func remove() {
        removeTree(path)
    }

    private func removeTree(_ directory: String) {
        if let handle = opendir(directory) {
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != "." && name != ".." else { continue }
                let child = directory + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) { removeTree(child) } else { unlink(child) }
            }
            closedir(handle)
        }
        rmdir(directory)
    }
}
