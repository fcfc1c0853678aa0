#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AKSLintCore

/// The few file-system calls akslint needs, on POSIX directly: one `read` per file into a buffer
/// of the right size, no intermediate `Data`.
enum FileSystem {
    enum EntryKind {
        case file
        case directory
        case other
        case missing
    }

    /// What is at `path` (following symbolic links).
    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The device and inode of a directory, to avoid visiting it twice through links.
    static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino)"
    }

    /// The names in a directory (without `.` and `..`), sorted for a stable order.
    static func entries(of directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The whole content of a regular file, refusing files above the input limit before reading.
    static func read(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(reason: errorText(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: errorText(errno)) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(reason: "it is a directory") }
        let size = Int(info.st_size)
        guard size <= InputLimits.maximumBytes else { throw .tooLarge(bytes: size) }
        return try readAll(descriptor, expected: size)
    }

    /// Everything readable from a descriptor (standard input, a pipe), up to the input limit.
    static func readAll(_ descriptor: Int32, expected: Int = 0) throws(InputError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(expected, 64 * 1024))
        var length = 0
        while true {
            if length == buffer.count {
                guard buffer.count < InputLimits.maximumBytes + 1 else { throw .tooLarge(bytes: length) }
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let count = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + length, raw.count - length)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: errorText(errno))
            }
            if count == 0 { break }
            length += count
            if length > InputLimits.maximumBytes { throw .tooLarge(bytes: length) }
        }
        buffer.removeSubrange(length...)
        return buffer
    }

    /// Writes `text` to `path`, replacing it.
    static func write(_ text: String, to path: String) throws(UsageError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw UsageError("cannot write \(TerminalSafety.sanitize(path)): \(errorText(errno))") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress, raw.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot write \(TerminalSafety.sanitize(path)): \(errorText(errno))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
