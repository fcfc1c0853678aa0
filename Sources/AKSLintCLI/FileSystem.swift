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
///
/// Reading never blocks on a file nobody writes (a FIFO is given two seconds to get a writer),
/// never reads more than the limit of the file's kind (checked against `fstat` before reading a
/// regular file, and while reading a pipe), and refuses devices (`/dev/zero`, a terminal).
/// Writing replaces a file atomically (a temporary file beside it, then `rename`), so a failed
/// run never leaves a truncated report behind.
enum FileSystem {
    enum EntryKind: Equatable {
        case file
        case directory
        /// A FIFO or socket: readable as a stream (process substitution gives one).
        case pipe
        case other
        case missing
    }

    /// What is at `path` (following symbolic links).
    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(of: info)
    }

    private static func kind(of info: stat) -> EntryKind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFIFO, S_IFSOCK: return .pipe
        default: return .other
        }
    }

    /// A file's identity (device and inode), following symbolic links; nil when it does not exist.
    static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The entries of a directory (without `.` and `..`), sorted by name for a stable order.
    static func entries(of directory: String) -> [DirectoryEntry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(DirectoryEntry(nameBytes: bytes))
        }
        return entries.sorted { $0.nameBytes.lexicographicallyPrecedes($1.nameBytes) }
    }

    /// The whole content of the file at `path`, at most `limit` bytes. With `requireRegular`, a
    /// FIFO or socket is refused (a file found in a directory must be a file); without, it is read
    /// as a stream, and one that gets no writer within ``writerWaitMilliseconds`` is an error
    /// rather than a wait without end.
    static func read(_ path: String, limit: Int, requireRegular: Bool = false) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: errorText(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: errorText(errno)) }
        switch kind(of: info) {
        case .file:
            let size = Int(info.st_size)
            guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
            return try readAll(descriptor, limit: limit, expected: size)
        case .pipe where !requireRegular:
            // Opened without waiting for a writer; give one a moment to connect (a named FIFO's
            // writer may start just after akslint), then read, which may wait for data.
            guard waitForWriter(descriptor) else { throw .unreadable(reason: "no writer opened the pipe within \(writerWaitMilliseconds / 1000) seconds") }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return try readAll(descriptor, limit: limit)
        case .pipe:
            throw .unreadable(reason: "it is a FIFO or socket, not a regular file")
        case .directory:
            throw .unreadable(reason: "it is a directory")
        case .other, .missing:
            throw .unreadable(reason: "it is a device, not a regular file or a pipe")
        }
    }

    /// How long a FIFO is given to get a writer.
    static let writerWaitMilliseconds: Int32 = 2_000

    /// Whether a writer connects to the FIFO (it has data, or has come and gone) before the wait
    /// is over. On Linux a FIFO that never had a writer is neither readable nor hung up.
    private static func waitForWriter(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&request, 1, writerWaitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Everything readable from a descriptor (standard input, a pipe), up to `limit` bytes. A file
    /// of `expected` bytes is read into a buffer of that size (and one byte, to see its end in one
    /// read); a stream of unknown size into 64 KiB, doubled as it fills. No byte is written twice:
    /// the reads fill the buffer, which is not zeroed first.
    static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var capacity = min(expected > 0 ? expected + 1 : 64 * 1024, limit + 1)
        var failure: InputError?
        var atEnd = false
        while !atEnd {
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { space, initialized in
                initialized = space.initialize(fromContentsOf: bytes)
                while initialized < space.count {
                    let count = systemRead(descriptor, space.baseAddress! + initialized, space.count - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = .unreadable(reason: errorText(errno))
                        return
                    }
                    if count == 0 { atEnd = true; return }
                    initialized += count
                }
            }
            if let failure { throw failure }
            if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
            capacity = min(2 * capacity, limit + 1)
        }
        return bytes
    }

    /// Writes `path` with what `produce` writes to the output it is given. A regular file (or a
    /// new one) is replaced atomically: the bytes go to a temporary file in the same directory,
    /// which is then renamed over it, so readers see the old file or the whole new one, never part
    /// of one. A symbolic link is followed; a device or FIFO (`/dev/null`, `/dev/stdout`) is
    /// written in place.
    static func write(to path: String, _ produce: (inout ReportOutput) -> Void) throws(WriteError) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw WriteError(path: path, reason: "it is a directory") }
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: errorText(errno)) }
            defer { close(descriptor) }
            var output = ReportOutput(descriptor: descriptor)
            produce(&output)
            output.finish()
            if let failure = output.writeError { throw WriteError(path: path, reason: errorText(failure)) }
            return
        }
        try replaceAtomically(target, reportedAs: path, produce)
    }

    private static func replaceAtomically(_ target: String, reportedAs path: String, _ produce: (inout ReportOutput) -> Void) throws(WriteError) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((directory + "." + name.prefix(200) + ".akslint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: errorText(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var output = ReportOutput(descriptor: descriptor)
        produce(&output)
        output.finish()
        var failure = output.writeError
        if failure == nil {
            let mask = umask(0)
            umask(mask)
            if fchmod(descriptor, 0o666 & ~mask) != 0 { failure = errno }
        }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if failure == nil && rename(temporary, target) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: errorText(failure))
        }
    }

    /// Writes every byte to a descriptor; the `errno` of the failure, if any.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// `read(2)`, named so it is not shadowed inside types that have a `read` of their own.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// `write(2)`, named so it is not shadowed inside types that have a `write` of their own.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// A file's device and inode: the same file whatever path names it.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
}

/// One entry of a directory, by the bytes of its name (which need not be UTF-8).
struct DirectoryEntry {
    let nameBytes: [UInt8]

    /// The name, when it is valid UTF-8.
    var name: String? { String(validating: nameBytes, as: UTF8.self) }

    /// The name with every byte that is not part of valid UTF-8 written as `\xNN`, for messages.
    var displayName: String {
        if let name { return name }
        var text = ""
        var index = 0
        while index < nameBytes.count {
            let rest = nameBytes[index...]
            if let valid = (1...min(4, rest.count)).lazy.compactMap({ String(validating: rest.prefix($0), as: UTF8.self) }).first {
                text += valid
                index += valid.utf8.count
            } else {
                text += "\\x" + String(nameBytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return text
    }
}

/// A report or baseline that could not be written.
struct WriteError: Error, Sendable {
    let path: String
    let reason: String

    var message: String { "cannot write \(TerminalSafety.sanitize(path)): \(reason)" }
}
