/// Keeps a run from overwriting what it reads. Every file the run reads as an input (a file named
/// on the command line, a file found in a directory that holds something akslint reads, a
/// parameters file, the configuration, the baseline) is protected; a report or baseline about to
/// be written over one of them is refused before anything is written. Files are compared by
/// identity (device and inode), so `./x.json`, a symbolic link to it and a hard link are the same.
///
/// Two exceptions keep everyday runs working: `--write-baseline` may rewrite the `--baseline` it
/// read (that is how a baseline is refreshed), and a file found in a directory that holds nothing
/// akslint reads (such as last run's report) may be replaced.
struct InputProtection {
    /// Why a file is protected, for the refusal message ("the configuration", "an input").
    private var roles: [FileIdentity: String] = [:]

    /// Protects the file at `path` (if it exists) as `role`.
    mutating func protect(_ path: String, as role: String) {
        guard let identity = FileSystem.identity(of: path), roles[identity] == nil else { return }
        roles[identity] = role
    }

    /// The refusal for writing `output` (a report or baseline named with `option`), or nil when
    /// it may be written. Outputs that are not regular files (`/dev/null`, a FIFO) destroy nothing.
    func refusal(toWrite output: String, option: String, except allowed: String? = nil) -> String? {
        guard FileSystem.kind(of: output) == .file, let identity = FileSystem.identity(of: output), let role = roles[identity] else { return nil }
        if let allowed, FileSystem.identity(of: allowed) == identity { return nil }
        return "refusing to write \(option) \(output): it is \(role) of this run; choose another file (nothing was written)"
    }
}
